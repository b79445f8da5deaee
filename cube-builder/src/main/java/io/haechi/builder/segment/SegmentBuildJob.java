package io.haechi.builder.segment;

import io.haechi.model.segment.SegmentDictionaries;
import static java.util.Objects.requireNonNull;

import io.haechi.builder.cuboid.CuboidBuildListener;
import io.haechi.builder.cuboid.CuboidEngine;
import io.haechi.builder.cuboid.CuboidEngineConfig;
import io.haechi.builder.cuboid.CuboidPlan;
import io.haechi.builder.cuboid.CuboidSink;
import io.haechi.builder.cuboid.CuboidStats;
import io.haechi.builder.cuboid.DimensionSpec;
import io.haechi.builder.cuboid.MeasureFunction;
import io.haechi.builder.cuboid.MeasureFunctions;
import io.haechi.builder.job.JobStep;
import io.haechi.builder.job.StepContext;
import io.haechi.builder.job.StepRecord;
import io.haechi.builder.reject.RejectCollector;
import io.haechi.builder.reject.RejectReport;
import io.haechi.builder.reject.RowOrigin;
import io.haechi.builder.source.SourceReaders;
import io.haechi.model.cube.ResolvedDimension;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.lattice.RowEstimates;
import io.haechi.model.lattice.SpanningTree;
import io.haechi.model.rowkey.RowKeyCodec;
import io.haechi.model.spi.CubeStore;
import io.haechi.model.spi.SegmentLayout;
import io.haechi.model.spi.SegmentStats;
import io.haechi.model.spi.SegmentWriter;
import io.haechi.model.validate.ValidatedCube;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * The build of one segment as four idempotent job steps (run them with a {@code JobRunner}):
 * <ol>
 *   <li>{@code read-and-stats}: one pass over the {@link FlatTable}: distinct values of every row-key dimension
 *   (and of interned measures), an HLL sketch per cuboid, the encoded fact rows spilled to the work directory; then
 *   the reject threshold is checked (a failing build has written nothing to the store), the encodings are built and
 *   everything is written to {@code read/} (first to {@code read.tmp/}, renamed when complete).</li>
 *   <li>{@code cuboids}: drops any partial segment of an earlier attempt, creates the segment with the planned
 *   shards and split keys, and streams every cuboid from the {@link CuboidEngine} (spanning tree by estimated rows,
 *   memory budget with spill) through a {@link SegmentCuboidSink} into the store's writer.</li>
 *   <li>{@code load}: {@link SegmentWriter#finish()}; in a process that resumed the job after {@code cuboids}
 *   finished, the writer of that step is gone, so the cuboids are written again first (from the spilled rows).</li>
 *   <li>{@code commit}: hands back a {@link SegmentBuildResult} (stats, dictionaries, the {@link BuildReport}); the
 *   caller flips the segment to READY in the metadata store.</li>
 * </ol>
 */
public final class SegmentBuildJob {
    /** The steps, in order. */
    public static final List<String> STEP_NAMES = List.of("read-and-stats", "cuboids", "load", "commit");

    private static final int CELL_BYTES_PER_MEASURE = 6;

    private final SegmentBuildSpec spec;
    private final CubeStore store;
    private final SourceReaders readers;
    private final SegmentBuildConfig config;
    private final ValidatedCube cube;
    private final List<MeasureAdapter> measures;
    private UnaryOperator<CuboidSink> sinkInterceptor = UnaryOperator.identity();
    private SegmentWriter openWriter;
    private SegmentCuboidSink openSink;
    private SegmentBuildResult result;

    public SegmentBuildJob(SegmentBuildSpec spec, CubeStore store, SourceReaders readers, SegmentBuildConfig config) {
        this.spec = requireNonNull(spec, "spec is null");
        this.store = requireNonNull(store, "store is null");
        this.readers = requireNonNull(readers, "readers is null");
        this.config = requireNonNull(config, "config is null");
        this.cube = spec.cube();
        this.measures = cube.measures().stream().map(MeasureAdapter::new).toList();
    }

    /** Wraps the sink the {@code cuboids} step writes into (fault injection and instrumentation). */
    public SegmentBuildJob interceptSink(UnaryOperator<CuboidSink> interceptor) {
        this.sinkInterceptor = requireNonNull(interceptor, "interceptor is null");
        return this;
    }

    /** The step implementations, named as {@link #STEP_NAMES}. */
    public List<JobStep> steps() {
        return List.of(step(STEP_NAMES.get(0), this::readAndStats), step(STEP_NAMES.get(1), this::cuboids),
                step(STEP_NAMES.get(2), this::load), step(STEP_NAMES.get(3), this::commit));
    }

    /** The result of the {@code commit} step, once it ran in this process. */
    public Optional<SegmentBuildResult> result() {
        return Optional.ofNullable(result);
    }

    /** Removes what the build put into the store (for {@code jobs discard}). */
    public void discard() {
        if (openWriter != null) {
            openWriter.abort();
            openWriter = null;
        }
        store.dropSegment(spec.storageId());
    }

    @FunctionalInterface
    private interface Body {
        void run(StepContext context) throws Exception;
    }

    private static JobStep step(String name, Body body) {
        return new JobStep() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void run(StepContext context) throws Exception {
                body.run(context);
            }
        };
    }

    // ---- read-and-stats

    private void readAndStats(StepContext context) throws Exception {
        Path done = context.workDir().resolve("read");
        Path tmp = context.workDir().resolve("read.tmp");
        deleteTree(done);
        deleteTree(tmp);
        Files.createDirectories(tmp);
        FlatTable flat = new FlatTable(cube, spec.tables(), readers, spec.range());
        int dims = cube.rowKey().size();
        List<ValueInterner> dimensionValues = new ArrayList<>();
        for (ResolvedDimension d : cube.rowKey()) {
            dimensionValues.add(new ValueInterner("dimension " + d.name(), Integer.MAX_VALUE - 8));
        }
        List<ValueInterner> measureValues = new ArrayList<>();
        for (MeasureAdapter m : measures) {
            measureValues.add(m.interned() ? new ValueInterner("measure " + m.measure().name(), Integer.MAX_VALUE - 8)
                    : null);
        }
        long[] sketched = cube.cuboids().size() <= config.maxSketchedCuboids() ? cube.cuboids().ids()
                : new long[] {cube.cuboids().baseCuboid()};
        CuboidStatistics statistics = new CuboidStatistics(sketched, dims, config.hllLgK());
        int[] slots = slots();
        int slotCount = slotCount();
        RejectCollector rejects = new RejectCollector();
        AtomicInteger files = new AtomicInteger();
        AtomicLong rows = new AtomicLong();
        long start = System.nanoTime();
        flat.scan(config.threads(), rejects, () -> {
            try {
                FactSpill.Writer writer = new FactSpill.Writer(tmp.resolve(String.format(Locale.ROOT,
                        "facts-%05d.bin", files.getAndIncrement())));
                CuboidStatistics.Collector collector = statistics.collector();
                int[] ids = new int[dims];
                long[] raw = new long[slotCount];
                return new FlatRowSink() {
                    @Override
                    public void accept(Object[] dimensions, Object[] arguments, RowOrigin origin) throws Exception {
                        for (int d = 0; d < dims; d++) {
                            ids[d] = dimensionValues.get(d).id(dimensions[d]);
                        }
                        for (int m = 0; m < arguments.length; m++) {
                            Object v = arguments[m];
                            ValueInterner interner = measureValues.get(m);
                            if (interner != null && v != null) {
                                v = (long) interner.id(v);
                            }
                            try {
                                measures.get(m).toRaw(v, raw, slots[m]);
                            } catch (HaechiException e) {
                                throw new HaechiException(e.errorCode(), origin + ": " + e.getMessage(), e);
                            }
                        }
                        collector.add(ids);
                        writer.write(ids, raw);
                        long n = rows.incrementAndGet();
                        if ((n & 0xFFFF) == 0) {
                            context.checkCancelled();
                            double seconds = (System.nanoTime() - start) / 1e9;
                            context.progress(0.5, String.format(Locale.ROOT, "%,d rows read (%,.0f rows/s)", n,
                                    n / Math.max(seconds, 1e-9)));
                        }
                    }

                    @Override
                    public void close() throws Exception {
                        writer.close();
                        collector.finish();
                    }
                };
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        RejectReport report = rejects.report();
        RejectReportFile.write(report, tmp.resolve("rejects.bin"));
        config.rejectThreshold().check(report);
        SegmentDictionaries dictionaries = SegmentDictionaryBuilder.build(cube, dimensionValues, measures,
                measureValues);
        dictionaries.write(tmp.resolve("dictionaries.bin"));
        new CuboidStatistics.Estimates(rows.get(), statistics.estimates()).write(tmp.resolve("statistics.bin"));
        Properties p = new Properties();
        p.setProperty("modelFiltered", Long.toString(flat.modelFilteredRows()));
        p.setProperty("factRows", Long.toString(rows.get()));
        flat.leftJoinMisses().forEach((alias, n) -> p.setProperty("leftJoinMiss." + alias, Long.toString(n)));
        try (var out = Files.newOutputStream(tmp.resolve("read.properties"))) {
            p.store(out, "read-and-stats");
        }
        Files.move(tmp, done, StandardCopyOption.ATOMIC_MOVE);
        context.progress(1.0, String.format(Locale.ROOT, "%,d rows read, %,d accepted, %,d rejected",
                report.rowsRead(), rows.get(), report.rejectedRows()));
    }

    private int[] slots() {
        int[] slots = new int[measures.size()];
        int s = 0;
        for (int m = 0; m < measures.size(); m++) {
            slots[m] = s;
            s += measures.get(m).functions().size();
        }
        return slots;
    }

    private int slotCount() {
        return measures.stream().mapToInt(m -> m.functions().size()).sum();
    }

    /** What read-and-stats left in the work directory. */
    private record ReadOutput(SegmentDictionaries dictionaries, CuboidStatistics.Estimates estimates,
            RejectReport rejects, long modelFiltered, List<Path> factFiles, Map<String, Long> leftJoinMisses) {
    }

    private ReadOutput readOutput(Path workDir) throws IOException {
        Path dir = workDir.resolve("read");
        if (!Files.isDirectory(dir)) {
            throw new HaechiException(ErrorCode.BUILD_FAILED, "step read-and-stats left no output in " + dir
                    + "; run it again");
        }
        Properties p = new Properties();
        try (var in = Files.newInputStream(dir.resolve("read.properties"))) {
            p.load(in);
        }
        Map<String, Long> misses = new java.util.TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("leftJoinMiss.")) {
                misses.put(key.substring("leftJoinMiss.".length()), Long.parseLong(p.getProperty(key)));
            }
        }
        return new ReadOutput(SegmentDictionaries.read(dir.resolve("dictionaries.bin"), cube),
                CuboidStatistics.Estimates.read(dir.resolve("statistics.bin")),
                RejectReportFile.read(dir.resolve("rejects.bin")), Long.parseLong(p.getProperty("modelFiltered")),
                FactSpill.files(dir), misses);
    }

    // ---- cuboids

    private RowKeyCodec rowKeyCodec(SegmentDictionaries dictionaries, int shards) {
        int shardBy = cube.cube().shardBy().map(n -> cube.layout().position(n)).orElse(-1);
        return new RowKeyCodec(dictionaries.encodings(), shards, shardBy);
    }

    private RegionSplitPlanner.Plan regionPlan(ReadOutput read) {
        RowKeyCodec probe = rowKeyCodec(read.dictionaries(), 1);
        Map<Long, Long> estimates = new HashMap<>(read.estimates().rowsPerCuboid());
        for (long c : cube.cuboids().ids()) {
            estimates.putIfAbsent(c, read.estimates().rows());
        }
        return RegionSplitPlanner.plan(estimates, probe::keyLength, CELL_BYTES_PER_MEASURE * measures.size(),
                config.shardCount(), config.targetRegionBytes(), config.maxShards());
    }

    private void cuboids(StepContext context) throws Exception {
        if (openWriter != null) {
            openWriter.abort();
            openWriter = null;
        }
        store.dropSegment(spec.storageId());
        ReadOutput read = readOutput(context.workDir());
        RegionSplitPlanner.Plan regions = regionPlan(read);
        RowKeyCodec keys = rowKeyCodec(read.dictionaries(), regions.shardCount());
        RowEstimates estimates = read.estimates().rowsPerCuboid().size() == cube.cuboids().size() ? read.estimates()
                : RowEstimates.none();
        SpanningTree tree = cube.spanningTree(estimates);
        CuboidPlan plan = plan(tree);
        List<DimensionSpec> dims = new ArrayList<>();
        for (int d = 0; d < cube.rowKey().size(); d++) {
            dims.add(new DimensionSpec(cube.rowKey().get(d).name(),
                    Math.max(1, read.dictionaries().dimensions().get(d).cardinality())));
        }
        List<MeasureFunction> functions = new ArrayList<>();
        measures.forEach(m -> functions.addAll(m.functions()));
        int[][] dimensionRemaps = new int[dims.size()][];
        for (int d = 0; d < dims.size(); d++) {
            dimensionRemaps[d] = read.dictionaries().dimensions().get(d).remap();
        }
        int[][] slotRemaps = new int[functions.size()][];
        int[] slots = slots();
        for (int m = 0; m < measures.size(); m++) {
            if (measures.get(m).interned()) {
                slotRemaps[slots[m]] = read.dictionaries().measureRemap(m);
            }
        }
        Path spill = context.workDir().resolve("spill");
        Files.createDirectories(spill);
        CuboidEngineConfig engineConfig = CuboidEngineConfig.defaults(spill)
                .withMemoryBudgetBytes(config.memoryBudgetBytes()).withThreads(config.threads());
        CuboidEngine engine = new CuboidEngine(engineConfig, dims, new MeasureFunctions(functions));
        SegmentWriter writer = store.createSegment(new SegmentLayout(spec.storageId(), regions.splitKeys()));
        boolean ok = false;
        long factRows = read.estimates().rows();
        long start = System.nanoTime();
        try (FactSpill.Source source = new FactSpill.Source(read.factFiles(), dimensionRemaps, slotRemaps)) {
            SegmentCuboidSink sink = new SegmentCuboidSink(writer, keys, read.dictionaries(), measures);
            engine.build(plan, source, sinkInterceptor.apply(sink), new CuboidBuildListener() {
                @Override
                public void factRowsRead(long total) {
                    context.checkCancelled();
                    context.progress(0.5 * total / Math.max(1, factRows), eta("fact rows", total, factRows, start));
                }

                @Override
                public void cuboidFinished(CuboidStats stats, int finished, int total) {
                    context.checkCancelled();
                    context.progress(0.5 + 0.5 * finished / total, eta("cuboids", finished, total, start));
                }
            });
            openSink = sink;
            ok = true;
        } finally {
            if (!ok) {
                writer.abort();
            }
        }
        openWriter = writer;
    }

    private static String eta(String what, long done, long total, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double left = done <= 0 ? Double.NaN : seconds * (total - done) / done;
        return String.format(Locale.ROOT, "%,d of %,d %s, ETA %s", done, total, what,
                Double.isNaN(left) ? "?" : String.format(Locale.ROOT, "%.0f s", left));
    }

    private CuboidPlan plan(SpanningTree tree) {
        Map<Long, Long> parents = new LinkedHashMap<>();
        List<Long> order = new ArrayList<>();
        for (long c : tree.buildOrder()) {
            parents.put(c, tree.parent(c).orElse(CuboidPlan.noParent()));
            order.add(c);
        }
        return new CuboidPlan(cube.rowKey().size(), parents, order, java.util.Set.of());
    }

    // ---- load

    private void load(StepContext context) throws Exception {
        if (openWriter == null) {
            cuboids(context);
        }
        SegmentStats stats = openWriter.finish();
        openWriter = null;
        openSink = null;
        Path dir = context.workDir().resolve("load");
        Files.createDirectories(dir);
        Path tmp = dir.resolve("stats.bin.tmp");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(tmp))) {
            out.writeLong(stats.bytesStored());
            out.writeInt(stats.regions());
            out.writeInt(stats.rowsPerCuboid().size());
            for (Map.Entry<Long, Long> e : stats.rowsPerCuboid().entrySet()) {
                out.writeLong(e.getKey());
                out.writeLong(e.getValue());
            }
        }
        Files.move(tmp, dir.resolve("stats.bin"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        context.progress(1.0, String.format(Locale.ROOT, "%,d rows, %,d bytes stored", stats.totalRows(),
                stats.bytesStored()));
    }

    private static SegmentStats readStats(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            long bytes = in.readLong();
            int regions = in.readInt();
            int n = in.readInt();
            Map<Long, Long> rows = new HashMap<>();
            for (int i = 0; i < n; i++) {
                rows.put(in.readLong(), in.readLong());
            }
            return new SegmentStats(rows, bytes, regions);
        }
    }

    // ---- commit

    private void commit(StepContext context) throws Exception {
        long start = System.nanoTime();
        ReadOutput read = readOutput(context.workDir());
        SegmentStats stats = readStats(context.workDir().resolve("load").resolve("stats.bin"));
        RegionSplitPlanner.Plan regions = regionPlan(read);
        Map<String, Duration> times = new LinkedHashMap<>();
        for (StepRecord r : context.job().steps()) {
            r.duration().ifPresent(d -> times.put(r.name(), d));
        }
        times.put(STEP_NAMES.get(3), Duration.ofNanos(System.nanoTime() - start));
        BuildReport report = new BuildReport(cube.cube().name(), spec.storageId(), read.rejects(),
                read.modelFiltered(), read.estimates().rows(), stats.rowsPerCuboid(),
                read.estimates().rowsPerCuboid(), stats.bytesStored(), stats.regions(), regions.shardCount(), times);
        Files.writeString(context.workDir().resolve("report.txt"), report.toText());
        result = new SegmentBuildResult(spec.storageId(), regions.shardCount(), read.dictionaries(), stats, report,
                read.leftJoinMisses());
        context.progress(1.0, "segment " + spec.storageId() + " ready to commit");
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
