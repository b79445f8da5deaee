package io.haechi.server.web;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.haechi.model.catalog.Catalog;
import io.haechi.model.catalog.SegmentDesc;
import io.haechi.model.catalog.SegmentStatus;
import io.haechi.model.catalog.Versioned;
import io.haechi.model.cube.CubeDesc;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.star.ModelDesc;
import io.haechi.model.table.TableDesc;
import io.haechi.model.validate.ValidatedCube;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Segments: list with ranges, rows and bytes; one with its rows per cuboid; drop a READY one. */
final class SegmentEndpoints {
    private final WebServices services;
    private final DescriptorChecks checks;

    SegmentEndpoints(WebServices services, DescriptorChecks checks) {
        this.services = requireNonNull(services, "services is null");
        this.checks = requireNonNull(checks, "checks is null");
    }

    void register(Router router) {
        router.add("GET", "/api/projects/{project}/segments", this::list);
        router.add("GET", "/api/projects/{project}/cubes/{cube}/segments/{segment}", this::get);
        router.add("DELETE", "/api/projects/{project}/cubes/{cube}/segments/{segment}", this::drop);
    }

    private Catalog catalog() {
        return services.context().catalog();
    }

    private ApiResponse list(ApiRequest request) {
        String project = ProjectEndpoints.require(services, request);
        Optional<String> cube = request.query("cube");
        cube.ifPresent(c -> catalog().requireCube(project, c));
        ArrayNode out = ApiJson.NODES.arrayNode();
        for (Versioned<SegmentDesc> s : catalog().segments(project, cube)) {
            out.add(view(s.value()));
        }
        return ApiResponse.ok(out);
    }

    private Versioned<SegmentDesc> segment(ApiRequest request, String project) {
        String cube = request.param("cube");
        catalog().requireCube(project, cube);
        String name = request.param("segment");
        return catalog().segment(project, cube, name).orElseThrow(() -> new HaechiException(
                ErrorCode.METADATA_NOT_FOUND, "cube '" + cube + "' of project '" + project + "' has no segment '"
                        + name + "'; its segments: " + catalog().segments(project, Optional.of(cube)).stream()
                        .map(s -> s.value().name()).toList()));
    }

    private ApiResponse get(ApiRequest request) {
        String project = ProjectEndpoints.require(services, request);
        SegmentDesc s = segment(request, project).value();
        ObjectNode out = view(s);
        ArrayNode cuboids = out.putArray("cuboidList");
        if (s.status() == SegmentStatus.READY) {
            ValidatedCube cube = validated(project, s.cube());
            long total = Math.max(1, s.totalRows());
            for (Map.Entry<Long, Long> e : s.rowsPerCuboid().entrySet()) {
                ObjectNode c = cuboids.addObject();
                c.put("id", Long.toString(e.getKey()));
                ArrayNode dims = c.putArray("dimensions");
                cube.layout().dimensionsOf(e.getKey()).forEach(dims::add);
                c.put("rows", e.getValue());
                c.put("bytes", Math.round((double) s.bytesStored() * e.getValue() / total));
                c.put("base", e.getKey() == cube.cuboids().baseCuboid());
            }
        }
        return ApiResponse.ok(out);
    }

    private ApiResponse drop(ApiRequest request) {
        String project = ProjectEndpoints.require(services, request);
        Versioned<SegmentDesc> s = segment(request, project);
        if (s.value().status() != SegmentStatus.READY) {
            throw new HaechiException(ErrorCode.JOB_STATE_CONFLICT, "segment " + s.value().name() + " is "
                    + s.value().status() + " (job " + s.value().jobId() + "); cancel and discard its job instead");
        }
        // Invisible to queries first (one metadata commit), then its stored data goes.
        catalog().deleteSegment(project, s);
        services.context().engine().refresh(project);
        services.context().cubeStore().dropSegment(s.value().storageId());
        return ApiResponse.noContent();
    }

    private ValidatedCube validated(String project, String cubeName) {
        CubeDesc cube = catalog().requireCube(project, cubeName).value();
        ModelDesc model = catalog().model(project, cube.model()).orElseThrow().value();
        List<TableDesc> tables = catalog().tables(project).stream().map(Versioned::value).toList();
        return checks.validator().cube(cube, model, tables);
    }

    static ObjectNode view(SegmentDesc s) {
        ObjectNode out = ApiJson.NODES.objectNode();
        out.put("cube", s.cube());
        out.put("name", s.name());
        out.put("from", s.from().toString());
        out.put("to", s.to().toString());
        out.put("status", s.status().name());
        out.put("jobId", s.jobId());
        out.put("storageId", s.storageId());
        out.put("sourceRows", s.sourceRows());
        out.put("cuboidRows", s.totalRows());
        out.put("bytes", s.bytesStored());
        out.put("cuboids", s.rowsPerCuboid().size());
        out.put("shards", s.shardCount());
        ObjectNode misses = out.putObject("leftJoinMisses");
        s.leftJoinMisses().forEach(misses::put);
        return out;
    }
}
