package io.haechi.bench.prepare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.haechi.bench.client.Args;
import io.haechi.bench.client.LoadAverage;
import io.haechi.builder.job.JobListener;
import io.haechi.builder.segment.BuildReport;
import io.haechi.builder.service.BuildOutcome;
import io.haechi.builder.service.BuildService;
import io.haechi.datagen.OutputFormat;
import io.haechi.datagen.ProgressListener;
import io.haechi.datagen.ads.AdsGenerator;
import io.haechi.datagen.ads.AdsOptions;
import io.haechi.datagen.ads.AdsTables;
import io.haechi.datagen.ssb.SsbGenerator;
import io.haechi.datagen.ssb.SsbOptions;
import io.haechi.datagen.ssb.SsbTables;
import io.haechi.model.catalog.Catalog;
import io.haechi.model.catalog.SegmentDesc;
import io.haechi.model.catalog.SegmentStatus;
import io.haechi.model.catalog.Versioned;
import io.haechi.model.json.Descriptor;
import io.haechi.model.json.JsonDescriptors;
import io.haechi.model.table.TableDesc;
import io.haechi.server.runtime.HaechiContext;
import io.haechi.server.runtime.HaechiSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The preparing side of {@code benchmarks/run.sh} (full classpath):
 * <ul>
 * <li>{@code data --work DIR --sf SF [--ads-scale S --ads-days D]}: generates SSB (and ad events) as Avro for Haechi
 * and loads the same rows into a DuckDB database file, unless they are already there;</li>
 * <li>{@code build --work DIR --config FILE --sf SF --projects ssb_b,ssb_a,ads --ads-days D --out DIR [--rebuild]}:
 * applies the example projects and builds each cube's one segment, timing every step, with this JVM's heap peak
 * (run it with {@code -Xmx2g}), or reuses a segment already built (and its recorded figures);</li>
 * <li>{@code grouping-sets}: see {@link GroupingSets}.</li>
 * </ul>
 */
