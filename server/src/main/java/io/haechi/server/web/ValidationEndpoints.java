package io.haechi.server.web;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.haechi.model.ValidationIssue;
import io.haechi.model.catalog.Catalog;
import io.haechi.model.catalog.SegmentDesc;
import io.haechi.model.catalog.SegmentStatus;
import io.haechi.model.catalog.Versioned;
import io.haechi.model.cube.CubeDesc;
import io.haechi.model.json.Descriptor;
import io.haechi.model.lattice.GroupCount;
import io.haechi.model.star.ModelDesc;
import io.haechi.model.table.TableDesc;
import io.haechi.model.validate.ValidatedCube;
import io.haechi.model.validate.ValidationReport;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checking a model or cube without saving it, as the wizard is edited: the problems with their field paths, the
 * cuboid count per aggregation group and in total, and for a cube the estimated rows and bytes per cuboid.
 */
final class ValidationEndpoints {
    private final WebServices services;
    private final DescriptorChecks checks;
    private final CuboidSampling sampling;

    ValidationEndpoints(WebServices services, DescriptorChecks checks, CuboidSampling sampling) {
        this.services = requireNonNull(services, "services is null");
        this.checks = requireNonNull(checks, "checks is null");
        this.sampling = requireNonNull(sampling, "sampling is null");
    }

    void register(Router router) {
        router.add("POST", "/api/projects/{project}/models/validate", r -> validate(r, "model"));
        router.add("POST", "/api/projects/{project}/cubes/validate", r -> validate(r, "cube"));
    }

    private ApiResponse validate(ApiRequest request, String kind) {
        String project = ProjectEndpoints.require(services, request);
        String estimate = request.query("estimate").orElse("auto").toLowerCase(Locale.ROOT);
        if (!List.of("auto", "none", "segments", "sample").contains(estimate)) {
            throw ApiRequest.invalid("estimate", "query parameter 'estimate' must be auto, none, segments or "
                    + "sample, got '" + estimate + "'");
        }
        Optional<LocalDate> from = request.dateQuery("from");
        Optional<LocalDate> to = request.dateQuery("to");
        int sampleRows = request.intQuery("sampleRows", 1_000_000, 1, 10_000_000);
        if (estimate.equals("sample")) {
            if (from.isEmpty() || to.isEmpty()) {
                throw ApiRequest.invalid(from.isEmpty() ? "from" : "to", "estimate=sample needs the range to "
                        + "sample: from=yyyy-MM-dd&to=yyyy-MM-dd (to exclusive)");
            }
            if (!from.get().isBefore(to.get())) {
                throw ApiRequest.invalid("to", "'to' " + to.get() + " must be after 'from' " + from.get());
            }
        }
        DescriptorChecks.Draft draft = checks.readDraft(request, kind);
        if (draft.document().isEmpty()) {
            return ApiResponse.ok(report(draft.unreadable()));
        }
        Descriptor d = draft.document().get();
        Catalog catalog = services.context().catalog();
        ValidationReport report = checks.check(catalog, project, d);
        ObjectNode out = report(report);
        if (d instanceof Descriptor.Cube c && report.isValid() && !estimate.equals("none")) {
            ValidatedCube cube = validated(catalog, project, c.cube());
            estimates(catalog, project, cube, estimate, from, to, sampleRows).ifPresent(e -> out.set("estimates", e));
        }
        return ApiResponse.ok(out);
    }

    private ObjectNode report(ValidationReport report) {
        ObjectNode out = ApiJson.NODES.objectNode();
        out.put("valid", report.isValid());
        out.put("subject", report.subject());
        ArrayNode issues = out.putArray("issues");
        for (ValidationIssue i : report.issues()) {
            issues.add(ApiErrors.issue(i));
        }
        ArrayNode groups = out.putArray("groups");
        for (GroupCount g : report.groups()) {
            ObjectNode n = groups.addObject();
            n.put("group", g.group());
            if (g.cuboids().bitLength() >= 63) {
                n.put("cuboids", new java.math.BigDecimal(g.cuboids()));
            } else {
                n.put("cuboids", g.cuboids().longValueExact());
            }
            n.put("cuboidsText", g.cuboids().toString());
            n.put("shape", g.shape());
            n.put("overCap", g.overCap());
        }
        if (report.totalCuboids().isPresent()) {
            out.put("totalCuboids", report.totalCuboids().getAsLong());
        }
        out.put("cuboidCap", checks.cuboidCap());
        return out;
    }

    private ValidatedCube validated(Catalog catalog, String project, CubeDesc cube) {
        ModelDesc model = catalog.model(project, cube.model()).orElseThrow().value();
        List<TableDesc> tables = catalog.tables(project).stream().map(Versioned::value).toList();
        return checks.validator().cube(cube, model, tables);
    }

    private Optional<ObjectNode> estimates(Catalog catalog, String project, ValidatedCube cube, String mode,
            Optional<LocalDate> from, Optional<LocalDate> to, int sampleRows) {
        if (mode.equals("sample")) {
            if (cube.cuboids().size() > CuboidEstimates.MAX_LISTED) {
                throw ApiRequest.invalid("estimate", "the cube has " + cube.cuboids().size() + " cuboids; a sampling "
                        + "pass sketches at most " + CuboidEstimates.MAX_LISTED + " (cut the lattice down first)");
            }
            return Optional.of(sampling.sample(catalog, project, cube, from.orElseThrow(), to.orElseThrow(),
                    sampleRows));
        }
        Optional<Versioned<CubeDesc>> stored = catalog.cube(project, cube.cube().name());
        List<SegmentDesc> ready = stored.isEmpty() ? List.of() : catalog.segments(project,
                Optional.of(cube.cube().name())).stream().map(Versioned::value)
                .filter(s -> s.status() == SegmentStatus.READY).toList();
        if (ready.isEmpty()) {
            if (mode.equals("auto")) {
                return Optional.empty();
            }
            return Optional.of(new CuboidEstimates().render(cube, "none", "cube '" + cube.cube().name()
                    + "' has no READY segment to measure; estimate=sample reads the source instead"));
        }
        ValidatedCube storedCube = validated(catalog, project, stored.get().value());
        CuboidEstimates figures = new CuboidEstimates();
        long factRows = 0;
        for (SegmentDesc s : ready) {
            figures.addSegment(s, storedCube.layout());
            factRows += s.sourceRows();
        }
        LocalDate first = ready.stream().map(SegmentDesc::from).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = ready.stream().map(SegmentDesc::to).max(LocalDate::compareTo).orElseThrow();
        ObjectNode out = figures.render(cube, "segments", ready.size() + " READY segment" + (ready.size() == 1 ? ""
                : "s") + " of the stored cube in [" + first + ", " + last + "): stored rows per cuboid, bytes split "
                + "by rows; a cuboid the stored cube lacks has no figures");
        out.put("from", first.toString());
        out.put("to", last.toString());
        out.put("factRows", factRows);
        out.put("complete", true);
        return Optional.of(out);
    }
}
