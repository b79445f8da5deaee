package io.haechi.query.exec;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.BoundType;
import com.google.common.collect.Range;
import io.haechi.model.catalog.SegmentDesc;
import io.haechi.model.dict.DimensionEncoding;
import io.haechi.model.dict.OrderedDictionary;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.measure.MeasureType;
import io.haechi.model.rowkey.CodeRange;
import io.haechi.model.rowkey.KeyRange;
import io.haechi.model.rowkey.MeasureRowCodec;
import io.haechi.model.rowkey.RowKeyCodec;
import io.haechi.model.spi.AggregateRow;
import io.haechi.model.spi.CubeStore;
import io.haechi.model.spi.CuboidScanRequest;
import io.haechi.model.table.DataType;
import io.haechi.query.meta.CubeView;
import io.haechi.query.schema.SqlTypes;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Runs one {@link CubeScanSpec}: binds parameters, turns the pushed conditions into each segment's code ranges (key
 * ranges on the cuboid's leading dimensions, a region-side code filter on all of them), scans every READY segment
 * through the store with rollup to the dimensions the query needs, looks derived columns up, applies the rest of the
 * filter, merges measure states across regions and segments and finishes them into SQL values.
 */
public final class CubeScanExecutor {
    /**
     * Leading dimensions are expanded into key ranges while the product of their range counts stays within this.
     * Each range costs a seek in every region; on SSB SF1 Q1.1 (59 rows in range) 504 ranges took 32 ms and one
     * range with the region-side code filter far less, so expansion stays small and the residual does the rest.
     */
    private static final int MAX_RANGE_COMBINATIONS = 16;
    /** A skip scan enumerates a free dictionary dimension of at most this many values... */
    private static final int MAX_SKIP_VALUES = 16;
    /** ...when the key ranges stay within this... */
    private static final int MAX_SKIP_RANGES = 64;
    /** ...and the rows it saves (estimated) pay for this many rows per extra range (a seek in every region). */
    private static final int SKIP_SEEK_ROWS = 50;

    private final CubeScanSpec spec;
    private final List<RelDataType> outputTypes;
    private final ScanServices services;
    /** The parameter indexes the filters read, ascending (part of the result-cache key). */
    private final List<Integer> usedParams;

    public CubeScanExecutor(CubeScanSpec spec, List<RelDataType> outputTypes, ScanServices services) {
        this.spec = requireNonNull(spec, "spec is null");
        this.outputTypes = List.copyOf(outputTypes);
        this.services = requireNonNull(services, "services is null");
        if (outputTypes.size() != spec.groups().size() + spec.measures().size()) {
            throw new IllegalArgumentException("output types " + outputTypes.size() + " do not match the spec");
        }
        java.util.Set<Integer> used = new java.util.TreeSet<>();
        spec.pushed().forEach(p -> Pred.params(p, used));
        spec.post().forEach(p -> Pred.params(p, used));
        this.usedParams = List.copyOf(used);
    }

    public CubeScanSpec spec() {
        return spec;
    }

    /** Called by the generated code of {@code CubeScan}. */
    public Enumerable<Object[]> execute(DataContext root) {
        List<Object> params = new AbstractList<>() {
            @Override
            public Object get(int index) {
                return root.get("?" + index);
            }

            @Override
            public int size() {
                return Integer.MAX_VALUE;
            }
        };
        java.util.concurrent.atomic.AtomicBoolean cancel = DataContext.Variable.CANCEL_FLAG.get(root);
        return Linq4j.asEnumerable(run(params, cancel == null ? () -> false : cancel::get));
    }

    /** As {@link #execute}, for a one-column result (Calcite's scalar row format). */
    public Enumerable<Object> executeScalar(DataContext root) {
        return execute(root).select(row -> row[0]);
    }

    /** The result rows in Calcite's internal representation. */
    public List<Object[]> run(List<Object> params) {
        return run(params, () -> false);
    }

