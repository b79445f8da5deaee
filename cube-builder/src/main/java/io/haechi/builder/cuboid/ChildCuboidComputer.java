package io.haechi.builder.cuboid;

import java.io.IOException;

/**
 * Computes one cuboid from its parent's sorted run file. When the child's dimensions lead the parent's, projected
 * keys arrive sorted and equal keys adjacent: one pass, no table. Otherwise the parent's order still groups the
 * rows by the child's sorted prefix (possibly empty), and a {@link HashAggregator} sorts only within each group,
 * spilling if a group outgrows the budget.
 */
final class ChildCuboidComputer {
    private final MeasureFunctions measures;
    private final SpillDirectory spill;
    private final int maxFanIn;

    ChildCuboidComputer(MeasureFunctions measures, SpillDirectory spill, int maxFanIn) {
        this.measures = measures;
        this.spill = spill;
        this.maxFanIn = maxFanIn;
    }

    /** Result counters of one child computation. */
    record Counters(long inputRows, int spilledRuns, long spilledBytes) {
    }

    Counters compute(RunFile parentFile, KeyLayout parent, KeyLayout child, long budget, RowConsumer out)
            throws IOException {
        KeyProjection projection = new KeyProjection(parent, child);
        RowFormat format = new RowFormat(child.words(), measures.longCount(), measures.objectCount());
        try (RunReader reader = spill.open(parentFile, measures)) {
            if (projection.childIsPrefix()) {
                return new Counters(stream(reader, projection, format, out), 0, 0);
            }
            return aggregate(reader, projection, format, budget, out);
        }
    }

    private long stream(RunReader reader, KeyProjection projection, RowFormat format, RowConsumer out)
            throws IOException {
        int words = format.words();
        int objectCount = format.objects();
        long[] key = new long[words];
        long[] current = new long[words];
        long[] longs = new long[Math.max(1, format.longs())];
        Object[] objects = new Object[Math.max(1, objectCount)];
        boolean have = false;
        long rows = 0;
        while (reader.next()) {
            if ((++rows & 0xFFF) == 0) {
                Cancellation.check();
            }
            projection.project(reader.keyArray(), 0, key, 0);
            if (have && KeyLayout.equal(key, 0, current, 0, words)) {
                measures.mergeLongs(longs, 0, reader.longArray(), 0);
                if (objectCount > 0) {
                    measures.mergeObjects(objects, 0, reader.objectArray(), 0, false);
                }
                continue;
            }
            if (have) {
                out.accept(current, 0, longs, 0, objects, 0);
            }
            System.arraycopy(key, 0, current, 0, words);
            System.arraycopy(reader.longArray(), 0, longs, 0, format.longs());
            System.arraycopy(reader.objectArray(), 0, objects, 0, objectCount);
            have = true;
        }
        if (have) {
            out.accept(current, 0, longs, 0, objects, 0);
        }
        return rows;
    }

    private Counters aggregate(RunReader reader, KeyProjection projection, RowFormat format, long budget,
            RowConsumer out) throws IOException {
        HashAggregator aggregator = new HashAggregator(format, measures, budget, spill, maxFanIn);
        boolean grouped = projection.sortedPrefix() > 0;
        int words = format.words();
        long[] key = new long[words];
        long[] group = new long[words];
        boolean have = false;
        long rows = 0;
        while (reader.next()) {
            if ((++rows & 0xFFF) == 0) {
                Cancellation.check();
            }
            projection.project(reader.keyArray(), 0, key, 0);
            if (grouped) {
                if (have && !projection.samePrefix(key, 0, group, 0)) {
                    aggregator.finish(out);
                    System.arraycopy(key, 0, group, 0, words);
                } else if (!have) {
                    System.arraycopy(key, 0, group, 0, words);
                    have = true;
                }
            }
            aggregator.addStates(key, 0, reader.longArray(), 0, reader.objectArray(), 0);
        }
        aggregator.finish(out);
        aggregator.release();
        return new Counters(rows, aggregator.spilledRuns(), aggregator.spilledBytes());
    }
}
