package io.haechi.server.pg;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.List;

/** Result rows on their way to DataRow messages: a JDBC result set, or rows the session made (SHOW, EXPLAIN). */
interface PgRows extends AutoCloseable {
    List<PgColumn> columns();

    /** Moves to the next row; false at the end. */
    boolean next() throws SQLException;

    /** The current row's values in the formats asked for (0 text, 1 binary per column). */
    byte[][] row(short[] formats) throws SQLException;

    @Override
    void close();

    /** Per-column formats from Bind's result-format codes: none (all text), one (for all), or one per column. */
    static short[] formats(short[] requested, List<PgColumn> columns) {
        short[] out = new short[columns.size()];
        if (requested.length == 1) {
            java.util.Arrays.fill(out, requested[0]);
        } else if (requested.length == columns.size()) {
            System.arraycopy(requested, 0, out, 0, out.length);
        } else if (requested.length != 0) {
            throw new PgError(PgError.PROTOCOL_VIOLATION, "bind message has " + requested.length
                    + " result formats but query has " + columns.size() + " columns");
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] != 0 && out[i] != 1) {
                throw new PgError(PgError.PROTOCOL_VIOLATION, "unsupported format code: " + out[i]);
            }
            if (out[i] == 1 && !PgValues.hasBinary(columns.get(i).type())) {
                throw new PgError(PgError.FEATURE_NOT_SUPPORTED, "no binary output for type "
                        + columns.get(i).type().typname + " (column " + columns.get(i).name() + "); ask for text");
            }
        }
        return out;
    }

    /** A JDBC result set (and the statement that owns it, closed with it). */
    final class Jdbc implements PgRows {
        private final Statement statement;
        private final ResultSet rs;
        private final List<PgColumn> columns;

        Jdbc(Statement statement, ResultSet rs, boolean closeStatement, List<String> names) throws SQLException {
            this.statement = closeStatement ? statement : null;
            this.rs = rs;
            this.columns = PgColumn.of(rs.getMetaData(), names);
        }

        @Override
        public List<PgColumn> columns() {
            return columns;
        }

        @Override
        public boolean next() throws SQLException {
            return rs.next();
        }

        @Override
        public byte[][] row(short[] formats) throws SQLException {
            byte[][] out = new byte[columns.size()][];
            for (int i = 0; i < out.length; i++) {
                PgColumn c = columns.get(i);
                out[i] = formats[i] == 1 ? PgValues.binary(rs, i + 1, c.jdbcType(), c.type())
                        : PgValues.text(rs, i + 1, c.jdbcType(), c.type());
            }
            return out;
        }

        @Override
        public void close() {
            try {
                rs.close();
                if (statement != null) {
                    statement.close();
                }
            } catch (SQLException e) {
                throw new HaechiException(ErrorCode.INTERNAL_ERROR, "cannot close a result: " + e.getMessage(), e);
            }
        }
    }

    /** Text rows made by the session. */
    final class Listed implements PgRows {
        private final List<PgColumn> columns;
        private final Iterator<String[]> rows;
        private String[] current;

        Listed(List<PgColumn> columns, List<String[]> rows) {
            this.columns = columns;
            this.rows = rows.iterator();
        }

        @Override
        public List<PgColumn> columns() {
            return columns;
        }

        @Override
        public boolean next() {
            current = rows.hasNext() ? rows.next() : null;
            return current != null;
        }

        @Override
        public byte[][] row(short[] formats) {
            byte[][] out = new byte[current.length][];
            for (int i = 0; i < out.length; i++) {
                out[i] = current[i] == null ? null : current[i].getBytes(StandardCharsets.UTF_8);
            }
            return out;
        }

        @Override
        public void close() {
        }
    }
}
