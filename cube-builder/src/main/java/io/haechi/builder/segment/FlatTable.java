package io.haechi.builder.segment;

import static java.util.Objects.requireNonNull;

import io.haechi.builder.join.JoinSpec;
import io.haechi.builder.join.JoinType;
import io.haechi.builder.join.LookupJoiner;
import io.haechi.builder.join.LookupTable;
import io.haechi.builder.reject.RejectCollector;
import io.haechi.builder.source.DateInterval;
import io.haechi.builder.source.PartitionFilter;
import io.haechi.builder.source.RowStream;
import io.haechi.builder.source.SourceReader;
import io.haechi.builder.source.SourceReaders;
import io.haechi.builder.source.SourceRow;
import io.haechi.builder.source.SourceScan;
import io.haechi.builder.source.SourceSplit;
import io.haechi.model.cube.ResolvedDimension;
import io.haechi.model.cube.ResolvedMeasure;
import io.haechi.model.dict.Values;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.expr.ColumnRef;
import io.haechi.model.expr.CompiledExpr;
import io.haechi.model.star.LookupDesc;
import io.haechi.model.star.StarSchema;
import io.haechi.model.table.TableDesc;
import io.haechi.model.validate.ValidatedCube;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The flat table of one segment: the fact rows of the segment's date range (partition pruning plus the row filter of
 * the readers), joined with the model's lookups held in memory (INNER or LEFT, composite keys, snowflake chains), kept
 * when the model filter is true, and turned into the values of the cube's stored dimensions (row-key order) and each
 * measure's argument (computed columns and expressions evaluated by their compiled form).
 *
 * <p>Splits are read in parallel, one reader thread per split at a time. Bad source rows and unknown foreign keys on
 * INNER joins go to the shared {@link RejectCollector} with their file and row; rows the model filter drops count as
 * filtered. NULL dimensions are kept (they get the NULL code); NULL measure arguments are skipped by their measure.
 */
public final class FlatTable {
    private final ValidatedCube cube;
    private final TableDesc fact;
    private final SourceReaders readers;
    private final SourceScan scan;
    private final LookupJoiner joiner;
    private final List<ValueGetter> dimensionGetters;
    private final List<ValueGetter> measureGetters;
    private final ValueGetter filter;
    private final AtomicLong modelFiltered = new AtomicLong();

    /** Reads one flat-row value. */
    @FunctionalInterface
    interface ValueGetter {
        Object get(Object[] flatRow);
    }

    /**
     * Loads the lookups and prepares the evaluation.
     *
     * @param tables the model's tables by name (fact and lookups) with their locations
     * @param range the segment's days [from, to) on the partition column, or null for every row
     */
    public FlatTable(ValidatedCube cube, Map<String, TableDesc> tables, SourceReaders readers, DateInterval range) {
        this.cube = requireNonNull(cube, "cube is null");
        this.readers = requireNonNull(readers, "readers is null");
        StarSchema schema = cube.schema();
        Map<String, TableDesc> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(requireNonNull(tables, "tables is null"));
        this.fact = table(byName, schema.model().factTable());
        if (range == null) {
            this.scan = SourceScan.all(fact);
        } else {
            String column = schema.model().partition().orElseThrow(() -> new HaechiException(
                    ErrorCode.INVALID_DESCRIPTOR, "model '" + schema.model().name() + "' has no partition column, "
                            + "so a segment cannot be built for the range " + range)).column();
            this.scan = SourceScan.range(fact, new PartitionFilter(column, range));
        }
        List<JoinSpec> joins = new ArrayList<>();
        for (LookupDesc lookup : schema.model().lookups()) {
            TableDesc table = table(byName, lookup.table());
            LookupTable loaded;
            RejectCollector lookupRejects = new RejectCollector();
            try (RowStream rows = readers.forFormat(table.format()).openAll(SourceScan.all(table), lookupRejects)) {
                loaded = LookupTable.load(table, lookup.primaryKey(), rows);
            }
            if (lookupRejects.report().rejectedRows() > 0) {
                throw new HaechiException(ErrorCode.BUILD_FAILED, "lookup table " + table.name()
                        + " has bad rows; a lookup must be clean because every fact row depends on it:\n"
                        + lookupRejects.report().toText());
            }
            List<io.haechi.builder.join.ColumnRef> foreignKey = lookup.foreignKey().stream()
                    .map(c -> new io.haechi.builder.join.ColumnRef(lookup.joinFrom(), c)).toList();
            JoinType type = lookup.joinType() == io.haechi.model.star.JoinType.INNER ? JoinType.INNER : JoinType.LEFT;
            joins.add(new JoinSpec(lookup.alias(), type, loaded, foreignKey));
        }
        this.joiner = new LookupJoiner(fact, joins);
        this.dimensionGetters = cube.rowKey().stream().map(this::dimensionGetter).toList();
        this.measureGetters = cube.measures().stream().map(this::measureGetter).toList();
        this.filter = schema.filter().map(this::expressionGetter).orElse(null);
    }

