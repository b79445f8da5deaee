package io.haechi.builder.cuboid;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Computes the cuboids of a {@link CuboidPlan} from encoded fact rows and streams each into a {@link CuboidSink}.
 *
 * <ol>
 *   <li>Base cuboid: all workers aggregate source batches into their own hash tables (each a share of the memory
 *   budget), spilling sorted runs when full; one k-way merge emits the base cuboid in key order.</li>
 *   <li>Every other cuboid is aggregated from its parent's sorted run file (see {@link ChildCuboidComputer}), as
 *   soon as the parent is finished, by a pool of {@code threads} workers each with its share of the budget. Ready
 *   cuboids are taken last-in first-out (depth first), which bounds the parent files on disk; a parent's file is
 *   deleted when its last child is done. Cuboids without children are never written to disk.</li>
 * </ol>
 *
 * <p>Output is deterministic: a cuboid's rows depend only on its parent's rows, not on the budget, the thread count
 * or the schedule (merges are commutative and associative). Interrupting the calling thread cancels the build with
 * a {@link CancellationException}; a failure or cancellation aborts the sink writers that are open and removes
 * every spill file.
 */
public final class CuboidEngine {
    private final CuboidEngineConfig config;
    private final List<DimensionSpec> dimensions;
    private final MeasureFunctions measures;
    private final int[] bits;

    public CuboidEngine(CuboidEngineConfig config, List<DimensionSpec> dimensions, MeasureFunctions measures) {
        this.config = requireNonNull(config, "config is null");
        this.dimensions = List.copyOf(requireNonNull(dimensions, "dimensions is null"));
        this.measures = requireNonNull(measures, "measures is null");
        if (this.dimensions.isEmpty() || this.dimensions.size() > CuboidIds.MAX_DIMENSIONS) {
            throw new IllegalArgumentException("dimensions must number 1.." + CuboidIds.MAX_DIMENSIONS + ": "
                    + this.dimensions.size());
        }
        this.bits = this.dimensions.stream().mapToInt(DimensionSpec::bits).toArray();
    }

