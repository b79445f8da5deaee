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

    private static final java.util.regex.Pattern GENERATED = java.util.regex.Pattern.compile("EXPR\\$(\\d+)");

    static List<PgColumn> of(ResultSetMetaData md) throws SQLException {
        return of(md, List.of());
    }

    /**
     * The columns of a result; a column the engine named {@code EXPR$k} takes PostgreSQL's name for select item k
     * from {@code names} ({@link SelectNames}).
     */
    static List<PgColumn> of(ResultSetMetaData md, List<String> names) throws SQLException {
        List<PgColumn> out = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            int jdbc = md.getColumnType(i);
            PgType type = PgType.ofJdbc(jdbc, md.getColumnTypeName(i));
            String label = md.getColumnLabel(i);
            java.util.regex.Matcher m = GENERATED.matcher(label);
            if (m.matches()) {
                int k = Integer.parseInt(m.group(1));
                label = k < names.size() && names.get(k) != null ? names.get(k) : "?column?";
            }
            // A numeric result carries no typmod: drivers would round to its scale, and the engine's values (as the
            // JDBC endpoint returns them) may have more digits than the declared type, e.g. for a division.
            int typmod = type == PgType.NUMERIC ? -1 : PgType.typmod(type, md.getPrecision(i), md.getScale(i));
            out.add(new PgColumn(label, type, typmod, jdbc));
        }
        return out;
    }
}
