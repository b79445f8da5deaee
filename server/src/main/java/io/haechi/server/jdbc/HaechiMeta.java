package io.haechi.server.jdbc;

import static java.util.Objects.requireNonNull;

import io.haechi.server.sql.ProjectConnections;
import io.haechi.server.sql.SqlLimits;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.jdbc.JdbcMeta;

/**
 * Avatica's {@link JdbcMeta} over the engine's {@link ProjectConnections}: connections are opened for the project a
 * client names (never through {@code DriverManager} with a client-controlled URL), client properties pass the
 * {@link ClientProperties} whitelist, statements pass {@link SqlLimits} before they are parsed, and
 * {@link DatabaseMetaData} answers as BI tools expect: one catalog {@value #CATALOG}, the project schemas without
 * Calcite's {@code metadata} schema, plain type names with real sizes, no primary keys, and empty (not missing)
 * answers for keys, indexes and functions.
 */
public class HaechiMeta extends JdbcMeta {
    /** The one catalog: every table's TABLE_CAT. */
    public static final String CATALOG = "haechi";
    /** Calcite's built-in schema of its own metadata tables, hidden from clients. */
    static final String CALCITE_METADATA_SCHEMA = "metadata";

    private final ProjectConnections projects;
    private final SqlLimits limits;
    private final String version;

    public HaechiMeta(ProjectConnections projects, SqlLimits limits, String version) throws SQLException {
        super("jdbc:haechi:server", new Properties());
        this.projects = requireNonNull(projects, "projects is null");
        this.limits = requireNonNull(limits, "limits is null");
        this.version = requireNonNull(version, "version is null");
    }

    // ---- connections

    @Override
    public void openConnection(ConnectionHandle ch, Map<String, String> info) {
        ClientProperties.Accepted accepted = ClientProperties.check(info, projects.projects());
        Map<String, String> forEngine = new HashMap<>();
        accepted.properties().stringPropertyNames().forEach(k -> forEngine.put(k, accepted.properties().getProperty(k)));
        forEngine.put("project", accepted.project());
        super.openConnection(ch, forEngine);
    }

    /** Called by {@link JdbcMeta#openConnection} with the whitelisted properties (and the project) only. */
    @Override
    protected Connection createConnection(String url, Properties info) throws SQLException {
        Properties properties = new Properties();
        properties.putAll(info);
        String project = (String) properties.remove("project");
        return projects.open(project, properties);
    }

    @Override
    public ConnectionProperties connectionSync(ConnectionHandle ch, ConnectionProperties connProps) {
        ConnectionProperties props = super.connectionSync(ch, connProps);
        if (props.getCatalog() == null) {
            props.setCatalog(CATALOG);
        }
        return props;
    }

    /** As {@link JdbcMeta}'s, but the catalog is fixed: a client's catalog is not passed to the engine. */
    @Override
    protected void apply(Connection conn, ConnectionProperties connProps) throws SQLException {
        if (connProps.isAutoCommit() != null) {
            conn.setAutoCommit(connProps.isAutoCommit());
        }
        if (connProps.isReadOnly() != null) {
            conn.setReadOnly(connProps.isReadOnly());
        }
        if (connProps.getTransactionIsolation() != null) {
            conn.setTransactionIsolation(connProps.getTransactionIsolation());
        }
        if (connProps.getSchema() != null) {
            conn.setSchema(connProps.getSchema());
        }
    }

    @Override
    public Map<DatabaseProperty, Object> getDatabaseProperties(ConnectionHandle ch) {
        Map<DatabaseProperty, Object> map = new HashMap<>(super.getDatabaseProperties(ch));
        map.put(DatabaseProperty.GET_DATABASE_PRODUCT_NAME, "Haechi");
        map.put(DatabaseProperty.GET_DATABASE_PRODUCT_VERSION, version);
        int[] majorMinor = majorMinor(version);
        map.put(DatabaseProperty.GET_DATABASE_MAJOR_VERSION, majorMinor[0]);
        map.put(DatabaseProperty.GET_DATABASE_MINOR_VERSION, majorMinor[1]);
        return map;
    }

    // ---- statements: limits before the engine parses anything

