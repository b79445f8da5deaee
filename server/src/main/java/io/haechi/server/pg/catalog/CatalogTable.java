package io.haechi.server.pg.catalog;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * One pg_catalog or information_schema relation: its columns (declared as {@code "name type, ..."} with the types
 * {@code int}, {@code smallint}, {@code bigint}, {@code real}, {@code bool}, {@code text} and arrays {@code int2[]},
 * {@code int4[]}, {@code text[]}) and its rows, computed from the session's {@link CatalogData} when scanned.
 */
final class CatalogTable extends AbstractTable implements ScannableTable {
    private final String name;
    private final List<String[]> columns;
    private final Function<CatalogData, List<Object[]>> rows;

    CatalogTable(String name, String columns, Function<CatalogData, List<Object[]>> rows) {
        this.name = name;
        this.columns = new ArrayList<>();
        for (String c : columns.split(",")) {
            String[] parts = c.strip().split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException(name + ": bad column spec '" + c + "'");
            }
            this.columns.add(parts);
        }
        this.rows = rows;
    }

    /** An empty relation: the objects it lists (keys, indexes, triggers, policies, ...) do not exist in Haechi. */
    static CatalogTable empty(String name, String columns) {
        return new CatalogTable(name, columns, d -> List.of());
    }

    String name() {
        return name;
    }

    List<String> booleanColumns() {
        return columns.stream().filter(c -> c[1].equals("bool")).map(c -> c[0]).toList();
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
        RelDataTypeFactory.Builder b = f.builder();
        for (String[] c : columns) {
            b.add(c[0], f.createTypeWithNullability(type(f, c[1]), true));
        }
        return b.build();
    }

    private RelDataType type(RelDataTypeFactory f, String spec) {
        switch (spec.toLowerCase(Locale.ROOT)) {
            case "int": return f.createSqlType(SqlTypeName.INTEGER);
            case "smallint": return f.createSqlType(SqlTypeName.SMALLINT);
            case "bigint": return f.createSqlType(SqlTypeName.BIGINT);
            case "real": return f.createSqlType(SqlTypeName.REAL);
            case "bool": return f.createSqlType(SqlTypeName.BOOLEAN);
            case "text": return f.createSqlType(SqlTypeName.VARCHAR);
            case "timestamp": return f.createSqlType(SqlTypeName.TIMESTAMP);
            case "int2[]": return f.createArrayType(nullable(f, SqlTypeName.SMALLINT), -1);
            case "int4[]": return f.createArrayType(nullable(f, SqlTypeName.INTEGER), -1);
            case "text[]": return f.createArrayType(nullable(f, SqlTypeName.VARCHAR), -1);
            default: throw new IllegalArgumentException(name + ": unknown column type " + spec);
        }
    }

    private static RelDataType nullable(RelDataTypeFactory f, SqlTypeName t) {
        return f.createTypeWithNullability(f.createSqlType(t), true);
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
        SessionView session = SessionView.current();
        if (session.cancelled().get()) {
            throw new HaechiException(ErrorCode.QUERY_CANCELLED, "canceling statement due to user request");
        }
        List<Object[]> out = rows.apply(session.data().get());
        for (Object[] row : out) {
            if (row.length != columns.size()) {
                throw new IllegalStateException(name + " row has " + row.length + " values for " + columns.size()
                        + " columns");
            }
        }
        return Linq4j.asEnumerable(out);
    }
}
