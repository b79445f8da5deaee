package io.haechi.server.web;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.haechi.builder.source.DateInterval;
import io.haechi.builder.source.PartitionFilter;
import io.haechi.builder.source.SourceScan;
import io.haechi.builder.source.SourceSplit;
import io.haechi.model.catalog.Catalog;
import io.haechi.model.catalog.SegmentDesc;
import io.haechi.model.catalog.Versioned;
import io.haechi.model.cube.CubeDesc;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.star.ModelDesc;
import io.haechi.model.star.PartitionDesc;
import io.haechi.model.table.TableDesc;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What of a cube's source there is to build: the days its fact table's date partition directories hold (read from
 * the directory names, no data is read), the segments that cover some of them, and the runs of days no segment
 * covers yet (the build form's defaults).
 */
final class PartitionEndpoints {
    /** Days expanded at most (a directory may stand for a month or a year). */
    private static final int MAX_DAYS = 100_000;
    private static final DateInterval EVERY_DAY = new DateInterval(LocalDate.of(1, 1, 1), LocalDate.of(9999, 1, 1));

    private final WebServices services;

    PartitionEndpoints(WebServices services) {
        this.services = requireNonNull(services, "services is null");
    }

    void register(Router router) {
        router.add("GET", "/api/projects/{project}/cubes/{cube}/partitions", this::partitions);
    }

    private ApiResponse partitions(ApiRequest request) {
        String project = ProjectEndpoints.require(services, request);
        Catalog catalog = services.context().catalog();
        CubeDesc cube = catalog.requireCube(project, request.param("cube")).value();
        ModelDesc model = catalog.model(project, cube.model()).map(Versioned::value).orElseThrow(() ->
                new HaechiException(ErrorCode.METADATA_NOT_FOUND, "cube '" + cube.name() + "' uses the model '"
                        + cube.model() + "', which project '" + project + "' lacks"));
        TableDesc fact = catalog.table(project, model.factTable()).map(Versioned::value).orElseThrow(() ->
                new HaechiException(ErrorCode.METADATA_NOT_FOUND, "model '" + model.name() + "' reads the table '"
                        + model.factTable() + "', which project '" + project + "' lacks"));
        ObjectNode out = ApiJson.NODES.objectNode();
        out.put("cube", cube.name());
        out.put("table", fact.name());
        Optional<PartitionDesc> partition = model.partition();
        TreeSet<LocalDate> days = new TreeSet<>();
        int undated = 0;
        int files = 0;
        if (partition.isPresent()) {
            out.put("column", partition.get().column());
            List<SourceSplit> splits = services.context().sourceReaders().forFormat(fact.format())
                    .splits(SourceScan.range(fact, new PartitionFilter(partition.get().column(), EVERY_DAY)));
            for (SourceSplit s : splits) {
                files++;
                if (s.partition() == null) {
                    undated++;
                    continue;
                }
                for (LocalDate d = s.partition().from(); d.isBefore(s.partition().to()) && days.size() < MAX_DAYS;
                        d = d.plusDays(1)) {
                    days.add(d);
                }
            }
        } else {
            out.putNull("column");
        }
        out.put("files", files);
        out.put("undatedFiles", undated);
        out.put("days", days.size());
        out.put("first", days.isEmpty() ? null : days.first().toString());
        out.put("last", days.isEmpty() ? null : days.last().toString());
        List<SegmentDesc> segments = catalog.segments(project, Optional.of(cube.name())).stream()
                .map(Versioned::value).toList();
        ArrayNode built = out.putArray("built");
        for (SegmentDesc s : segments) {
            built.addObject().put("segment", s.name()).put("from", s.from().toString()).put("to", s.to().toString())
                    .put("status", s.status().name());
        }
        ArrayNode unbuilt = out.putArray("unbuilt");
        LocalDate runStart = null;
        LocalDate previous = null;
        for (LocalDate d : days) {
            LocalDate day = d;
            boolean covered = segments.stream().anyMatch(s -> s.overlaps(day, day.plusDays(1)));
            boolean continues = runStart != null && previous.plusDays(1).equals(d) && !covered;
            if (runStart != null && !continues) {
                unbuilt.addObject().put("from", runStart.toString()).put("to", previous.plusDays(1).toString());
                runStart = null;
            }
            if (!covered && runStart == null) {
                runStart = d;
            }
            previous = d;
        }
        if (runStart != null) {
            unbuilt.addObject().put("from", runStart.toString()).put("to", previous.plusDays(1).toString());
        }
        return ApiResponse.ok(out);
    }
}
