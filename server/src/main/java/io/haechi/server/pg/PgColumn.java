package io.haechi.server.pg;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A result column as RowDescription describes it.
 *
 * @param name the column label
 * @param type the PostgreSQL type it is sent as
 * @param typmod the type modifier (-1: none)
 * @param jdbcType the engine's JDBC type of the column
 */
record PgColumn(String name, PgType type, int typmod, int jdbcType) {
    PgColumn {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }

    static List<PgColumn> of(ResultSetMetaData md) throws SQLException {
        List<PgColumn> out = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            int jdbc = md.getColumnType(i);
            PgType type = PgType.ofJdbc(jdbc, md.getColumnTypeName(i));
            out.add(new PgColumn(md.getColumnLabel(i), type, PgType.typmod(type, md.getPrecision(i), md.getScale(i)),
                    jdbc));
        }
        return out;
    }
}
