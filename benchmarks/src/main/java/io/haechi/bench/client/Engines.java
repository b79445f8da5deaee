package io.haechi.bench.client;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The two engines as the client side sees them: Haechi through the thin driver (a URL, nothing else on the
 * classpath), DuckDB embedded on the database file the prepare step loaded from the same generated rows, read-only,
 * with its threads pinned. System properties (set by {@code run.sh} and passed on to the JMH forks):
 * {@code bench.haechi.url} (e.g. {@code jdbc:haechi://127.0.0.1:8774/}), {@code bench.duckdb.threads} (2).
 */
public final class Engines {
    public static final String HAECHI_URL = "bench.haechi.url";
    public static final String DUCKDB_THREADS = "bench.duckdb.threads";

    private Engines() {
    }

    /** A connection to {@code project} on the running Haechi server. */
    public static Connection haechi(String project) throws SQLException {
        String base = System.getProperty(HAECHI_URL);
        if (base == null) {
            throw new IllegalStateException("system property " + HAECHI_URL + " is not set (run.sh sets it)");
        }
        return DriverManager.getConnection(base + project);
    }

    /** A read-only DuckDB connection on {@code file}, {@code threads} pinned (system property, default 2). */
    public static Connection duckdb(String file) throws SQLException {
        Properties p = new Properties();
        p.setProperty("duckdb.read_only", "true");
        Connection c = DriverManager.getConnection("jdbc:duckdb:" + file, p);
        try (Statement st = c.createStatement()) {
            st.execute("SET threads = " + Integer.getInteger(DUCKDB_THREADS, 2));
        }
        return c;
    }

    /** Binds {@code literals} to the statement's parameters ({@link LocalDate} as a SQL DATE). */
    public static void bind(PreparedStatement ps, List<Object> literals) throws SQLException {
        for (int i = 0; i < literals.size(); i++) {
            Object v = literals.get(i);
            if (v instanceof LocalDate d) {
                ps.setDate(i + 1, java.sql.Date.valueOf(d));
            } else if (v instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (v instanceof Long n) {
                ps.setLong(i + 1, n);
            } else {
                ps.setString(i + 1, (String) v);
            }
        }
    }

    /** Reads every cell of every row (as a client must) and returns a value depending on all of them. */
    public static long consume(ResultSet rs) throws SQLException {
        int columns = rs.getMetaData().getColumnCount();
        long h = 1;
        while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
                Object v = rs.getObject(i);
                h = 31 * h + (v == null ? 0 : v.hashCode());
            }
        }
        return h;
    }

    /** The rows rendered for comparison: numbers to 9 significant digits, dates as yyyy-MM-dd. */
    public static List<String> rows(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<String> out = new ArrayList<>();
        while (rs.next()) {
            StringBuilder b = new StringBuilder();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                b.append(i > 1 ? " | " : "").append(render(rs.getObject(i)));
            }
            out.add(b.toString());
        }
        return out;
    }

    static String render(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return v.toString();
        }
        if (v instanceof Number n) {
            BigDecimal d = (v instanceof BigDecimal b ? b : new BigDecimal(n.toString())).stripTrailingZeros();
            return d.scale() <= 0 ? d.toPlainString() : d.round(new MathContext(9)).stripTrailingZeros()
                    .toPlainString();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        return v.toString().stripTrailing();
    }
}