    private static TableDesc table(Map<String, TableDesc> tables, String name) {
        TableDesc t = tables.get(name);
        if (t == null) {
            throw new HaechiException(ErrorCode.UNKNOWN_TABLE, "table '" + name + "' of the model is not registered; "
                    + "known: " + tables.keySet());
        }
        return t;
    }

    public ValidatedCube cube() {
        return cube;
    }

    /** The fact table's splits this segment reads. */
    public List<SourceSplit> splits() {
        return reader().splits(scan);
    }

    /** Rows the model filter left out so far. */
    public long modelFilteredRows() {
        return modelFiltered.get();
    }

    /** Misses per LEFT join alias (rows kept with NULL lookup columns). */
    public Map<String, Long> leftJoinMisses() {
        return joiner.leftMisses();
    }

    private SourceReader reader() {
        return readers.forFormat(fact.format());
    }

    /**
     * Reads every split with {@code threads} threads, each feeding its own sink from {@code sinks}.
     *
     * @throws HaechiException when a source cannot be read or a sink fails
     */
    public void scan(int threads, RejectCollector rejects, Supplier<FlatRowSink> sinks) throws InterruptedException {
        List<SourceSplit> splits = splits();
        AtomicInteger next = new AtomicInteger();
        int workers = Math.max(1, Math.min(threads, splits.size()));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "flat-table-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    try (FlatRowSink sink = sinks.get()) {
                        int i;
                        while ((i = next.getAndIncrement()) < splits.size()) {
                            readSplit(splits.get(i), rejects, sink);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    futures.forEach(x -> x.cancel(true));
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) {
                        throw r;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new HaechiException(ErrorCode.BUILD_FAILED, "reading the flat table failed: " + cause,
                            cause);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void readSplit(SourceSplit split, RejectCollector rejects, FlatRowSink sink) throws Exception {
        Object[] dims = new Object[dimensionGetters.size()];
        Object[] args = new Object[measureGetters.size()];
        try (RowStream rows = reader().open(scan, split, rejects)) {
            SourceRow row;
            long n = 0;
            while ((row = rows.next()) != null) {
                if ((++n & 0xFFF) == 0 && Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("flat table read cancelled");
                }
                Object[] flat = joiner.join(row, rejects);
                if (flat == null) {
                    continue;
                }
                if (filter != null && !Boolean.TRUE.equals(filter.get(flat))) {
                    modelFiltered.incrementAndGet();
                    rejects.rowFiltered();
                    continue;
                }
                for (int i = 0; i < dims.length; i++) {
                    dims[i] = dimensionGetters.get(i).get(flat);
                }
                for (int i = 0; i < args.length; i++) {
                    ValueGetter g = measureGetters.get(i);
                    args[i] = g == null ? null : g.get(flat);
                }
                sink.accept(dims, args, row.origin());
            }
        }
    }

    private ValueGetter dimensionGetter(ResolvedDimension d) {
        ValueGetter raw = columnGetter(d.column());
        String what = "dimension " + d.name();
        return flat -> Values.coerce(raw.get(flat), d.type(), what);
    }

    private ValueGetter measureGetter(ResolvedMeasure m) {
        return m.argument().map(this::expressionGetter).orElse(null);
    }

    private ValueGetter expressionGetter(CompiledExpr expr) {
        List<ColumnRef> columns = expr.columns();
        ValueGetter[] getters = columns.stream().map(this::columnGetter).toArray(ValueGetter[]::new);
        String what = "expression " + expr.expression();
        return flat -> {
            Object[] values = new Object[getters.length];
            for (int i = 0; i < getters.length; i++) {
                values[i] = getters[i].get(flat);
            }
            return Values.coerce(expr.evaluate(values), expr.type(), what);
        };
    }

    /** A column of the flat row, or a computed column of the fact table evaluated over it. */
    private ValueGetter columnGetter(ColumnRef ref) {
        String alias = ref.table().orElse(cube.schema().factAlias());
        StarSchema schema = cube.schema();
        if (schema.isFact(alias) && fact.column(ref.column()).isEmpty()) {
            Optional<StarSchema.ComputedColumn> computed = schema.computedColumn(ref.column());
            if (computed.isPresent()) {
                StarSchema.ComputedColumn c = computed.get();
                ValueGetter inner = expressionGetter(c.expression());
                String what = "computed column " + c.desc().name();
                return flat -> Values.coerce(inner.get(flat), c.type(), what);
            }
        }
        int index = joiner.indexOf(new io.haechi.builder.join.ColumnRef(alias, ref.column()));
        return flat -> flat[index];
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "flat table of %s over %s", cube.cube().name(), scan);
    }
}