    /**
     * As {@link #run(List)}; {@code cancelled} (the statement's cancel flag: JDBC {@code Statement.cancel}, a
     * PostgreSQL CancelRequest) is checked between segments and every {@value #CANCEL_CHECK_ROWS} scanned rows.
     */
    public List<Object[]> run(List<Object> params, java.util.function.BooleanSupplier cancelled) {
        CubeView view = services.currentCube(spec.project(), spec.cube());
        if (!view.cube().layout().dimensions().equals(spec.rowKey())) {
            throw new HaechiException(ErrorCode.QUERY_FAILED, "cube " + spec.cube() + " changed since the statement "
                    + "was prepared; prepare it again");
        }
        IntFunction<DataType> types = slot -> spec.columns().get(slot).type();
        // The result depends on the scan, the bound parameters and the READY segments: a new segment changes the key.
        List<Object> key = List.of(spec, boundParams(params), view.segments().stream()
                .map(SegmentDesc::storageId).toList());
        List<Object[]> cached = services.cachedResult(key);
        if (cached != null) {
            return cached;
        }
        List<Object[]> rows = compute(view, params, types, cancelled);
        services.cacheResult(key, rows);
        return rows;
    }

    private List<Object> boundParams(List<Object> params) {
        List<Object> out = new ArrayList<>(usedParams.size());
        for (int i : usedParams) {
            out.add(java.util.Objects.toString(params.get(i)));
        }
        return out;
    }

    /** How many scanned rows pass between two looks at the cancel flag. */
    static final int CANCEL_CHECK_ROWS = 4096;