    @Override
    public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
        limits.check(sql);
        return super.prepare(ch, sql, maxRowCount);
    }

    @Override
    public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount, int maxRowsInFirstFrame,
            PrepareCallback callback) throws NoSuchStatementException {
        limits.check(sql);
        return super.prepareAndExecute(h, sql, maxRowCount, maxRowsInFirstFrame, callback);
    }

    @Override
    public ExecuteBatchResult prepareAndExecuteBatch(StatementHandle h, List<String> sqlCommands)
            throws NoSuchStatementException {
        sqlCommands.forEach(limits::check);
        return super.prepareAndExecuteBatch(h, sqlCommands);
    }

    /** A client may re-run a statement through its saved state (Avatica's failover); the same limits apply. */
    @Override
    public boolean syncResults(StatementHandle sh, QueryState state, long offset) throws NoSuchStatementException {
        if (state.getType() == QueryState.StateType.SQL) {
            limits.check(state.getSql());
        }
        return super.syncResults(sh, state, offset);
    }

    // ---- DatabaseMetaData

    @Override
    public MetaResultSet getCatalogs(ConnectionHandle ch) {
        List<Object> rows = new ArrayList<>();
        rows.add(new Object[] {CATALOG});
        Signature signature = new Signature(List.of(MetaImpl.columnMetaData("TABLE_CAT", 0, String.class, false)),
                null, List.of(), null, CursorFactory.LIST, StatementType.SELECT);
        return MetaResultSet.create(ch.id, getStatementIdGenerator().getAndIncrement(), true, signature,
                new Frame(0, true, rows));
    }

    @Override
    public MetaResultSet getSchemas(ConnectionHandle ch, String catalog, Pat schemaPattern) {
        MetaResultSet all = super.getSchemas(ch, null, schemaPattern);
        int schema = column(all, "TABLE_SCHEM");
        int cat = column(all, "TABLE_CATALOG");
        return rewrite(all, catalog, row -> {
            if (CALCITE_METADATA_SCHEMA.equals(row[schema])) {
                return null;
            }
            row[cat] = CATALOG;
            return row;
        });
    }

    @Override
    public MetaResultSet getTables(ConnectionHandle ch, String catalog, Pat schemaPattern, Pat tableNamePattern,
            List<String> typeList) {
        MetaResultSet all = super.getTables(ch, null, schemaPattern, tableNamePattern, typeList);
        return rewrite(all, catalog, inProjectSchemas(all, row -> row));
    }

    @Override
    public MetaResultSet getColumns(ConnectionHandle ch, String catalog, Pat schemaPattern, Pat tableNamePattern,
            Pat columnNamePattern) {
        MetaResultSet all = super.getColumns(ch, null, schemaPattern, tableNamePattern, columnNamePattern);
        int dataType = column(all, "DATA_TYPE");
        int typeName = column(all, "TYPE_NAME");
        int size = column(all, "COLUMN_SIZE");
        int digits = column(all, "DECIMAL_DIGITS");
        return rewrite(all, catalog, inProjectSchemas(all, row -> {
            int type = ((Number) row[dataType]).intValue();
            Integer precision = row[size] == null ? null : ((Number) row[size]).intValue();
            Integer scale = row[digits] == null ? null : ((Number) row[digits]).intValue();
            row[typeName] = ColumnTypes.typeName(type, (String) row[typeName]);
            row[size] = ColumnTypes.columnSize(type, precision);
            row[digits] = ColumnTypes.decimalDigits(type, precision, scale);
            return row;
        }));
    }

    /** Cube tables have no enforced keys: always empty, with JDBC's columns. */
    @Override
    public MetaResultSet getPrimaryKeys(ConnectionHandle ch, String catalog, String schema, String table) {
        return rewrite(super.getPrimaryKeys(ch, null, schema, table), catalog, row -> null);
    }

    @Override
    public MetaResultSet getImportedKeys(ConnectionHandle ch, String catalog, String schema, String table) {
        return delegate(ch, md -> md.getImportedKeys(null, schema, table));
    }

    @Override
    public MetaResultSet getExportedKeys(ConnectionHandle ch, String catalog, String schema, String table) {
        return delegate(ch, md -> md.getExportedKeys(null, schema, table));
    }

    @Override
    public MetaResultSet getCrossReference(ConnectionHandle ch, String parentCatalog, String parentSchema,
            String parentTable, String foreignCatalog, String foreignSchema, String foreignTable) {
        return delegate(ch, md -> md.getCrossReference(null, parentSchema, parentTable, null, foreignSchema,
                foreignTable));
    }

    @Override
    public MetaResultSet getIndexInfo(ConnectionHandle ch, String catalog, String schema, String table, boolean unique,
            boolean approximate) {
        return delegate(ch, md -> md.getIndexInfo(null, schema, table, unique, approximate));
    }

    @Override
    public MetaResultSet getFunctions(ConnectionHandle ch, String catalog, Pat schemaPattern,
            Pat functionNamePattern) {
        return delegate(ch, md -> md.getFunctions(null, schemaPattern.s, functionNamePattern.s));
    }

    @Override
    public MetaResultSet getClientInfoProperties(ConnectionHandle ch) {
        return delegate(ch, DatabaseMetaData::getClientInfoProperties);
    }

    @Override
    public MetaResultSet getUDTs(ConnectionHandle ch, String catalog, Pat schemaPattern, Pat typeNamePattern,
            int[] types) {
        return delegate(ch, md -> md.getUDTs(null, schemaPattern.s, typeNamePattern.s, types));
    }

    @Override
    public MetaResultSet getSuperTables(ConnectionHandle ch, String catalog, Pat schemaPattern,
            Pat tableNamePattern) {
        return delegate(ch, md -> md.getSuperTables(null, schemaPattern.s, tableNamePattern.s));
    }

    @Override
    public MetaResultSet getSuperTypes(ConnectionHandle ch, String catalog, Pat schemaPattern, Pat typeNamePattern) {
        return delegate(ch, md -> md.getSuperTypes(null, schemaPattern.s, typeNamePattern.s));
    }

    @Override
    public MetaResultSet getPseudoColumns(ConnectionHandle ch, String catalog, Pat schemaPattern,
            Pat tableNamePattern, Pat columnNamePattern) {
        return delegate(ch, md -> md.getPseudoColumns(null, schemaPattern.s, tableNamePattern.s,
                columnNamePattern.s));
    }

    // ---- helpers

    /** A metadata call of the engine's own connection, returned whole in one frame. */
    private MetaResultSet delegate(ConnectionHandle ch, MetadataCall call) {
        try (ResultSet rs = call.apply(getConnection(ch.id).getMetaData())) {
            ResultSetMetaData md = rs.getMetaData();
            List<Object> rows = new ArrayList<>();
            while (rs.next()) {
                Object[] row = new Object[md.getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = value(rs, i + 1, md.getColumnType(i + 1));
                }
                rows.add(row);
            }
            return MetaResultSet.create(ch.id, getStatementIdGenerator().getAndIncrement(), true, signature(md),
                    new Frame(0, true, rows));
        } catch (SQLException e) {
            throw new RuntimeException(e);
        }
    }

    /** A metadata value in the Java type Avatica serialises for its column type. */
    private static Object value(ResultSet rs, int column, int type) throws SQLException {
        Object v;
        switch (type) {
            case Types.BIGINT -> v = rs.getLong(column);
            case Types.INTEGER -> v = rs.getInt(column);
            case Types.SMALLINT -> v = rs.getShort(column);
            case Types.TINYINT -> v = rs.getByte(column);
            case Types.BOOLEAN, Types.BIT -> v = rs.getBoolean(column);
            case Types.DOUBLE, Types.FLOAT -> v = rs.getDouble(column);
            case Types.REAL -> v = rs.getFloat(column);
            default -> v = rs.getObject(column);
        }
        return rs.wasNull() ? null : v;
    }

    private static UnaryOperator<Object[]> inProjectSchemas(MetaResultSet all, UnaryOperator<Object[]> then) {
        int schema = column(all, "TABLE_SCHEM");
        int cat = column(all, "TABLE_CAT");
        return row -> {
            if (CALCITE_METADATA_SCHEMA.equals(row[schema])) {
                return null;
            }
            row[cat] = CATALOG;
            return then.apply(row);
        };
    }

    /**
     * The rows of a complete metadata result set (JdbcMeta fetches them in one frame), rewritten or dropped (the
     * operator returns null); no rows at all when the client asked for another catalog than {@value #CATALOG}.
     */
    private static MetaResultSet rewrite(MetaResultSet all, String catalog, UnaryOperator<Object[]> operator) {
        boolean ours = catalog == null || catalog.equals(CATALOG);
        List<Object> rows = new ArrayList<>();
        if (ours && all.firstFrame != null) {
            if (!all.firstFrame.done) {
                throw new IllegalStateException("metadata result set not complete in its first frame");
            }
            for (Object row : all.firstFrame.rows) {
                Object[] out = operator.apply(((Object[]) row).clone());
                if (out != null) {
                    rows.add(out);
                }
            }
        }
        return MetaResultSet.create(all.connectionId, all.statementId, all.ownStatement, all.signature,
                new Frame(0, true, rows));
    }

    private static int column(MetaResultSet rs, String name) {
        List<ColumnMetaData> columns = rs.signature.columns;
        for (int i = 0; i < columns.size(); i++) {
            if (name.equalsIgnoreCase(columns.get(i).columnName) || name.equalsIgnoreCase(columns.get(i).label)) {
                return i;
            }
        }
        throw new IllegalStateException("metadata result set has no column " + name);
    }

    private static int[] majorMinor(String version) {
        String[] parts = version.replaceAll("-.*$", "").split("\\.");
        int[] out = new int[2];
        for (int i = 0; i < 2 && i < parts.length; i++) {
            try {
                out[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                out[i] = 0;
            }
        }
        return out;
    }

    /** One {@link DatabaseMetaData} call. */
    @FunctionalInterface
    private interface MetadataCall {
        ResultSet apply(DatabaseMetaData metaData) throws SQLException;
    }
}
