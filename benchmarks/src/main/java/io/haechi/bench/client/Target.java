package io.haechi.bench.client;

import io.haechi.bench.queries.BenchQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * One engine answering one query shape: the connection, the prepared statement and the literal sets it cycles
 * through. A target name is {@code duckdb} or {@code haechi-<project>}; {@link #LITERAL_SETS} sets per shape, the
 * paper's first, from the fixed seed {@link #SEED}, so both engines answer the same questions in the same order.
 */
public final class Target implements AutoCloseable {
    public static final long SEED = 20_260_101L;
    public static final int LITERAL_SETS = 64;

    private final Connection connection;
    private final PreparedStatement statement;
    private final List<List<Object>> literals;
    private int next;

    private Target(Connection connection, BenchQuery query) throws SQLException {
        this.connection = connection;
        this.statement = connection.prepareStatement(query.sql());
        this.literals = query.literalSets(SEED, LITERAL_SETS);
    }

    /**
     * @param target {@code duckdb} or {@code haechi-<project>}
     * @param duckdbFile the DuckDB database of the same rows
     */
    public static Target open(String target, String duckdbFile, BenchQuery query) throws SQLException {
        Connection c = target.equals("duckdb") ? Engines.duckdb(duckdbFile)
                : Engines.haechi(target.substring(target.indexOf('-') + 1));
        try {
            return new Target(c, query);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** Runs the statement with the next literal set and reads the whole result. */
    public long runNext() throws SQLException {
        List<Object> set = literals.get(next);
        next = (next + 1) % literals.size();
        Engines.bind(statement, set);
        try (ResultSet rs = statement.executeQuery()) {
            return Engines.consume(rs);
        }
    }

    /** The rendered rows for literal set {@code i}. */
    public List<String> rows(int i) throws SQLException {
        Engines.bind(statement, literals.get(i));
        try (ResultSet rs = statement.executeQuery()) {
            return Engines.rows(rs);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            statement.close();
        } finally {
            connection.close();
        }
    }
}