    private static void checkCancelled(java.util.function.BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new HaechiException(ErrorCode.QUERY_CANCELLED, "query cancelled");
        }
    }

    private List<Object[]> compute(CubeView view, List<Object> params, IntFunction<DataType> types,
            java.util.function.BooleanSupplier cancelled) {
        Map<Integer, ValueSet> pushed = new HashMap<>();
        boolean nothing = false;
        for (Pred p : spec.pushed()) {
            ScanColumn.Stored c = (ScanColumn.Stored) spec.columns().get(p.singleColumn());
            ValueSet v = pushed.getOrDefault(c.position(), ValueSet.all()).and(p.values(params, types));
            pushed.put(c.position(), v);
            nothing |= v.isEmpty();
        }
        Map<List<Object>, Object[]> groups = new LinkedHashMap<>();
        List<MeasureType> measureTypes = spec.measures().stream()
                .map(m -> SegmentCodec.measureType(view.cube().measures().get(m))).toList();
        if (!nothing) {
            for (SegmentDesc segment : view.segments()) {
                checkCancelled(cancelled);
                scanSegment(services.codec(spec.project(), view, segment), pushed, params, types, measureTypes,
                        groups, cancelled);
            }
        }
        return finish(groups, measureTypes);
    }

    private void scanSegment(SegmentCodec codec, Map<Integer, ValueSet> pushed, List<Object> params,
            IntFunction<DataType> types, List<MeasureType> measureTypes, Map<List<Object>, Object[]> groups,
            java.util.function.BooleanSupplier cancelled) {
        SegmentDesc segment = codec.segment();
        if (!segment.rowsPerCuboid().containsKey(spec.cuboid())) {
            throw new HaechiException(ErrorCode.CORRUPT_STORED_DATA, "segment " + segment.name() + " of cube "
                    + spec.cube() + " has no cuboid " + spec.cuboid());
        }
        RowKeyCodec keys = codec.keys();
        Map<Integer, List<CodeRange>> residual = new HashMap<>();
        for (Map.Entry<Integer, ValueSet> e : pushed.entrySet()) {
            List<CodeRange> codes = codeRanges(codec.encoding(e.getKey()), e.getValue());
            if (codes.isEmpty()) {
                return;
            }
            residual.put(e.getKey(), codes);
        }
        long groupBy = spec.scanGroupBy(keys::bit);
        CuboidScanRequest request = new CuboidScanRequest(segment.storageId(), spec.cuboid(),
                keyRanges(codec, residual), residual, groupBy, spec.measures(), codec.layout());
        MeasureRowCodec cells = new MeasureRowCodec(measureTypes);
        int[] groupDims = keys.dimensionsOf(groupBy);
        Map<Integer, Integer> indexOfPosition = new HashMap<>();
        for (int i = 0; i < groupDims.length; i++) {
            indexOfPosition.put(groupDims[i], i);
        }
        ColumnReader reader = new ColumnReader(indexOfPosition);
        try (CubeStore.ScanResult rows = services.store().scan(request)) {
            long scanned = 0;
            while (rows.hasNext()) {
                if (++scanned % CANCEL_CHECK_ROWS == 0) {
                    checkCancelled(cancelled);
                }
                AggregateRow row = rows.next();
                Object[] dims = keys.decodeValues(row.key());
                Object[] values = reader.read(dims);
                if (!passes(values, params, types)) {
                    continue;
                }
                List<Object> key = new ArrayList<>(spec.groups().size());
                for (int g : spec.groups()) {
                    key.add(values[g]);
                }
                Object[] states = cells.decode(row.measureCell());
                Object[] current = groups.get(key);
                if (current == null) {
                    groups.put(key, states);
                } else {
                    for (int m = 0; m < states.length; m++) {
                        current[m] = measureTypes.get(m).merge(current[m], states[m]);
                    }
                }
            }
        }
    }

    private boolean passes(Object[] values, List<Object> params, IntFunction<DataType> types) {
        for (Pred p : spec.post()) {
            if (!Boolean.TRUE.equals(p.eval(values, params, types))) {
                return false;
            }
        }
        return true;
    }

    /** Reads the scan's column values from a decoded group key, looking derived columns up. */
    private final class ColumnReader {
        private final int[] storedIndex;
        private final LookupSnapshot[] lookups;
        private final int[] lookupColumn;
        private final int[][] hostIndex;

        ColumnReader(Map<Integer, Integer> indexOfPosition) {
            int n = spec.columns().size();
            storedIndex = new int[n];
            lookups = new LookupSnapshot[n];
            lookupColumn = new int[n];
            hostIndex = new int[n][];
            for (int slot = 0; slot < n; slot++) {
                storedIndex[slot] = -1;
                ScanColumn c = spec.columns().get(slot);
                if (c instanceof ScanColumn.Stored s) {
                    storedIndex[slot] = indexOfPosition.getOrDefault(s.position(), -1);
                } else if (c instanceof ScanColumn.Derived d) {
                    boolean present = d.hostPositions().stream().allMatch(indexOfPosition::containsKey);
                    if (present) {
                        lookups[slot] = services.lookup(spec.project(), d.table(), d.primaryKey());
                        lookupColumn[slot] = lookups[slot].position(d.column());
                        hostIndex[slot] = d.hostPositions().stream().mapToInt(indexOfPosition::get).toArray();
                    }
                }
            }
        }

        Object[] read(Object[] dims) {
            Object[] out = new Object[storedIndex.length];
            for (int slot = 0; slot < out.length; slot++) {
                if (storedIndex[slot] >= 0) {
                    out[slot] = dims[storedIndex[slot]];
                } else if (lookups[slot] != null) {
                    List<Object> key = new ArrayList<>(hostIndex[slot].length);
                    for (int h : hostIndex[slot]) {
                        key.add(dims[h]);
                    }
                    out[slot] = lookups[slot].value(key, lookupColumn[slot]);
                }
            }
            return out;
        }
    }

    private List<Object[]> finish(Map<List<Object>, Object[]> groups, List<MeasureType> measureTypes) {
        int g = spec.groups().size();
        List<Object[]> out = new ArrayList<>(Math.max(groups.size(), 1));
        if (groups.isEmpty() && g == 0) {
            Object[] states = new Object[measureTypes.size()];
            for (int m = 0; m < states.length; m++) {
                states[m] = measureTypes.get(m).init();
            }
            groups.put(List.of(), states);
        }
        for (Map.Entry<List<Object>, Object[]> e : groups.entrySet()) {
            Object[] row = new Object[g + measureTypes.size()];
            for (int i = 0; i < g; i++) {
                row[i] = SqlTypes.toInternal(e.getKey().get(i), outputTypes.get(i));
            }
            for (int m = 0; m < measureTypes.size(); m++) {
                row[g + m] = SqlTypes.toInternal(measureTypes.get(m).result(e.getValue()[m]), outputTypes.get(g + m));
            }
            out.add(row);
        }
        return out;
    }

    /** The code ranges of a segment's encoding that hold the value set (empty: nothing in this segment matches). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static List<CodeRange> codeRanges(DimensionEncoding encoding, ValueSet values) {
        List<CodeRange> out = new ArrayList<>();
        for (Range<Comparable> r : values.ranges().asRanges()) {
            Object lo = r.hasLowerBound() ? r.lowerEndpoint() : null;
            Object hi = r.hasUpperBound() ? r.upperEndpoint() : null;
            boolean loIn = !r.hasLowerBound() || r.lowerBoundType() == BoundType.CLOSED;
            boolean hiIn = !r.hasUpperBound() || r.upperBoundType() == BoundType.CLOSED;
            CodeRange.range(encoding, lo, loIn, hi, hiIn).ifPresent(out::add);
        }
        if (values.keepsNull()) {
            out.add(CodeRange.isNull(encoding));
        }
        return out;
    }

    /**
     * Key ranges over a prefix of the cuboid's dimensions: every leading dimension that carries code ranges, and also
     * an unconstrained dictionary dimension of few values when the dimension after it is constrained and selective
     * (a skip scan: one range per value of the free dimension, so that the next dimension's condition narrows the
     * scan too; Q3.4's {@code d_yearmonth = ? AND c_city IN (..) AND s_city IN (..)} over
     * {@code [d_yearmonth, d_year, c_city, s_city]} then reads the matching cities of each year instead of the whole
     * month). An unconstrained dimension is taken whole, NULL included, so the ranges still hold every matching row;
     * the region-side filter checks every condition anyway.
     */
    private List<KeyRange> keyRanges(SegmentCodec codec, Map<Integer, List<CodeRange>> residual) {
        RowKeyCodec keys = codec.keys();
        int[] dims = keys.dimensionsOf(spec.cuboid());
        List<List<CodeRange>> prefix = new ArrayList<>();
        long combinations = 1;
        double rows = codec.segment().rowsPerCuboid().getOrDefault(spec.cuboid(), 0L);
        for (int i = 0; i < dims.length; i++) {
            List<CodeRange> r = residual.get(dims[i]);
            if (r != null) {
                if (combinations * r.size() > MAX_RANGE_COMBINATIONS) {
                    break;
                }
                prefix.add(r);
                combinations *= r.size();
                rows *= selectivity(codec, dims[i], r);
                continue;
            }
            List<CodeRange> all = i + 1 < dims.length ? allCodes(codec, dims[i]) : null;
            List<CodeRange> next = all == null ? null : residual.get(dims[i + 1]);
            if (next == null) {
                break;
            }
            int values = ((OrderedDictionary) codec.encoding(dims[i])).size() + 1;
            long ranges = combinations * values * next.size();
            double saved = rows * (1 - selectivity(codec, dims[i + 1], next));
            if (ranges > MAX_SKIP_RANGES || saved < SKIP_SEEK_ROWS * ranges) {
                break;
            }
            prefix.add(all);
            combinations *= all.size();
        }
        if (prefix.isEmpty()) {
            return List.of();
        }
        List<KeyRange> out = new ArrayList<>();
        expand(keys, prefix, 0, new ArrayList<>(), out);
        return out;
    }

    /**
     * Every code of a dictionary dimension with at most {@link #MAX_SKIP_VALUES} values, as the range of its codes
     * and the NULL code; null for other dimensions (an integer or date domain is not enumerable).
     */
    private static List<CodeRange> allCodes(SegmentCodec codec, int position) {
        if (!(codec.encoding(position) instanceof OrderedDictionary d) || d.size() == 0
                || d.size() > MAX_SKIP_VALUES) {
            return null;
        }
        return List.of(new CodeRange(d.minCode(), d.maxCode()), CodeRange.isNull(d));
    }

    /** The share of a dimension's values that {@code ranges} hold: exact for dictionaries, 1/n per point otherwise. */
    static double selectivity(SegmentCodec codec, int position, List<CodeRange> ranges) {
        DimensionEncoding e = codec.encoding(position);
        int cardinality = Math.max(1, codec.cardinality(position));
        double covered = 0;
        for (CodeRange r : ranges) {
            if (r.isPoint()) {
                covered += 1;
            } else if (e instanceof OrderedDictionary && r.width() <= 7) {
                covered += r.highLong() - r.lowLong() + 1;
            } else {
                return 1;
            }
        }
        return Math.min(1, covered / cardinality);
    }

    private void expand(RowKeyCodec keys, List<List<CodeRange>> prefix, int depth, List<CodeRange> chosen,
            List<KeyRange> out) {
        if (depth == prefix.size()) {
            out.addAll(keys.keyRanges(spec.cuboid(), chosen, services.maxKeyRanges()));
            return;
        }
        for (CodeRange r : prefix.get(depth)) {
            chosen.add(r);
            expand(keys, prefix, depth + 1, chosen, out);
            chosen.remove(chosen.size() - 1);
        }
    }
}
