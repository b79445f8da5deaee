package io.haechi.server.pg.catalog;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.server.pg.PgType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The functions of {@code pg_catalog} and {@code information_schema} that the clients call, as Calcite user-defined
 * functions (each public static method is one; {@code PgCatalogSchema} registers them under their names). Functions
 * about objects Haechi does not have (constraints, triggers, statistics objects) answer NULL, as PostgreSQL does for
 * an OID that names nothing.
 */
public final class PgFunctions {
    /** {@code server_version} as reported: numeric first, so clients pick their PostgreSQL 15 catalog queries. */
    public static final String SERVER_VERSION = "15.0";

    private static volatile String haechiVersion = "unknown";

    private PgFunctions() {
    }

    static void haechiVersion(String version) {
        haechiVersion = version;
    }

    // ---- session

    public static String version() {
        return "PostgreSQL " + SERVER_VERSION + " (Haechi " + haechiVersion + ") on x86_64-pc-linux-gnu, "
                + "a MOLAP cube engine speaking the PostgreSQL protocol";
    }

    public static String current_database() {
        return SessionView.current().data().get().database();
    }

    public static String current_schema_name() {
        return SessionView.current().data().get().schema();
    }

    /** The search path as an array (its SQL type is declared by {@code PgCatalog}: varchar array). */
    public static List<String> current_schemas(Boolean implicit) {
        String schema = current_schema_name();
        return Boolean.TRUE.equals(implicit) ? List.of("pg_catalog", schema) : List.of(schema);
    }

    public static String current_user_name() {
        return SessionView.current().user();
    }

    public static Integer pg_backend_pid() {
        return SessionView.current().processId();
    }

    public static String current_setting(String name) {
        String v = SessionView.current().settings().get(name.toLowerCase(Locale.ROOT));
        if (v == null) {
            throw new HaechiException(ErrorCode.SQL_VALIDATION_ERROR, "unrecognized configuration parameter \""
                    + name + "\"");
        }
        return v;
    }

    public static String current_setting(String name, Boolean missingOk) {
        String v = SessionView.current().settings().get(name.toLowerCase(Locale.ROOT));
        if (v == null && !Boolean.TRUE.equals(missingOk)) {
            return current_setting(name);
        }
        return v;
    }

    public static Boolean pg_is_in_recovery() {
        return false;
    }

    // ---- visibility, privileges, names

    public static Boolean pg_table_is_visible(Integer oid) {
        if (oid == null) {
            return null;
        }
        CatalogData d = SessionView.current().data().get();
        return d.relations().stream().anyMatch(r -> r.oid() == oid) || PgCatalogTables.CATALOG_OIDS.containsValue(oid);
    }

    public static Boolean pg_type_is_visible(Integer oid) {
        return oid == null ? null : PgType.byOid(oid).isPresent();
    }

    public static Boolean pg_function_is_visible(Integer oid) {
        return oid == null ? null : Boolean.TRUE;
    }

    public static String pg_get_userbyid(Integer oid) {
        if (oid == null) {
            return null;
        }
        return oid == CatalogData.OWNER_OID ? SessionView.current().user() : "unknown (OID=" + oid + ")";
    }

    public static Boolean has_table_privilege(String table, String privilege) {
        return privilege.toUpperCase(Locale.ROOT).contains("SELECT");
    }

    public static Boolean has_table_privilege(String user, String table, String privilege) {
        return has_table_privilege(table, privilege);
    }

    public static Boolean has_schema_privilege(String schema, String privilege) {
        return privilege.toUpperCase(Locale.ROOT).contains("USAGE");
    }

    public static Boolean has_schema_privilege(String user, String schema, String privilege) {
        return has_schema_privilege(schema, privilege);
    }

    public static Boolean has_database_privilege(String database, String privilege) {
        String p = privilege.toUpperCase(Locale.ROOT);
        return p.contains("CONNECT") || p.contains("TEMP");
    }

    public static String pg_encoding_to_char(Integer encoding) {
        return encoding != null && encoding == 6 ? "UTF8" : "SQL_ASCII";
    }

    public static String format_type(Integer oid, Integer typmod) {
        return oid == null ? null : PgType.formatType(oid, typmod);
    }

