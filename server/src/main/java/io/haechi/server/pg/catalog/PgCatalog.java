package io.haechi.server.pg.catalog;

import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.Multimap;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.Driver;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.schema.impl.TableFunctionImpl;

/**
 * The PostgreSQL system catalog of a session: a Calcite connection whose root holds {@code pg_catalog} (the default
 * schema, so unqualified names resolve there as in PostgreSQL's search path) and {@code information_schema}, with
 * the relations of {@link PgCatalogTables} and the functions of {@link PgFunctions}. It holds no data of its own:
 * every scan reads the {@link SessionView} of the query's thread. It has no schema that reaches files, classes or
 * the engine's own metadata.
 */
public final class PgCatalog {
    private static final Map<String, CatalogTable> PG_CATALOG = PgCatalogTables.pgCatalog();
    private static final Map<String, CatalogTable> INFORMATION_SCHEMA = PgCatalogTables.informationSchema();
    private static final Multimap<String, Function> FUNCTIONS = functions(false);
    private static final Multimap<String, Function> INFORMATION_FUNCTIONS = functions(true);

    private PgCatalog() {
    }

    /** Sets the Haechi version that {@code version()} reports. */
    public static void haechiVersion(String version) {
        PgFunctions.haechiVersion(version);
    }

    /** A new catalog connection (cheap; one per session). */
    public static Connection open() throws SQLException {
        Properties p = new Properties();
        p.setProperty("quoting", "DOUBLE_QUOTE");
        p.setProperty("unquotedCasing", "TO_LOWER");
        p.setProperty("quotedCasing", "UNCHANGED");
        p.setProperty("caseSensitive", "true");
        p.setProperty("conformance", "LENIENT");
        p.setProperty("fun", "standard,postgresql,hive");
        p.setProperty("timeZone", "UTC");
        // As the engine's: CASE over strings of different lengths is VARCHAR, not blank-padded CHAR.
        p.setProperty("typeSystem", "io.haechi.query.schema.HaechiTypeSystem#INSTANCE");
        Connection c = new Driver().connect("jdbc:calcite:", p);
        CalciteConnection calcite = c.unwrap(CalciteConnection.class);
        SchemaPlus root = calcite.getRootSchema();
        root.add("pg_catalog", new Schema(PG_CATALOG, FUNCTIONS));
        root.add("information_schema", new Schema(INFORMATION_SCHEMA, INFORMATION_FUNCTIONS));
        calcite.setSchema("pg_catalog");
        return c;
    }

    /** Whether {@code name} is a pg_catalog relation (an unqualified reference to it means the catalog's). */
    public static boolean isCatalogRelation(String name) {
        return PG_CATALOG.containsKey(name);
    }

    /** Whether {@code name} is a boolean column of a catalog relation ({@code indisprimary}, ...). */
    public static boolean isBooleanColumn(String name) {
        return BOOLEAN_COLUMNS.contains(name);
    }

    private static final java.util.Set<String> BOOLEAN_COLUMNS = PG_CATALOG.values().stream()
            .flatMap(t -> t.booleanColumns().stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** Whether {@code name} is a function only the catalog has. */
    public static boolean isCatalogFunction(String name) {
        return FUNCTIONS.containsKey(name) || INFORMATION_FUNCTIONS.containsKey(name);
    }

    private static Multimap<String, Function> functions(boolean informationSchema) {
        ImmutableMultimap.Builder<String, Function> b = ImmutableMultimap.builder();
        for (Method m : PgFunctions.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers()) || !Modifier.isStatic(m.getModifiers())
                    || m.getName().equals("haechiVersion")) {
                continue;
            }
            boolean information = m.getName().startsWith("_pg_");
            if (information != informationSchema) {
                continue;
            }
            Function f;
            if (ScannableTable.class.isAssignableFrom(m.getReturnType())) {
                f = TableFunctionImpl.create(m);
            } else if (java.util.List.class.isAssignableFrom(m.getReturnType())) {
                f = new TextArrayFunction((ScalarFunctionImpl) ScalarFunctionImpl.create(m));
            } else {
                f = ScalarFunctionImpl.create(m);
            }
            b.put(m.getName(), f);
        }
        return b.build();
    }

    /** A function returning a {@code List<String>}, typed as a varchar array (reflection would say OTHER). */
    private record TextArrayFunction(ScalarFunctionImpl delegate)
            implements org.apache.calcite.schema.ScalarFunction, org.apache.calcite.schema.ImplementableFunction {
        @Override
        public org.apache.calcite.rel.type.RelDataType getReturnType(
                org.apache.calcite.rel.type.RelDataTypeFactory f) {
            return f.createArrayType(f.createTypeWithNullability(
                    f.createSqlType(org.apache.calcite.sql.type.SqlTypeName.VARCHAR), true), -1);
        }

        @Override
        public java.util.List<org.apache.calcite.schema.FunctionParameter> getParameters() {
            return delegate.getParameters();
        }

        @Override
        public org.apache.calcite.adapter.enumerable.CallImplementor getImplementor() {
            return delegate.getImplementor();
        }
    }

    private static final class Schema extends AbstractSchema {
        private final Map<String, CatalogTable> tables;
        private final Multimap<String, Function> functions;

        Schema(Map<String, CatalogTable> tables, Multimap<String, Function> functions) {
            this.tables = tables;
            this.functions = functions;
        }

        @Override
        protected Map<String, Table> getTableMap() {
            return Map.copyOf(tables);
        }

        @Override
        protected Multimap<String, Function> getFunctionMultimap() {
            return functions;
        }
    }
}
