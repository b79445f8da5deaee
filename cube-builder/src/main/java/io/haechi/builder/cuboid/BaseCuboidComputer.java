package io.haechi.builder.cuboid;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Aggregates the fact rows into the base cuboid: every worker reads batches from the shared source into its own
 * {@link HashAggregator} (its share of the budget, spilling sorted runs when full); then one k-way merge of all
 * workers' runs and sorted tables emits the base cuboid in key order.
 */
final class BaseCuboidComputer {
    private final List<DimensionSpec> dimensions;
    private final MeasureFunctions measures;
    private final KeyLayout layout;
    private final SpillDirectory spill;
    private final CuboidEngineConfig config;

    BaseCuboidComputer(List<DimensionSpec> dimensions, MeasureFunctions measures, KeyLayout layout,
            SpillDirectory spill, CuboidEngineConfig config) {
        this.dimensions = dimensions;
        this.measures = measures;
        this.layout = layout;
        this.spill = spill;
        this.config = config;
    }

    record Counters(long inputRows, int spilledRuns, long spilledBytes) {
    }

    Counters compute(FactRowSource source, ExecutorService pool, CuboidBuildListener listener, RowConsumer out)
            throws IOException, InterruptedException {
        RowFormat format = new RowFormat(layout.words(), measures.longCount(), measures.objectCount());
        AtomicLong rowsRead = new AtomicLong();
        long budget = config.memoryBudgetBytes() / config.threads();
        List<HashAggregator> aggregators = new ArrayList<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < config.threads(); i++) {
            HashAggregator aggregator = new HashAggregator(format, measures, budget, spill, config.maxMergeFanIn());
            aggregators.add(aggregator);
            Callable<Void> reader = () -> {
                readInto(source, aggregator, rowsRead, listener);
                return null;
            };
            futures.add(pool.submit(reader));
        }
        CuboidEngine.awaitAll(futures);
        int spilledRuns = 0;
        long spilledBytes = 0;
        List<SortedCursor> cursors = new ArrayList<>();
        List<RunFile> runs = new ArrayList<>();
        try {
            int runCount = 0;
            for (HashAggregator aggregator : aggregators) {
                runCount += aggregator.runs().size();
            }
            if (runCount + aggregators.size() > config.maxMergeFanIn()) {
                // Every worker's table is one cursor; the runs share what is left of the fan-in.
                int perWorker = Math.max(1, (config.maxMergeFanIn() - aggregators.size()) / aggregators.size());
                for (HashAggregator aggregator : aggregators) {
                    aggregator.compactRuns(perWorker);
                }
            }
            for (HashAggregator aggregator : aggregators) {
                spilledRuns += aggregator.spilledRuns();
                spilledBytes += aggregator.spilledBytes();
                runs.addAll(aggregator.runs());
                cursors.addAll(aggregator.sortedCursors());
            }
            new RunMerger(format, measures, cursors).mergeInto(out);
        } finally {
            for (SortedCursor cursor : cursors) {
                cursor.close();
            }
        }
        for (RunFile run : runs) {
            spill.delete(run);
        }
        for (HashAggregator aggregator : aggregators) {
            aggregator.release();
        }
        return new Counters(rowsRead.get(), spilledRuns, spilledBytes);
    }

    private void readInto(FactRowSource source, HashAggregator aggregator, AtomicLong rowsRead,
            CuboidBuildListener listener) throws IOException {
        int dimensionCount = dimensions.size();
        int measureCount = measures.size();
        int[] word = new int[dimensionCount];
        int[] shift = new int[dimensionCount];
        int[] cardinality = new int[dimensionCount];
        for (int d = 0; d < dimensionCount; d++) {
            word[d] = layout.word(d);
            shift[d] = layout.shift(d);
            cardinality[d] = dimensions.get(d).cardinality();
        }
        int words = layout.words();
        FactBatch batch = new FactBatch(dimensionCount, measureCount, config.batchRows());
        long[] key = new long[words];
        while (true) {
            Cancellation.check();
            batch.setSize(0);
            boolean more = source.read(batch);
            int size = batch.size();
            long before = rowsRead.getAndAdd(size);
            int[] codes = batch.codes();
            long[] values = batch.values();
            for (int r = 0; r < size; r++) {
                int codeOffset = r * dimensionCount;
                for (int w = 0; w < words; w++) {
                    key[w] = 0;
                }
                for (int d = 0; d < dimensionCount; d++) {
                    int code = codes[codeOffset + d];
                    if (Integer.compareUnsigned(code, cardinality[d]) >= 0) {
                        throw badCode(before + r, d, code);
                    }
                    key[word[d]] |= (long) code << shift[d];
                }
                aggregator.addRaw(key, 0, values, r * measureCount);
            }
            if (size > 0) {
                listener.factRowsRead(before + size);
            }
            if (!more) {
                break;
            }
        }
    }

    private HaechiException badCode(long row, int dimension, int code) {
        DimensionSpec spec = dimensions.get(dimension);
        return new HaechiException(ErrorCode.BUILD_FAILED, "fact row " + row + " (in read order): dimension "
                + spec.name() + " has code " + code + ", expected a code in [0, " + spec.cardinality() + ")");
    }
}
