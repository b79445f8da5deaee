package io.haechi.storage.hbase;

import io.haechi.model.dict.DimensionEncoding;
import io.haechi.model.dict.IntegerEncoding;
import io.haechi.model.measure.MeasureType;
import io.haechi.model.measure.MeasureTypes;
import io.haechi.model.rowkey.MeasureRowCodec;
import io.haechi.model.rowkey.RowKeyCodec;
import io.haechi.model.spi.AggregateRow;
import io.haechi.model.spi.ScanLayout;
import io.haechi.model.table.DataType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Random fact rows over five BIGINT dimensions of mixed code widths ({@code d0..d4}: 1, 2, 3, 1 and 4 bytes; d0 has
 * NULLs) with an amount (NULL now and then) and a user id, and the cuboid rows the builder would make of them:
 * measures SUM(amount), COUNT(*), MIN(amount), MAX(amount), COUNT_DISTINCT(user_id).
 */
final class CubeTestData {
    static final int[] WIDTHS = {1, 2, 3, 1, 4};
    static final int[] CARDINALITY = {6, 40, 300, 4, 5000};
    static final List<DimensionEncoding> ENCODINGS = Arrays.stream(WIDTHS)
            .mapToObj(w -> (DimensionEncoding) new IntegerEncoding(DataType.BIGINT, w)).toList();
    static final List<ScanLayout.MeasureSpec> MEASURES = List.of(
            new ScanLayout.MeasureSpec("SUM", DataType.BIGINT, Map.of()),
            new ScanLayout.MeasureSpec("COUNT", null, Map.of()),
            new ScanLayout.MeasureSpec("MIN", DataType.BIGINT, Map.of()),
            new ScanLayout.MeasureSpec("MAX", DataType.BIGINT, Map.of()),
            new ScanLayout.MeasureSpec("COUNT_DISTINCT", DataType.BIGINT, Map.of()));
    static final List<MeasureType> TYPES = MEASURES.stream()
            .map(m -> MeasureTypes.create(m.function(), m.argumentType())).toList();
    static final MeasureRowCodec CELLS = new MeasureRowCodec(TYPES);

    /** One source row: five dimension values (d0 may be null), amount (may be null), user id. */
    record Fact(Long[] dims, Long amount, long userId) {
    }

    /** A stored row of a cuboid. */
    record CuboidRow(byte[] key, byte[] cell) {
    }

    final RowKeyCodec codec;
    final List<Fact> facts;

    CubeTestData(int shards, int rows, long seed) {
        this.codec = new RowKeyCodec(ENCODINGS, shards, -1);
        SplittableRandom random = new SplittableRandom(seed);
        List<Fact> list = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            Long[] dims = new Long[WIDTHS.length];
            for (int d = 0; d < dims.length; d++) {
                dims[d] = (long) random.nextInt(CARDINALITY[d]);
            }
            if (random.nextInt(20) == 0) {
                dims[0] = null;
            }
            dims[4] = dims[4] * 1000 - 100_000; // negative values too: the integer codes are offset
            Long amount = random.nextInt(25) == 0 ? null : (long) random.nextInt(-1000, 100_000);
            list.add(new Fact(dims, amount, random.nextLong(1, 20_000)));
        }
        this.facts = List.copyOf(list);
    }

    ScanLayout layout() {
        return new ScanLayout(Arrays.stream(WIDTHS).boxed().toList(), codec.shardCount(), MEASURES);
    }

    /**
     * The rows of {@code cuboid}, in the order the builder hands them over: sorted by codes (the key after the shard
     * prefix), shards interleaved.
     */
    List<CuboidRow> cuboidRows(long cuboid) {
        int[] dims = codec.dimensionsOf(cuboid);
        Map<List<Long>, Object[]> groups = new HashMap<>();
        for (Fact f : facts) {
            List<Long> key = new ArrayList<>(dims.length);
            for (int d : dims) {
                key.add(f.dims()[d]);
            }
            Object[] states = groups.computeIfAbsent(key, k -> TYPES.stream().map(MeasureType::init).toArray());
            states[0] = TYPES.get(0).add(states[0], f.amount());
            states[1] = TYPES.get(1).add(states[1], 1L);
            states[2] = TYPES.get(2).add(states[2], f.amount());
            states[3] = TYPES.get(3).add(states[3], f.amount());
            states[4] = TYPES.get(4).add(states[4], f.userId());
        }
        List<CuboidRow> rows = new ArrayList<>(groups.size());
        groups.forEach((values, states) -> rows.add(new CuboidRow(codec.encodeValues(cuboid, values.toArray()),
                CELLS.encode(states))));
        rows.sort((a, b) -> Arrays.compareUnsigned(a.key(), 2, a.key().length, b.key(), 2, b.key().length));
        return rows;
    }

    /** The dimension values of a group key (shard zeroed, cuboid = groupBy) in row-key order. */
    List<Object> groupValues(byte[] key) {
        long groupBy = codec.cuboid(key);
        List<Object> values = new ArrayList<>();
        for (int d : codec.dimensionsOf(groupBy)) {
            values.add(ENCODINGS.get(d).decode(key, codec.codeOffset(groupBy, d)));
        }
        return values;
    }

    /** Group values to the SQL results of the requested measures, from a scan's rows. */
    Map<List<Object>, List<Object>> results(Iterable<AggregateRow> rows, List<Integer> measures) {
        MeasureRowCodec out = new MeasureRowCodec(measures.stream().map(TYPES::get).toList());
        Map<List<Object>, List<Object>> results = new HashMap<>();
        for (AggregateRow row : rows) {
            Object[] states = out.decode(row.measureCell());
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < states.length; i++) {
                values.add(normalize(out.measures().get(i).result(states[i])));
            }
            List<Object> previous = results.put(groupValues(row.key()), values);
            if (previous != null) {
                throw new AssertionError("group " + groupValues(row.key()) + " returned twice");
            }
        }
        return results;
    }

    static Object normalize(Object value) {
        return value instanceof Number n ? (Object) n.longValue() : value;
    }

    /** Loads the facts into DuckDB table {@code facts(d0..d4, amount, user_id)}. */
    void loadInto(Connection duck) throws SQLException {
        try (Statement s = duck.createStatement()) {
            s.execute("CREATE TABLE facts (d0 BIGINT, d1 BIGINT, d2 BIGINT, d3 BIGINT, d4 BIGINT, amount BIGINT,"
                    + " user_id BIGINT)");
        }
        try (DuckDBAppender a = duck.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA,
                "facts")) {
            for (Fact f : facts) {
                a.beginRow();
                for (Long v : f.dims()) {
                    appendNullable(a, v);
                }
                appendNullable(a, f.amount());
                a.append(f.userId());
                a.endRow();
            }
        }
    }

    private static void appendNullable(DuckDBAppender a, Long v) throws SQLException {
        if (v == null) {
            a.appendNull();
        } else {
            a.append(v.longValue());
        }
    }

    /** The SQL of the measures, in request order. */
    static String measureSql(List<Integer> measures) {
        List<String> sql = List.of("SUM(amount)", "COUNT(*)", "MIN(amount)", "MAX(amount)",
                "COUNT(DISTINCT user_id)");
        return String.join(", ", measures.stream().map(sql::get).toList());
    }
}
