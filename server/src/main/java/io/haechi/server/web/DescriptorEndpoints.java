package io.haechi.server.web;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.haechi.model.catalog.ApplyPlan;
import io.haechi.model.catalog.Catalog;
import io.haechi.model.catalog.SegmentDesc;
import io.haechi.model.catalog.SegmentStatus;
import io.haechi.model.catalog.Versioned;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.json.Descriptor;
import io.haechi.model.spi.MetadataDocument;
import io.haechi.model.spi.MetadataKey;
import io.haechi.model.star.ModelDesc;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tables, models and cubes as versioned documents: list, get, create (models and cubes; tables are registered by
 * {@link TableEndpoints}), update with a version check, delete. Every write is one catalog commit and validates the
 * document against the project first, so a refused request writes nothing.
 */
final class DescriptorEndpoints {
    private static final Logger LOG = LoggerFactory.getLogger(DescriptorEndpoints.class);

    private final WebServices services;
    private final DescriptorChecks checks;
    private final String kind;
    private final String param;

    DescriptorEndpoints(WebServices services, DescriptorChecks checks, String kind) {
        this.services = requireNonNull(services, "services is null");
        this.checks = requireNonNull(checks, "checks is null");
        this.kind = requireNonNull(kind, "kind is null");
        this.param = kind;
    }

    void register(Router router) {
        String collection = "/api/projects/{project}/" + kind + "s";
        String one = collection + "/{" + param + "}";
        router.add("GET", collection, this::list);
        router.add("GET", one, this::get);
        router.add("PUT", one, this::update);
        router.add("DELETE", one, this::delete);
        if (!kind.equals("table")) {
            router.add("POST", collection, this::create);
        }
    }

    private Catalog catalog() {
        return services.context().catalog();
    }

    private ApiResponse list(ApiRequest request) {
        String project = ProjectEndpoints.require(services, request);
        ArrayNode out = ApiJson.NODES.arrayNode();
        for (MetadataDocument d : catalog().store().list(kind, project)) {
            out.add(view(project, d));
        }
        return ApiResponse.ok(out);
    }

    private ApiResponse get(ApiRequest request) {
        String project = ProjectEndpoints.require(services, request);
        MetadataDocument d = require(project, request.param(param));
        return ApiResponse.ok(view(project, d)).withVersion(d.version());
    }

    private ApiResponse create(ApiRequest request) {
        String project = ProjectEndpoints.require(services, request);
        Descriptor d = checks.read(request, kind);
        MetadataDocument created = write(project, d, Optional.empty(), false);
        return ApiResponse.created(view(project, created), "/api/projects/" + project + "/" + kind + "s/"
                + d.name()).withVersion(created.version());
    }

    private ApiResponse update(ApiRequest request) {
        String project = ProjectEndpoints.require(services, request);
        String name = request.param(param);
        long expected = request.expectedVersion();
        boolean dropSegments = request.boolQuery("dropSegments");
        require(project, name);
        Descriptor d = checks.read(request, kind);
        if (!d.name().equals(name)) {
            throw ApiRequest.invalid("name", "'name' is '" + d.name() + "' but the URL names " + kind + " '" + name
                    + "'; a " + kind + " cannot be renamed (create the new one, then delete the old)");
        }
        MetadataDocument updated = write(project, d, Optional.of(expected), dropSegments);
        return ApiResponse.ok(view(project, updated)).withVersion(updated.version());
    }

    private ApiResponse delete(ApiRequest request) {
        String project = ProjectEndpoints.require(services, request);
        String name = request.param(param);
        long expected = request.expectedVersion();
        boolean dropSegments = request.boolQuery("dropSegments");
        require(project, name);
        List<SegmentDesc> dropped = catalog().delete(project, kind, name, expected, dropSegments);
        dropData(dropped);
        services.context().engine().refresh(project);
        return ApiResponse.noContent();
    }