    public static String quote_ident(String name) {
        if (name == null) {
            return null;
        }
        return name.matches("[a-z_][a-z0-9_$]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    // ---- definitions of objects Haechi does not have: NULL, as for an OID naming nothing

    public static String pg_get_expr(String expression, Integer relation) {
        return expression;
    }

    public static String pg_get_expr(String expression, Integer relation, Boolean pretty) {
        return expression;
    }

    public static String pg_get_constraintdef(Integer oid) {
        return null;
    }

    public static String pg_get_constraintdef(Integer oid, Boolean pretty) {
        return null;
    }

    public static String pg_get_triggerdef(Integer oid) {
        return null;
    }

    public static String pg_get_triggerdef(Integer oid, Boolean pretty) {
        return null;
    }

    public static String pg_get_indexdef(Integer oid) {
        return null;
    }

    public static String pg_get_indexdef(Integer oid, Integer column, Boolean pretty) {
        return null;
    }

    public static String pg_get_statisticsobjdef_columns(Integer oid) {
        return null;
    }

    public static String pg_get_function_result(Integer oid) {
        return null;
    }

    public static String pg_get_function_arguments(Integer oid) {
        return null;
    }

    public static String pg_get_viewdef(Integer oid) {
        return null;
    }

    public static String pg_get_viewdef(Integer oid, Boolean pretty) {
        return null;
    }

    public static Boolean pg_relation_is_publishable(Integer oid) {
        return false;
    }

    public static String obj_description(Integer oid) {
        return null;
    }

    public static String obj_description(Integer oid, String catalog) {
        return null;
    }

    public static String col_description(Integer oid, Integer column) {
        return null;
    }

    public static String shobj_description(Integer oid, String catalog) {
        return null;
    }

    public static Long pg_total_relation_size(Integer oid) {
        return 0L;
    }

    public static Long pg_relation_size(Integer oid) {
        return 0L;
    }

    public static String pg_size_pretty(Long bytes) {
        return bytes == null ? null : bytes + " bytes";
    }

    // ---- reg* casts: a name or an OID to the OID

    public static Integer regclass(String name) {
        if (name == null) {
            return null;
        }
        if (name.matches("\\d+")) {
            return Integer.valueOf(name);
        }
        Integer oid = PgCatalogTables.relationOid(SessionView.current().data().get(), name.toLowerCase(Locale.ROOT)
                .equals(name) ? name : name);
        if (oid == null) {
            throw new HaechiException(ErrorCode.UNKNOWN_TABLE, "relation \"" + name + "\" does not exist");
        }
        return oid;
    }

    public static Integer regclass(Integer oid) {
        return oid;
    }

    public static Integer regtype(String name) {
        if (name == null) {
            return null;
        }
        if (name.matches("\\d+")) {
            return Integer.valueOf(name);
        }
        String bare = name.startsWith("pg_catalog.") ? name.substring("pg_catalog.".length()) : name;
        return Arrays.stream(PgType.values()).filter(t -> t.typname.equals(bare) || PgType.formatType(t.oid, -1)
                .equals(bare)).findFirst().map(t -> t.oid).orElseThrow(() -> new HaechiException(
                ErrorCode.INVALID_TYPE, "type \"" + name + "\" does not exist"));
    }

    public static Integer regtype(Integer oid) {
        return oid;
    }

    /** regproc's text form is the function's name: {@code 'pg_catalog.array_in'::regproc} compares as {@code array_in}. */
    public static String regproc(String name) {
        if (name == null) {
            return null;
        }
        return name.startsWith("pg_catalog.") ? name.substring("pg_catalog.".length()) : name;
    }

    public static Integer regnamespace(String name) {
        if (name == null) {
            return null;
        }
        if (name.matches("\\d+")) {
            return Integer.valueOf(name);
        }
        CatalogData d = SessionView.current().data().get();
        if (name.equals("pg_catalog")) {
            return CatalogData.PG_CATALOG_OID;
        }
        if (name.equals("information_schema")) {
            return CatalogData.INFORMATION_SCHEMA_OID;
        }
        if (name.equals(d.schema())) {
            return CatalogData.SCHEMA_OID;
        }
        throw new HaechiException(ErrorCode.SQL_VALIDATION_ERROR, "schema \"" + name + "\" does not exist");
    }

    public static Integer regnamespace(Integer oid) {
        return oid;
    }

    public static Integer regrole(String name) {
        return CatalogData.OWNER_OID;
    }

    public static Integer regrole(Integer oid) {
        return oid;
    }

    // ---- arrays

    public static Integer array_upper(Object array, Integer dimension) {
        List<?> items = items(array);
        return items == null || items.isEmpty() || dimension == null || dimension != 1 ? null : items.size();
    }

    public static Integer array_lower(Object array, Integer dimension) {
        List<?> items = items(array);
        return items == null || items.isEmpty() || dimension == null || dimension != 1 ? null : 1;
    }

    public static Integer array_length(Object array, Integer dimension) {
        return array_upper(array, dimension);
    }

    /** {@code value = ANY (array)}: NULL when the array is NULL or holds only NULLs besides no match. */
    public static Boolean array_any_eq(Object array, Object value) {
        List<?> items = items(array);
        if (items == null || value == null) {
            return null;
        }
        boolean sawNull = false;
        for (Object o : items) {
            if (o == null) {
                sawNull = true;
            } else if (equal(o, value)) {
                return true;
            }
        }
        return sawNull ? null : Boolean.FALSE;
    }

    private static boolean equal(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new java.math.BigDecimal(x.toString()).compareTo(new java.math.BigDecimal(y.toString())) == 0;
        }
        return a.toString().strip().equals(b.toString().strip());
    }

    public static String array_to_string(Object array, String separator) {
        List<?> items = items(array);
        if (items == null || separator == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Object o : items) {
            if (o != null) {
                out.add(o.toString());
            }
        }
        return String.join(separator, out);
    }

    static List<?> items(Object array) {
        if (array == null) {
            return null;
        }
        if (array instanceof List<?> l) {
            return l;
        }
        if (array instanceof Object[] a) {
            return Arrays.asList(a);
        }
        if (array instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        throw new HaechiException(ErrorCode.SQL_VALIDATION_ERROR, "not an array: " + array);
    }

    // ---- set-returning functions (table functions)

    public static ScannableTable generate_series(Integer start, Integer stop) {
        return series(start, stop, 1, false);
    }

    public static ScannableTable generate_series(Integer start, Integer stop, Integer step) {
        return series(start, stop, step, false);
    }

    public static ScannableTable generate_series_with_ordinality(Integer start, Integer stop) {
        return series(start, stop, 1, true);
    }

    private static ScannableTable series(Integer start, Integer stop, Integer step, boolean ordinality) {
        if (step != null && step == 0) {
            throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "step size cannot equal zero");
        }
        return new Rows(ordinality ? "generate_series int, ordinality bigint" : "generate_series int") {
            @Override
            public Enumerable<Object[]> scan(DataContext root) {
                if (start == null || stop == null || step == null) {
                    return Linq4j.emptyEnumerable();
                }
                SessionView session = SessionView.current();
                return new AbstractEnumerable<>() {
                    @Override
                    public Enumerator<Object[]> enumerator() {
                        return new Enumerator<>() {
                            long next = start;
                            long count;
                            Object[] current;

                            @Override
                            public Object[] current() {
                                return current;
                            }

                            @Override
                            public boolean moveNext() {
                                if (step > 0 ? next > stop : next < stop) {
                                    return false;
                                }
                                if ((++count & 0xffff) == 0 && session.cancelled().get()) {
                                    throw new HaechiException(ErrorCode.QUERY_CANCELLED,
                                            "canceling statement due to user request");
                                }
                                current = ordinality ? new Object[] {(int) next, count} : new Object[] {(int) next};
                                next += step;
                                return true;
                            }

                            @Override
                            public void reset() {
                                next = start;
                                count = 0;
                            }

                            @Override
                            public void close() {
                            }
                        };
                    }
                };
            }
        };
    }

    public static ScannableTable pg_partition_ancestors(Integer relation) {
        return new Rows("relid int") {
            @Override
            public Enumerable<Object[]> scan(DataContext root) {
                return Linq4j.asEnumerable(relation == null ? List.of() : List.<Object[]>of(new Object[] {relation}));
            }
        };
    }

    public static ScannableTable pg_partition_ancestors_with_ordinality(Integer relation) {
        return new Rows("relid int, depth bigint") {
            @Override
            public Enumerable<Object[]> scan(DataContext root) {
                return Linq4j.asEnumerable(relation == null ? List.of()
                        : List.<Object[]>of(new Object[] {relation, 1L}));
            }
        };
    }

    /** information_schema._pg_expandarray: each element with its 1-based index. */
    public static ScannableTable _pg_expandarray(Object array) {
        return new Rows("x int, n int") {
            @Override
            public Enumerable<Object[]> scan(DataContext root) {
                List<?> items = items(array);
                List<Object[]> out = new ArrayList<>();
                if (items != null) {
                    for (int i = 0; i < items.size(); i++) {
                        Object v = items.get(i);
                        out.add(new Object[] {v == null ? null : ((Number) v).intValue(), i + 1});
                    }
                }
                return Linq4j.asEnumerable(out);
            }
        };
    }

    /** A table function's result: fixed columns, rows on scan. */
    abstract static class Rows extends AbstractTable implements ScannableTable {
        private final String columns;

        Rows(String columns) {
            this.columns = columns;
        }

        @Override
        public RelDataType getRowType(RelDataTypeFactory f) {
            RelDataTypeFactory.Builder b = f.builder();
            for (String c : columns.split(",")) {
                String[] p = c.strip().split(" ");
                SqlTypeName t = switch (p[1]) {
                    case "int" -> SqlTypeName.INTEGER;
                    case "bigint" -> SqlTypeName.BIGINT;
                    default -> SqlTypeName.VARCHAR;
                };
                b.add(p[0], f.createTypeWithNullability(f.createSqlType(t), true));
            }
            return b.build();
        }
    }
}
