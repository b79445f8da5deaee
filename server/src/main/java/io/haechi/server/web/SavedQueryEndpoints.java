package io.haechi.server.web;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.spi.MetadataDocument;
import io.haechi.model.spi.MetadataKey;
import io.haechi.model.spi.MetadataStore;
import java.time.Instant;
import java.util.Set;

/**
 * An analyst's saved queries per project, kept as metadata documents of kind {@value #KIND} (shared by everyone
 * using the server, versioned like the descriptors).
 */
final class SavedQueryEndpoints {
    static final String KIND = "saved_query";
    private static final int MAX_CHART_BYTES = 16 * 1024;
    private static final Set<String> FIELDS = Set.of("name", "sql", "description", "chart");

    private final WebServices services;

    SavedQueryEndpoints(WebServices services) {
        this.services = requireNonNull(services, "services is null");
    }

    void register(Router router) {
        router.add("GET", "/api/projects/{project}/queries", this::list);
        router.add("POST", "/api/projects/{project}/queries", this::create);
        router.add("GET", "/api/projects/{project}/queries/{query}", this::get);
        router.add("PUT", "/api/projects/{project}/queries/{query}", this::update);
        router.add("DELETE", "/api/projects/{project}/queries/{query}", this::delete);
    }

    private MetadataStore store() {
        return services.context().metadata();
    }

    private ApiResponse list(ApiRequest request) {
        String project = ProjectEndpoints.require(services, request);
        ArrayNode out = ApiJson.NODES.arrayNode();
        for (MetadataDocument d : store().list(KIND, project)) {
            out.add(view(d));
        }
        return ApiResponse.ok(out);
    }

    private MetadataDocument require(String project, String name) {
        return store().get(new MetadataKey(KIND, project, name)).orElseThrow(() -> new HaechiException(
                ErrorCode.METADATA_NOT_FOUND, "project '" + project + "' has no saved query '" + name + "'"));
    }

    private ApiResponse get(ApiRequest request) {
        String project = ProjectEndpoints.require(services, request);
        MetadataDocument d = require(project, request.param("query"));
        return ApiResponse.ok(view(d)).withVersion(d.version());
    }

    private ApiResponse create(ApiRequest request) {
        String project = ProjectEndpoints.require(services, request);
        ObjectNode doc = document(request);
        String name = doc.get("name").textValue();
        MetadataKey key = new MetadataKey(KIND, project, name);
        if (store().get(key).isPresent()) {
            throw new HaechiException(ErrorCode.METADATA_CONFLICT, "project '" + project + "' already has a saved "
                    + "query '" + name + "'; change it with PUT");
        }
        MetadataDocument d = store().create(key, doc.toString());
        return ApiResponse.created(view(d), "/api/projects/" + project + "/queries/" + name)
                .withVersion(d.version());
    }

    private ApiResponse update(ApiRequest request) {
        String project = ProjectEndpoints.require(services, request);
        String name = request.param("query");
        long expected = request.expectedVersion();
        MetadataDocument stored = require(project, name);
        ObjectNode doc = document(request);
        if (!doc.get("name").textValue().equals(name)) {
            throw ApiRequest.invalid("name", "'name' is '" + doc.get("name").textValue() + "' but the URL names "
                    + "the saved query '" + name + "'");
        }
        if (stored.version() != expected) {
            throw DescriptorEndpoints.stale(stored.key(), stored.version(), expected);
        }
        MetadataDocument d = store().update(stored.key(), doc.toString(), expected);
        return ApiResponse.ok(view(d)).withVersion(d.version());
    }

    private ApiResponse delete(ApiRequest request) {
        String project = ProjectEndpoints.require(services, request);
        long expected = request.expectedVersion();
        MetadataDocument stored = require(project, request.param("query"));
        if (stored.version() != expected) {
            throw DescriptorEndpoints.stale(stored.key(), stored.version(), expected);
        }
        store().delete(stored.key(), expected);
        return ApiResponse.noContent();
    }

    /** The body checked and normalised into the stored document (with {@code updatedAt}). */
    private static ObjectNode document(ApiRequest request) {
        ObjectNode body = request.object(FIELDS);
        String name = ApiRequest.requiredText(body, "name");
        ApiRequest.identifier("name", name, "saved query name");
        String sql = ApiRequest.requiredText(body, "sql");
        ObjectNode doc = ApiJson.NODES.objectNode();
        doc.put("name", name);
        doc.put("sql", sql);
        doc.put("description", ApiRequest.text(body, "description").orElse(""));
        JsonNode chart = body.get("chart");
        if (chart != null && !chart.isNull()) {
            if (!chart.isObject()) {
                throw ApiRequest.invalid("chart", "'chart' must be a JSON object");
            }
            if (chart.toString().length() > MAX_CHART_BYTES) {
                throw ApiRequest.invalid("chart", "'chart' must be at most " + MAX_CHART_BYTES + " characters of "
                        + "JSON");
            }
            doc.set("chart", chart);
        }
        doc.put("updatedAt", Instant.now().toString());
        return doc;
    }

    private static ObjectNode view(MetadataDocument d) {
        ObjectNode out = (ObjectNode) ApiJson.tree(d.json());
        out.put("version", d.version());
        return out;
    }
}
