package io.haechi.builder.segment;

import static java.util.Objects.requireNonNull;

import io.haechi.builder.reject.RejectCollector;
import io.haechi.builder.reject.RowOrigin;
import io.haechi.builder.source.DateInterval;
import io.haechi.builder.source.SourceReaders;
import io.haechi.model.cube.ResolvedDimension;
import io.haechi.model.dict.EncodingSpec;
import io.haechi.model.dict.OrderedDictionary;
import io.haechi.model.rowkey.RowKeyCodec;
import io.haechi.model.table.TableDesc;
import io.haechi.model.validate.ValidatedCube;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a segment of a cube would hold, without building it: the fact rows of a date range (at most a given number)
 * go through the same flat table (joins, model filter, expressions) as a build, every cuboid gets a HyperLogLog
 * sketch as in the build's read pass, and each cuboid's bytes are its rows times the row width the build's region
 * planner assumes (the row key with the widths these values' encodings would have, plus
 * {@value #CELL_BYTES_PER_MEASURE} bytes per measure). One reader thread, so a stopped sample is deterministic.
 */
public final class CuboidSampler {
    /** The region planner's cell size per measure (SegmentBuildJob uses the same). */
    static final int CELL_BYTES_PER_MEASURE = 6;

    /**
     * @param factRows fact rows sampled (that passed the joins and the model filter)
     * @param complete false when {@code maxRows} stopped the read before the range's end (rows are then lower bounds)
     * @param rejectedRows source rows refused on the way (bad values, INNER-join misses)
     * @param rowsPerCuboid estimated rows of each cuboid id
     * @param bytesPerCuboid estimated stored bytes of each cuboid id
     */
    public record Sample(long factRows, boolean complete, long rejectedRows, Map<Long, Long> rowsPerCuboid,
            Map<Long, Long> bytesPerCuboid) {
        public Sample {
            rowsPerCuboid = Map.copyOf(rowsPerCuboid);
            bytesPerCuboid = Map.copyOf(bytesPerCuboid);
        }
    }

    private static final class Enough extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Enough() {
            super("sample complete", null, false, false);
        }
    }

    private CuboidSampler() {
    }

    /**
     * Samples {@code range} of the cube's fact table.
     *
     * @param tables the model's tables by name
     * @param maxRows fact rows read at most
     */
    public static Sample sample(ValidatedCube cube, Map<String, TableDesc> tables, SourceReaders readers,
            DateInterval range, long maxRows) throws InterruptedException {
        requireNonNull(cube, "cube is null");
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be positive, got " + maxRows);
        }
        FlatTable flat = new FlatTable(cube, tables, readers, range);
        List<ResolvedDimension> rowKey = cube.rowKey();
        int dims = rowKey.size();
        ValueInterner[] values = new ValueInterner[dims];
        for (int d = 0; d < dims; d++) {
            values[d] = new ValueInterner("dimension " + rowKey.get(d).name(), Integer.MAX_VALUE - 8);
        }
        long[] cuboids = cube.cuboids().ids();
        CuboidStatistics statistics = new CuboidStatistics(cuboids, dims, SegmentBuildConfig.defaults().hllLgK());
        RejectCollector rejects = new RejectCollector();
        long[] rows = new long[1];
        boolean complete = true;
        try {
            flat.scan(1, rejects, () -> {
                CuboidStatistics.Collector collector = statistics.collector();
                int[] ids = new int[dims];
                return new FlatRowSink() {
                    @Override
                    public void accept(Object[] dimensions, Object[] arguments, RowOrigin origin) {
                        if (rows[0] == maxRows) {
                            throw new Enough();
                        }
                        for (int d = 0; d < dims; d++) {
                            ids[d] = values[d].id(dimensions[d]);
                        }
                        collector.add(ids);
                        rows[0]++;
                    }

                    @Override
                    public void close() {
                        collector.finish();
                    }
                };
            });
        } catch (Enough e) {
            complete = false;
        }
        int[] widths = new int[dims];
        for (int d = 0; d < dims; d++) {
            ResolvedDimension dim = rowKey.get(d);
            EncodingSpec spec = EncodingSpec.parse(dim.encoding().toString());
            OrderedDictionary dictionary = spec.kind() == EncodingSpec.Kind.DICT
                    ? OrderedDictionary.of(dim.type(), Arrays.asList(values[d].values())) : null;
            widths[d] = spec.create(dim.type(), dictionary).width();
        }
        int cell = CELL_BYTES_PER_MEASURE * cube.measures().size();
        Map<Long, Long> estimated = statistics.estimates();
        Map<Long, Long> bytes = new LinkedHashMap<>();
        for (long c : cuboids) {
            int key = RowKeyCodec.HEADER_BYTES;
            for (int d = 0; d < dims; d++) {
                if ((c & (1L << (dims - 1 - d))) != 0) {
                    key += widths[d];
                }
            }
            bytes.put(c, estimated.getOrDefault(c, 0L) * (key + cell));
        }
        return new Sample(rows[0], complete, rejects.report().rejectedRows(), estimated, bytes);
    }
}