    /**
     * Computes every cuboid of {@code plan} that is not done and streams it into {@code sink}.
     *
     * @throws CancellationException when the calling thread is interrupted (its interrupt flag stays set)
     * @throws HaechiException when a fact row is invalid or the build fails
     */
    public CuboidBuildResult build(CuboidPlan plan, FactRowSource source, CuboidSink sink,
            CuboidBuildListener listener) throws IOException {
        requireNonNull(plan, "plan is null");
        requireNonNull(source, "source is null");
        requireNonNull(sink, "sink is null");
        requireNonNull(listener, "listener is null");
        if (plan.dimensionCount() != dimensions.size()) {
            throw new IllegalArgumentException("plan has " + plan.dimensionCount() + " dimensions, the engine "
                    + dimensions.size());
        }
        long start = System.nanoTime();
        Set<Long> needed = neededCuboids(plan);
        if (needed.isEmpty()) {
            return new CuboidBuildResult(0, List.of(), 0, System.nanoTime() - start);
        }
        Map<Long, List<Long>> children = new HashMap<>();
        for (Map.Entry<Long, List<Long>> entry : plan.children().entrySet()) {
            List<Long> kept = new ArrayList<>();
            for (long child : entry.getValue()) {
                if (needed.contains(child)) {
                    kept.add(child);
                }
            }
            children.put(entry.getKey(), kept);
        }
        ExecutorService pool = Executors.newFixedThreadPool(config.threads(), new WorkerThreads());
        try (SpillDirectory spill = new SpillDirectory(config.tempDirectory(), config.ioBufferBytes())) {
            Run run = new Run(plan, children, needed, spill, sink, listener);
            try {
                return run.execute(source, pool, start);
            } catch (InterruptedException | ClosedByInterruptException e) {
                // An interrupt during file I/O closes the channel: that is a cancellation too.
                Thread.currentThread().interrupt();
                CancellationException cancelled = new CancellationException("cuboid build cancelled");
                cancelled.initCause(e);
                throw cancelled;
            } finally {
                pool.shutdownNow();
                awaitTermination(pool);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Cuboids to send plus every ancestor they are computed from. */
    private static Set<Long> neededCuboids(CuboidPlan plan) {
        Set<Long> needed = new HashSet<>();
        for (long cuboid : plan.buildOrder()) {
            if (plan.done().contains(cuboid)) {
                continue;
            }
            long current = cuboid;
            while (needed.add(current) && current != plan.base()) {
                current = plan.parent(current);
            }
        }
        return needed;
    }

    private static void awaitTermination(ExecutorService pool) {
        boolean interrupted = Thread.interrupted();
        try {
            while (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits for all futures; on the first failure cancels the others and rethrows it. */
    static void awaitAll(List<? extends Future<?>> futures) throws IOException, InterruptedException {
        try {
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            for (Future<?> future : futures) {
                future.cancel(true);
            }
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            for (Future<?> future : futures) {
                future.cancel(true);
            }
            throw e;
        }
    }

    static IOException rethrow(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        throw new HaechiException(ErrorCode.BUILD_FAILED, "cuboid build failed: " + cause, cause);
    }

    private KeyLayout layout(long cuboid) {
        return new KeyLayout(cuboid, dimensions.size(), bits);
    }

    /** One execution of a plan: the scheduling state. */
    private final class Run {
        private final CuboidPlan plan;
        private final Map<Long, List<Long>> children;
        private final Set<Long> needed;
        private final SpillDirectory spill;
        private final CuboidSink sink;
        private final CuboidBuildListener listener;
        private final Map<Long, RunFile> files = new HashMap<>();
        private final Map<Long, Integer> pendingChildren = new HashMap<>();
        private final Map<Long, CuboidStats> stats = new HashMap<>();
        private final int total;
        private final AtomicInteger finished = new AtomicInteger();

        Run(CuboidPlan plan, Map<Long, List<Long>> children, Set<Long> needed, SpillDirectory spill, CuboidSink sink,
                CuboidBuildListener listener) {
            this.plan = plan;
            this.children = children;
            this.needed = needed;
            this.spill = spill;
            this.sink = sink;
            this.listener = listener;
            int toSend = 0;
            for (long cuboid : needed) {
                if (!plan.done().contains(cuboid)) {
                    toSend++;
                }
            }
            this.total = toSend;
        }

        CuboidBuildResult execute(FactRowSource source, ExecutorService pool, long start)
                throws IOException, InterruptedException {
            long base = plan.base();
            KeyLayout baseLayout = layout(base);
            BaseCuboidComputer computer = new BaseCuboidComputer(dimensions, measures, baseLayout, spill, config);
            long baseStart = System.nanoTime();
            Produced produced = produce(base, baseLayout, output -> {
                BaseCuboidComputer.Counters counters = computer.compute(source, pool, listener, output);
                return new long[] {counters.inputRows(), counters.spilledRuns(), counters.spilledBytes()};
            }, -1, baseStart);
            long factRows = produced.stats.inputRows();
            completed(produced);

            ExecutorCompletionService<Produced> completion = new ExecutorCompletionService<>(pool);
            Deque<Long> ready = new ArrayDeque<>();
            pushChildren(base, ready);
            List<Future<Produced>> inFlight = new ArrayList<>();
            try {
                while (!ready.isEmpty() || !inFlight.isEmpty()) {
                    while (!ready.isEmpty() && inFlight.size() < config.threads()) {
                        long cuboid = ready.pop();
                        inFlight.add(completion.submit(() -> computeChild(cuboid)));
                    }
                    Future<Produced> done = completion.take();
                    inFlight.remove(done);
                    Produced child;
                    try {
                        child = done.get();
                    } catch (ExecutionException e) {
                        throw rethrow(e.getCause());
                    }
                    completed(child);
                    long parent = child.stats.parent();
                    int left = pendingChildren.merge(parent, -1, Integer::sum);
                    if (left == 0) {
                        spill.delete(files.remove(parent));
                    }
                    pushChildren(child.stats.cuboid(), ready);
                }
            } finally {
                for (Future<Produced> future : inFlight) {
                    future.cancel(true);
                }
            }
            List<CuboidStats> ordered = new ArrayList<>();
            for (long cuboid : plan.buildOrder()) {
                CuboidStats s = stats.get(cuboid);
                if (s != null && !plan.done().contains(cuboid)) {
                    ordered.add(s);
                }
            }
            return new CuboidBuildResult(factRows, ordered, spill.spilledBytes(), System.nanoTime() - start);
        }

        private void pushChildren(long cuboid, Deque<Long> ready) {
            List<Long> list = children.get(cuboid);
            // Pushed in reverse so that the first child in build order is taken first.
            for (int i = list.size() - 1; i >= 0; i--) {
                ready.push(list.get(i));
            }
        }

        private Produced computeChild(long cuboid) throws IOException, InterruptedException {
            long start = System.nanoTime();
            long parent = plan.parent(cuboid);
            RunFile parentFile;
            synchronized (files) {
                parentFile = files.get(parent);
            }
            KeyLayout parentLayout = layout(parent);
            KeyLayout childLayout = layout(cuboid);
            long budget = config.memoryBudgetBytes() / config.threads();
            ChildCuboidComputer computer = new ChildCuboidComputer(measures, spill, config.maxMergeFanIn());
            return produce(cuboid, childLayout, output -> {
                ChildCuboidComputer.Counters counters =
                        computer.compute(parentFile, parentLayout, childLayout, budget, output);
                return new long[] {counters.inputRows(), counters.spilledRuns(), counters.spilledBytes()};
            }, parent, start);
        }

        /** Runs {@code body} into a fresh output for {@code cuboid}; aborts the sink writer on failure. */
        private Produced produce(long cuboid, KeyLayout layout, Body body, long parent, long start)
                throws IOException, InterruptedException {
            boolean send = !plan.done().contains(cuboid);
            boolean keep = !children.get(cuboid).isEmpty();
            CuboidWriter writer = null;
            RunWriter file = null;
            boolean success = false;
            try {
                writer = send ? sink.open(cuboid, layout.dimensions()) : null;
                file = keep ? spill.newWriter("cuboid-" + cuboid,
                        new RowFormat(layout.words(), measures.longCount(), measures.objectCount()), measures) : null;
                CuboidOutput output = new CuboidOutput(layout, measures, writer, file);
                long[] counters = body.run(output);
                RunFile kept = file == null ? null : file.finish();
                CuboidStats cuboidStats = new CuboidStats(cuboid, parent, output.rows(), output.bytes(), counters[0],
                        (int) counters[1], counters[2], System.nanoTime() - start);
                if (writer != null) {
                    writer.finish(cuboidStats);
                }
                success = true;
                return new Produced(cuboidStats, kept, send);
            } finally {
                if (!success) {
                    if (writer != null) {
                        writer.abort();
                    }
                    if (file != null) {
                        try {
                            file.close();
                        } catch (IOException e) {
                            // The spill directory is removed anyway.
                        }
                    }
                }
            }
        }

        private void completed(Produced produced) {
            long cuboid = produced.stats.cuboid();
            stats.put(cuboid, produced.stats);
            if (produced.file != null) {
                synchronized (files) {
                    files.put(cuboid, produced.file);
                }
                pendingChildren.put(cuboid, children.get(cuboid).size());
            }
            if (produced.sent) {
                listener.cuboidFinished(produced.stats, finished.incrementAndGet(), total);
            }
        }
    }

    private record Produced(CuboidStats stats, RunFile file, boolean sent) {
    }

    @FunctionalInterface
    private interface Body {
        long[] run(CuboidOutput output) throws IOException, InterruptedException;
    }

    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger next = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "haechi-cuboid-" + next.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
