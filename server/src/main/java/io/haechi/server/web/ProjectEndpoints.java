package io.haechi.server.web;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.haechi.model.catalog.Catalog;
import io.haechi.model.catalog.SegmentDesc;
import io.haechi.model.catalog.SegmentStatus;
import io.haechi.model.catalog.Versioned;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Projects: list with counts, create an empty one, get one. */
final class ProjectEndpoints {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    private final WebServices services;

    ProjectEndpoints(WebServices services) {
        this.services = requireNonNull(services, "services is null");
    }

    void register(Router router) {
        router.add("GET", "/api/projects", this::list);
        router.add("POST", "/api/projects", this::create);
        router.add("GET", "/api/projects/{project}", this::get);
    }

    /** The request's {@code project} path parameter, which must name an existing project (404 otherwise). */
    static String require(WebServices services, ApiRequest request) {
        String project = request.param("project");
        Catalog catalog = services.context().catalog();
        if (!IDENTIFIER.matcher(project).matches() || !catalog.projectExists(project)) {
            throw new HaechiException(ErrorCode.METADATA_NOT_FOUND, "there is no project '" + project
                    + "'; the projects: " + catalog.projects());
        }
        return project;
    }

    private ApiResponse list(ApiRequest request) {
        Catalog catalog = services.context().catalog();
        ArrayNode out = ApiJson.NODES.arrayNode();
        for (String p : catalog.projects()) {
            if (catalog.projectExists(p)) {
                out.add(view(catalog, p));
            }
        }
        return ApiResponse.ok(out);
    }

    private ApiResponse get(ApiRequest request) {
        String project = require(services, request);
        return ApiResponse.ok(view(services.context().catalog(), project));
    }

    private ApiResponse create(ApiRequest request) {
        ObjectNode body = request.object(Set.of("name"));
        String name = ApiRequest.requiredText(body, "name");
        ApiRequest.identifier("name", name, "project name");
        Catalog catalog = services.context().catalog();
        if (catalog.projectExists(name)) {
            throw new HaechiException(ErrorCode.METADATA_CONFLICT, "project '" + name + "' already exists");
        }
        catalog.apply(catalog.plan(name, List.of()), false);
        return ApiResponse.created(view(catalog, name), "/api/projects/" + name);
    }

    static ObjectNode view(Catalog catalog, String project) {
        ObjectNode out = ApiJson.NODES.objectNode();
        out.put("name", project);
        out.put("tables", catalog.tables(project).size());
        out.put("models", catalog.models(project).size());
        out.put("cubes", catalog.cubes(project).size());
        List<Versioned<SegmentDesc>> segments = catalog.segments(project, Optional.empty());
        out.put("segments", segments.size());
        List<SegmentDesc> ready = segments.stream().map(Versioned::value)
                .filter(s -> s.status() == SegmentStatus.READY).toList();
        out.put("readySegments", ready.size());
        out.put("cuboidRows", ready.stream().mapToLong(SegmentDesc::totalRows).sum());
        out.put("bytesStored", ready.stream().mapToLong(SegmentDesc::bytesStored).sum());
        return out;
    }
}
