package io.haechi.builder.segment;

import io.haechi.builder.job.InMemoryJobRepository;
import io.haechi.builder.job.Job;
import io.haechi.builder.job.JobListener;
import io.haechi.builder.job.JobRunner;
import io.haechi.model.cube.CubeDesc;
import io.haechi.model.cube.MeasureDesc;
import io.haechi.model.json.JsonDescriptors;
import io.haechi.model.rowkey.MeasureRowCodec;
import io.haechi.model.rowkey.RowKeyCodec;
import io.haechi.model.star.LookupDesc;
import io.haechi.model.star.ModelDesc;
import io.haechi.model.table.TableDesc;
import io.haechi.model.validate.ValidatedCube;
import io.haechi.model.validate.Validator;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.stream.Collectors;

/** Shared pieces of the segment build tests: descriptors, running a build job, decoding a segment, DuckDB SQL. */
final class SegmentFixture {
    private SegmentFixture() {
    }

    static String example(String path) throws IOException {
        return Files.readString(Path.of("../examples").resolve(path));
    }

    static ModelDesc model(String path) throws IOException {
        return JsonDescriptors.readModel(example(path), path);
    }

    static CubeDesc cube(String path) throws IOException {
        return JsonDescriptors.readCube(example(path), path);
    }

    static ValidatedCube validate(CubeDesc cube, ModelDesc model, List<TableDesc> tables) {
        return new Validator().cube(cube, model, tables);
    }

    static Map<String, TableDesc> byName(List<TableDesc> tables) {
        return tables.stream().collect(Collectors.toMap(TableDesc::name, t -> t));
    }

    /** Runs a build job to its end in a fresh runner; returns the job's result. */
    static SegmentBuildResult build(SegmentBuildJob job, Path jobsRoot, String jobId) {
        InMemoryJobRepository repo = new InMemoryJobRepository();
        JobRunner runner = new JobRunner(repo, jobsRoot, Clock.systemUTC(), new JobListener() {
        });
        repo.create(Job.create(jobId, "BUILD", "test", "cube", Map.of(), SegmentBuildJob.STEP_NAMES, Instant.now()));
        runner.run(jobId, job.steps());
        return job.result().orElseThrow();
    }

    /** Every stored row decoded: cuboid id -> ("v1|v2|..." -> "m1|m2|..."). */
    static Map<Long, Map<String, String>> decode(InMemoryCubeStore store, ValidatedCube cube,
            SegmentBuildResult result) {
        RowKeyCodec keys = new RowKeyCodec(result.dictionaries().encodings(), result.shardCount(),
                cube.cube().shardBy().map(n -> cube.layout().position(n)).orElse(-1));
        MeasureRowCodec cells = new MeasureRowCodec(cube.measures().stream()
                .map(m -> new MeasureAdapter(m).type()).toList());
        NavigableMap<byte[], byte[]> rows = store.rows(result.storageId());
        Map<Long, Map<String, String>> out = new HashMap<>();
        for (Map.Entry<byte[], byte[]> e : rows.entrySet()) {
            long cuboid = keys.cuboid(e.getKey());
            Object[] dims = keys.decodeValues(e.getKey());
            Object[] states = cells.decode(e.getValue());
            List<String> measures = new ArrayList<>();
            for (int m = 0; m < states.length; m++) {
                measures.add(render(cells.measures().get(m).result(states[m])));
            }
            String key = java.util.Arrays.stream(dims).map(SegmentFixture::render).collect(Collectors.joining("|"));
            String previous = out.computeIfAbsent(cuboid, c -> new HashMap<>()).put(key, String.join("|", measures));
            if (previous != null) {
                throw new AssertionError("cuboid " + cuboid + " stores " + key + " twice");
            }
        }
        return out;
    }

    static String render(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (v instanceof Number n && !(v instanceof Double) && !(v instanceof Float)) {
            return Long.toString(n.longValue());
        }
        return v.toString();
    }

    /** The model's star join as SQL over tables named like the model's tables. */
    static String from(ModelDesc model) {
        StringBuilder b = new StringBuilder(" from " + model.factTable());
        for (LookupDesc l : model.lookups()) {
            b.append(l.joinType() == io.haechi.model.star.JoinType.INNER ? " join " : " left join ")
                    .append(l.table()).append(" as ").append(l.alias()).append(" on ");
            for (int i = 0; i < l.foreignKey().size(); i++) {
                b.append(i == 0 ? "" : " and ").append(l.joinFrom()).append('.').append(l.foreignKey().get(i))
                        .append(" = ").append(l.alias()).append('.').append(l.primaryKey().get(i));
            }
        }
        return b.toString();
    }

    static String measureSql(MeasureDesc m) {
        String arg = m.argument().map(Object::toString).orElse("*");
        return switch (m.function()) {
            case COUNT -> "count(" + arg + ")";
            case COUNT_DISTINCT -> "count(distinct " + arg + ")";
            case SUM -> "sum(" + arg + ")";
            case MIN -> "min(" + arg + ")";
            case MAX -> "max(" + arg + ")";
        };
    }

    /** DuckDB's GROUP BY of one cuboid, keyed like {@link #decode}. */
    static Map<String, String> groupBy(Connection c, ValidatedCube cube, ModelDesc model, long cuboid, String where)
            throws Exception {
        List<String> dims = cube.layout().dimensionsOf(cuboid).stream().map(n -> {
            var d = cube.dimension(n).orElseThrow().desc();
            return d.table() + "." + d.column();
        }).toList();
        String measures = cube.cube().measures().stream().map(SegmentFixture::measureSql)
                .collect(Collectors.joining(", "));
        String sql = "select " + (dims.isEmpty() ? "" : String.join(", ", dims) + ", ") + measures + from(model)
                + " where " + where + (dims.isEmpty() ? "" : " group by " + String.join(", ", dims));
        Map<String, String> out = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                List<String> k = new ArrayList<>();
                for (int i = 1; i <= dims.size(); i++) {
                    k.add(render(rs.getObject(i)));
                }
                List<String> v = new ArrayList<>();
                for (int i = dims.size() + 1; i <= md.getColumnCount(); i++) {
                    v.add(render(rs.getObject(i)));
                }
                out.put(String.join("|", k), String.join("|", v));
            }
        }
        return out;
    }
}
