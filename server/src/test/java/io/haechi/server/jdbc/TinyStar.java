package io.haechi.server.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A tiny deterministic star (LINEORDER facts, DATES lookup) plus NUMBERS (100,000 generated rows), served as a
 * Calcite schema and loadable into DuckDB as the oracle.
 */
public final class TinyStar extends AbstractSchema {
    public static final int FACT_ROWS = 2_000;
    public static final int NUMBER_ROWS = 100_000;
    public static final String[] SHIP_MODES = {"AIR", "MAIL", "RAIL", "SHIP", "TRUCK"};
    static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};

    /** DATES rows: one per month of 1992-1996, D_DATEKEY yyyymmdd of the month's first day. */
    public static List<Object[]> dates() {
        List<Object[]> rows = new ArrayList<>();
        for (int year = 1992; year <= 1996; year++) {
            for (int month = 1; month <= 12; month++) {
                LocalDate d = LocalDate.of(year, month, 1);
                rows.add(new Object[] {year * 10000 + month * 100 + 1, (int) d.toEpochDay(), year, MONTHS[month - 1]});
            }
        }
        return rows;
    }

    /** LINEORDER rows: LO_ORDERKEY, LO_ORDERDATE, LO_CUSTKEY, LO_SHIPMODE, LO_QUANTITY, LO_REVENUE, LO_DISCOUNT. */
    public static List<Object[]> lineorder() {
        List<Object[]> dates = dates();
        List<Object[]> rows = new ArrayList<>();
        long seed = 42;
        for (int i = 0; i < FACT_ROWS; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            int r = (int) (seed >>> 33);
            Object[] date = dates.get(r % dates.size());
            rows.add(new Object[] {(long) i + 1, date[0], r % 97, SHIP_MODES[(r >>> 7) % SHIP_MODES.length],
                1 + (r >>> 3) % 50, BigDecimal.valueOf((r >>> 5) % 1_000_000, 2), ((r >>> 11) % 11) / 100.0});
        }
        return rows;
    }

    @Override
    protected Map<String, Table> getTableMap() {
        return Map.of(
                "DATES", new Rows(List.of("D_DATEKEY", "D_DATE", "D_YEAR", "D_MONTHNAME"),
                        List.of(f -> f.createSqlType(SqlTypeName.INTEGER), f -> f.createSqlType(SqlTypeName.DATE),
                                f -> f.createSqlType(SqlTypeName.INTEGER),
                                f -> f.createSqlType(SqlTypeName.VARCHAR, 9)),
                        dates()),
                "LINEORDER", new Rows(List.of("LO_ORDERKEY", "LO_ORDERDATE", "LO_CUSTKEY", "LO_SHIPMODE",
                        "LO_QUANTITY", "LO_REVENUE", "LO_DISCOUNT"),
                        List.of(f -> f.createSqlType(SqlTypeName.BIGINT), f -> f.createSqlType(SqlTypeName.INTEGER),
                                f -> f.createSqlType(SqlTypeName.INTEGER),
                                f -> f.createSqlType(SqlTypeName.VARCHAR, 10),
                                f -> f.createSqlType(SqlTypeName.INTEGER),
                                f -> f.createSqlType(SqlTypeName.DECIMAL, 18, 2),
                                f -> f.createSqlType(SqlTypeName.DOUBLE)),
                        lineorder()),
                "NUMBERS", new Numbers());
    }

    /** Loads the same tables into a DuckDB connection. */
    static void loadInto(Connection duck) throws SQLException {
        try (Statement s = duck.createStatement()) {
            s.execute("CREATE TABLE DATES (D_DATEKEY INTEGER, D_DATE DATE, D_YEAR INTEGER, D_MONTHNAME VARCHAR)");
            s.execute("CREATE TABLE LINEORDER (LO_ORDERKEY BIGINT, LO_ORDERDATE INTEGER, LO_CUSTKEY INTEGER, "
                    + "LO_SHIPMODE VARCHAR, LO_QUANTITY INTEGER, LO_REVENUE DECIMAL(18,2), LO_DISCOUNT DOUBLE)");
            s.execute("CREATE TABLE NUMBERS AS SELECT range AS N FROM range(" + NUMBER_ROWS + ")");
        }
        try (PreparedStatement p = duck.prepareStatement("INSERT INTO DATES VALUES (?, ?, ?, ?)")) {
            for (Object[] r : dates()) {
                p.setInt(1, (Integer) r[0]);
                p.setObject(2, LocalDate.ofEpochDay((Integer) r[1]));
                p.setInt(3, (Integer) r[2]);
                p.setString(4, (String) r[3]);
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = duck.prepareStatement("INSERT INTO LINEORDER VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Object[] r : lineorder()) {
                for (int i = 0; i < r.length; i++) {
                    p.setObject(i + 1, r[i]);
                }
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    /** A table of fixed rows. */
    private static final class Rows extends AbstractTable implements ScannableTable {
        private final List<String> names;
        private final List<java.util.function.Function<RelDataTypeFactory, RelDataType>> types;
        private final List<Object[]> rows;

        Rows(List<String> names, List<java.util.function.Function<RelDataTypeFactory, RelDataType>> types,
                List<Object[]> rows) {
            this.names = names;
            this.types = types;
            this.rows = rows;
        }

        @Override
        public RelDataType getRowType(RelDataTypeFactory f) {
            RelDataTypeFactory.Builder b = f.builder();
            for (int i = 0; i < names.size(); i++) {
                b.add(names.get(i), f.createTypeWithNullability(types.get(i).apply(f), i != 0));
            }
            return b.build();
        }

        @Override
        public Enumerable<Object[]> scan(DataContext root) {
            return Linq4j.asEnumerable(rows);
        }
    }

    /** NUMBERS(N BIGINT NOT NULL): 0 .. NUMBER_ROWS-1, generated while scanned. */
    private static final class Numbers extends AbstractTable implements ScannableTable {
        @Override
        public RelDataType getRowType(RelDataTypeFactory f) {
            return f.builder().add("N", SqlTypeName.BIGINT).build();
        }

        @Override
        public Enumerable<Object[]> scan(DataContext root) {
            return Linq4j.asEnumerable(() -> new java.util.Iterator<Object[]>() {
                private long next;

                @Override
                public boolean hasNext() {
                    return next < NUMBER_ROWS;
                }

                @Override
                public Object[] next() {
                    return new Object[] {next++};
                }
            });
        }
    }
}