    /**
     * Creates ({@code expected} empty) or updates a document in one commit, refusing an invalid document, a stale
     * version, an existing name on create, and a change that invalidates segments still being built.
     */
    MetadataDocument write(String project, Descriptor d, Optional<Long> expected, boolean dropSegments) {
        DescriptorChecks.requireValid(checks.check(catalog(), project, d));
        ApplyPlan plan = catalog().plan(project, List.of(d));
        ApplyPlan.Change change = plan.changes().get(0);
        MetadataKey key = new MetadataKey(kind, project, d.name());
        if (expected.isEmpty()) {
            if (change.action() != ApplyPlan.Action.CREATE) {
                throw new HaechiException(ErrorCode.METADATA_CONFLICT, key.describe() + " already exists (version "
                        + change.expectedVersion() + "); change it with PUT");
            }
        } else {
            if (change.action() == ApplyPlan.Action.CREATE) {
                throw new HaechiException(ErrorCode.METADATA_NOT_FOUND, "there is no " + key.describe());
            }
            if (change.expectedVersion() != expected.get()) {
                throw stale(key, change.expectedVersion(), expected.get());
            }
            if (change.action() == ApplyPlan.Action.UNCHANGED) {
                return require(project, d.name());
            }
            plan = new ApplyPlan(project, List.of(new ApplyPlan.Change(d, ApplyPlan.Action.UPDATE, expected.get(),
                    change.invalidatedSegments())));
        }
        refuseWhileBuilding(project, plan.invalidatedSegments());
        List<SegmentDesc> dropped = catalog().apply(plan, dropSegments);
        dropData(dropped);
        services.context().engine().refresh(project);
        return require(project, d.name());
    }

    static HaechiException stale(MetadataKey key, long stored, long expected) {
        return new HaechiException(ErrorCode.METADATA_CONFLICT, key.describe() + " is at version " + stored
                + ", not " + expected + ": someone changed it since it was read; reload it and apply the change "
                + "again. Nothing was written");
    }

    private void refuseWhileBuilding(String project, List<String> invalidated) {
        for (Versioned<SegmentDesc> s : catalog().segments(project, Optional.empty())) {
            String id = s.value().cube() + "/" + s.value().name();
            if (invalidated.contains(id) && s.value().status() == SegmentStatus.BUILDING) {
                throw new HaechiException(ErrorCode.JOB_STATE_CONFLICT, "the change would invalidate segment " + id
                        + ", which job " + s.value().jobId() + " is building; cancel and discard the job first. "
                        + "Nothing was written");
            }
        }
    }

    private void dropData(List<SegmentDesc> dropped) {
        for (SegmentDesc s : dropped) {
            try {
                services.context().cubeStore().dropSegment(s.storageId());
            } catch (RuntimeException e) {
                // The segment is gone from the metadata (queries no longer see it); only its storage is left over.
                LOG.warn("segment {}/{} was dropped from the metadata but its stored data {} could not be removed",
                        s.cube(), s.name(), s.storageId(), e);
            }
        }
    }

    private MetadataDocument require(String project, String name) {
        return catalog().store().get(new MetadataKey(kind, project, name)).orElseThrow(() -> new HaechiException(
                ErrorCode.METADATA_NOT_FOUND, "there is no " + kind + " '" + name + "' in project '" + project
                        + "'; its " + kind + "s: " + catalog().store().list(kind, project).stream()
                        .map(MetadataDocument::name).toList()));
    }

    /** {@code {kind, name, version, descriptor, usedBy | segments}}. */
    ObjectNode view(String project, MetadataDocument d) {
        ObjectNode out = ApiJson.NODES.objectNode();
        out.put("kind", kind);
        out.put("name", d.name());
        out.put("version", d.version());
        out.set("descriptor", ApiJson.tree(d.json()));
        switch (kind) {
            case "table" -> {
                ArrayNode used = out.putArray("usedBy");
                for (Versioned<ModelDesc> m : catalog().models(project)) {
                    ModelDesc model = m.value();
                    if (model.factTable().equals(d.name())
                            || model.lookups().stream().anyMatch(l -> l.table().equals(d.name()))) {
                        used.add(model.name());
                    }
                }
            }
            case "model" -> {
                ArrayNode used = out.putArray("usedBy");
                catalog().cubes(project).stream().filter(c -> c.value().model().equals(d.name()))
                        .forEach(c -> used.add(c.value().name()));
            }
            default -> out.put("segments", catalog().segments(project, Optional.of(d.name())).size());
        }
        return out;
    }
}