public final class Prepare {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Prepare() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: Prepare data|build|grouping-sets --work DIR ...");
        }
        Map<String, String> a = Args.parse(java.util.Arrays.copyOfRange(args, 1, args.length));
        Path work = Path.of(Args.required(a, "work")).toAbsolutePath();
        switch (args[0]) {
            case "data" -> data(work, a);
            case "build" -> build(work, a);
            case "grouping-sets" -> GroupingSets.main(work, a);
            default -> throw new IllegalArgumentException("unknown step " + args[0]);
        }
    }

    static Path ssbDir(Path work, String sf) {
        return work.resolve("ssb-sf" + sf);
    }

    static Path adsDir(Path work, String scale, int days) {
        return work.resolve("ads-" + scale + "x" + days);
    }

    private static void data(Path work, Map<String, String> a) throws Exception {
        String sf = Args.required(a, "sf");
        Path ssb = ssbDir(work, sf);
        if (!Files.exists(ssb.resolve(".complete"))) {
            log("generating SSB SF " + sf + " into " + ssb);
            deleteTree(ssb);
            long t0 = System.nanoTime();
            SsbGenerator.generate(new SsbOptions(Double.parseDouble(sf), ssb.resolve("avro"), OutputFormat.AVRO)
                    .withThreads(2), ProgressListener.NONE);
            double genSeconds = (System.nanoTime() - t0) / 1e9;
            SsbGenerator.generate(new SsbOptions(Double.parseDouble(sf), ssb.resolve("csv"), OutputFormat.CSV)
                    .withThreads(2), ProgressListener.NONE);
            loadDuckDb(ssb.resolve("ssb.duckdb"), SsbTables.at(ssb.resolve("csv"), OutputFormat.CSV));
            deleteTree(ssb.resolve("csv"));
            writeComplete(ssb, Map.of("dataset", "ssb", "sf", sf, "generate_avro_s", genSeconds));
        }
        String scale = a.get("ads-scale");
        if (scale != null) {
            int days = Integer.parseInt(a.getOrDefault("ads-days", "28"));
            Path ads = adsDir(work, scale, days);
            if (!Files.exists(ads.resolve(".complete"))) {
                log("generating ad events, scale " + scale + ", " + days + " days, into " + ads);
                deleteTree(ads);
                LocalDate from = AdsOptions.DEFAULT_START;
                long t0 = System.nanoTime();
                AdsGenerator.generate(new AdsOptions(Double.parseDouble(scale), days, from, ads.resolve("avro"),
                        OutputFormat.AVRO).withThreads(2), ProgressListener.NONE);
                double genSeconds = (System.nanoTime() - t0) / 1e9;
                AdsGenerator.generate(new AdsOptions(Double.parseDouble(scale), days, from, ads.resolve("csv"),
                        OutputFormat.CSV).withThreads(2), ProgressListener.NONE);
                loadDuckDb(ads.resolve("ads.duckdb"), AdsTables.at(ads.resolve("csv"), OutputFormat.CSV));
                deleteTree(ads.resolve("csv"));
                writeComplete(ads, Map.of("dataset", "ads", "scale", scale, "days", days,
                        "generate_avro_s", genSeconds));
            }
        }
    }

    private static void writeComplete(Path dir, Map<String, Object> facts) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>(facts);
        m.put("generated_at", Instant.now().toString());
        Files.writeString(dir.resolve(".complete"), JSON.writeValueAsString(m));
    }

    /** Loads the CSV tables into a new DuckDB database file, as the end-to-end tests load DuckDB. */
    static void loadDuckDb(Path file, List<TableDesc> csvTables) throws Exception {
        Files.deleteIfExists(file);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement st = c.createStatement()) {
            st.execute("SET threads = 2");
            for (TableDesc t : csvTables) {
                String glob = Files.isDirectory(Path.of(t.location())) ? t.location() + "/**/*.csv" : t.location();
                st.execute("create table " + t.name() + " as select * from read_csv('" + glob
                        + "', header=true, hive_partitioning=false)");
                try (ResultSet rs = st.executeQuery("select count(*) from " + t.name())) {
                    rs.next();
                    log("  DuckDB " + t.name() + ": " + rs.getLong(1) + " rows");
                }
            }
            st.execute("CHECKPOINT");
        }
    }

    private static void build(Path work, Map<String, String> a) throws Exception {
        String sf = Args.required(a, "sf");
        int adsDays = Integer.parseInt(a.getOrDefault("ads-days", "28"));
        String adsScale = a.getOrDefault("ads-scale", "1");
        Path out = Path.of(Args.required(a, "out"));
        Files.createDirectories(out);
        boolean rebuild = a.containsKey("rebuild");
        HaechiSettings settings = HaechiSettings.load(Optional.of(Path.of(Args.required(a, "config"))));
        Path records = settings.dataDir().resolve("builds");
        Files.createDirectories(records);
        HeapPeak heap = new HeapPeak();
        try (HaechiContext ctx = HaechiContext.open(settings)) {
            for (String name : Args.required(a, "projects").split(",")) {
                BenchProject p = BenchProject.named(name, adsDays);
                Path data = p.dataset().equals("ssb") ? ssbDir(work, sf).resolve("avro")
                        : adsDir(work, adsScale, adsDays).resolve("avro");
                Map<String, Object> record = buildOne(ctx, p, data, records.resolve(name + ".json"), rebuild, heap);
                Files.writeString(out.resolve("build-" + name + ".json"), JSON.writeValueAsString(record));
            }
        }
    }

    private static Map<String, Object> buildOne(HaechiContext ctx, BenchProject p, Path data, Path recordFile,
            boolean rebuild, HeapPeak heap) throws Exception {
        Catalog catalog = ctx.catalog();
        List<Descriptor> docs = new ArrayList<>();
        Path examples = Path.of(System.getProperty("haechi.home", ".")).resolve("examples").resolve(p.dataset());
        for (String f : p.files()) {
            String json = Files.readString(examples.resolve(f)).replace("\"location\": \"data/" + p.dataset() + "/",
                    "\"location\": \"" + data + "/");
            docs.addAll(JsonDescriptors.readAll(json, f));
        }
        for (SegmentDesc dropped : catalog.apply(catalog.plan(p.name(), docs), true)) {
            ctx.cubeStore().dropSegment(dropped.storageId());
        }
        Optional<Versioned<SegmentDesc>> existing = catalog.segment(p.name(), p.cube(),
                SegmentDesc.nameOf(p.from(), p.to()));
        BuildService builds = ctx.builds(JobListener.NONE);
        if (existing.isPresent() && existing.get().value().status() == SegmentStatus.READY && !rebuild
                && Files.exists(recordFile)) {
            log(p.name() + ": segment already built; reusing it and its recorded figures");
            @SuppressWarnings("unchecked")
            Map<String, Object> record = JSON.readValue(recordFile.toFile(), Map.class);
            record.put("reused", true);
            return record;
        }
        if (existing.isPresent()) {
            SegmentDesc s = existing.get().value();
            if (s.status() == SegmentStatus.BUILDING) {
                builds.discard(s.jobId());
            } else {
                ctx.cubeStore().dropSegment(s.storageId());
                catalog.deleteSegment(p.name(), existing.get());
            }
        }
        log(p.name() + ": building " + p.cube() + " [" + p.from() + ", " + p.to() + ")");
        heap.reset();
        long t0 = System.nanoTime();
        BuildOutcome outcome;
        try (LoadAverage load = LoadAverage.start()) {
            outcome = builds.run(builds.start(p.name(), p.cube(), p.from(), p.to()), JobListener.NONE);
            double wall = (System.nanoTime() - t0) / 1e9;
            Map<String, Object> record = record(p, outcome.report(), wall, heap.peakBytes(), load.summary());
            record.put("cuboids_sql", CuboidSets.of(catalog, p.name(), p.cube(), outcome.segment()));
            Files.writeString(recordFile, JSON.writeValueAsString(record));
            log(p.name() + ": " + outcome.report().toText().lines().filter(l -> !l.contains("cuboid "))
                    .reduce("", (x, y) -> x + "\n  " + y));
            return record;
        }
    }

    static Map<String, Object> record(BenchProject p, BuildReport r, double wallSeconds, long peakHeap,
            Map<String, Object> loadAverage) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("project", p.name());
        m.put("title", p.title());
        m.put("cube", p.cube());
        m.put("built_at", Instant.now().toString());
        m.put("reused", false);
        m.put("wall_s", wallSeconds);
        Map<String, Double> steps = new LinkedHashMap<>();
        r.stepTimes().forEach((k, v) -> steps.put(k, v.toNanos() / 1e9));
        m.put("steps_s", steps);
        m.put("source_rows", r.rejects().rowsRead());
        m.put("fact_rows", r.factRows());
        m.put("cuboids", r.rowsPerCuboid().size());
        m.put("cuboid_rows", r.cuboidRows());
        m.put("source_rows_per_s", r.rejects().rowsRead() / wallSeconds);
        m.put("cuboid_rows_per_s", r.cuboidRows() / wallSeconds);
        m.put("bytes_stored", r.bytesStored());
        m.put("regions", r.regions());
        m.put("shards", r.shardCount());
        m.put("peak_heap_bytes", peakHeap);
        m.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
        m.put("load_average", loadAverage);
        return m;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }

    static void log(String s) {
        System.out.println("[prepare] " + s);
        System.out.flush();
    }
}
