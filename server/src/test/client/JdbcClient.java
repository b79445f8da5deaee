import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A JDBC client run by the server tests in its own JVM, whose classpath is only the shaded Haechi driver jar:
 * {@code java -cp haechi-jdbc-driver.jar JdbcClient.java MODE HOST PORT PROJECT}. It prints one line per
 * observation, {@code key<TAB>value}, which the tests assert on; MODE is {@code main} or {@code hostile}.
 */
public class JdbcClient {
    private static String base;
    private static String project;

    public static void main(String[] args) throws Exception {
        base = "jdbc:haechi://" + args[1] + ":" + args[2] + "/";
        project = args[3];
        if (args[0].equals("main")) {
            main();
        } else if (args[0].equals("auth")) {
            auth();
        } else if (args[0].equals("sql")) {
            sql(java.util.Arrays.copyOfRange(args, 4, args.length));
        } else {
            hostile(args[1], args[2]);
        }
        out("done", "ok");
    }

    /** Runs each statement: {@code row<TAB>n<TAB>v1 | v2 ...} per row, or {@code error<TAB>n<TAB>SQLSTATE<TAB>message}. */
    private static void sql(String[] statements) throws Exception {
        try (Connection c = DriverManager.getConnection(base + project)) {
            rows("schemas", c.getMetaData().getSchemas(), "TABLE_SCHEM");
            rows("tables", c.getMetaData().getTables(null, project, "%", null), "TABLE_NAME");
            for (int n = 0; n < statements.length; n++) {
                try (Statement st = c.createStatement()) {
                    st.setFetchSize(7);
                    try (ResultSet rs = st.executeQuery(statements[n])) {
                        ResultSetMetaData md = rs.getMetaData();
                        while (rs.next()) {
                            List<String> row = new ArrayList<>();
                            for (int i = 1; i <= md.getColumnCount(); i++) {
                                Object v = rs.getObject(i);
                                row.add(v == null ? "NULL" : v.toString());
                            }
                            out("row", n + "\t" + String.join(" | ", row));
                        }
                    }
                } catch (SQLException e) {
                    out("error", n + "\t" + e.getSQLState() + "\t" + e.getMessage());
                }
            }
        }
    }

    private static void main() throws Exception {
        try (Connection c = DriverManager.getConnection(base + project)) {
            out("driver.class", DriverManager.getDriver(base + project).getClass().getName());
            DatabaseMetaData md = c.getMetaData();
            out("product", md.getDatabaseProductName() + " " + md.getDatabaseProductVersion());
            out("driver", md.getDriverName() + " " + md.getDriverVersion());
            out("quote", md.getIdentifierQuoteString());
            out("connection.catalog", String.valueOf(c.getCatalog()));
            rows("catalogs", md.getCatalogs(), "TABLE_CAT");
            rows("schemas", md.getSchemas(), "TABLE_SCHEM", "TABLE_CATALOG");
            rows("tables", md.getTables(null, null, "%", null), "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME",
                    "TABLE_TYPE");
            rows("tables.haechi", md.getTables("haechi", project, "%", null), "TABLE_NAME");
            rows("tables.othercatalog", md.getTables("other", null, "%", null), "TABLE_NAME");
            rows("columns", md.getColumns(null, project, "%", null), "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE",
                    "TYPE_NAME", "COLUMN_SIZE", "DECIMAL_DIGITS", "NULLABLE");
            rows("typeinfo", md.getTypeInfo(), "TYPE_NAME", "DATA_TYPE");
            rows("primarykeys", md.getPrimaryKeys(null, project, "LINEORDER"), "COLUMN_NAME");
            rows("importedkeys", md.getImportedKeys(null, project, "LINEORDER"), "PKTABLE_NAME");
            rows("indexinfo", md.getIndexInfo(null, project, "LINEORDER", false, true), "INDEX_NAME");

            String sql = "SELECT d.D_YEAR, l.LO_SHIPMODE, COUNT(*) AS N, SUM(l.LO_REVENUE) AS REVENUE "
                    + "FROM LINEORDER l JOIN DATES d ON l.LO_ORDERDATE = d.D_DATEKEY "
                    + "WHERE d.D_YEAR = ? AND l.LO_QUANTITY < ? GROUP BY d.D_YEAR, l.LO_SHIPMODE "
                    + "ORDER BY d.D_YEAR, l.LO_SHIPMODE";
            try (PreparedStatement p = c.prepareStatement(sql)) {
                ResultSetMetaData rsmd = p.getMetaData();
                StringBuilder types = new StringBuilder();
                for (int i = 1; i <= rsmd.getColumnCount(); i++) {
                    types.append(i > 1 ? "," : "").append(rsmd.getColumnLabel(i)).append(':')
                            .append(rsmd.getColumnTypeName(i));
                }
                out("prepared.types", types.toString());
                for (int[] params : new int[][] {{1992, 25}, {1994, 40}, {1996, 10}}) {
                    p.setInt(1, params[0]);
                    p.setInt(2, params[1]);
                    try (ResultSet rs = p.executeQuery()) {
                        while (rs.next()) {
                            out("prepared." + params[0] + "." + params[1], rs.getInt(1) + "|" + rs.getString(2) + "|"
                                    + rs.getLong(3) + "|" + rs.getBigDecimal(4).toPlainString());
                        }
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT * FROM NOSUCH");
            } catch (SQLException e) {
                error("error.unknowntable", e);
            }
            try (Statement s = c.createStatement()) {
                s.setFetchSize(1000);
                long rows = 0;
                long sum = 0;
                try (ResultSet rs = s.executeQuery("SELECT N FROM NUMBERS")) {
                    while (rs.next()) {
                        rows++;
                        sum += rs.getLong(1);
                    }
                }
                out("large.rows", String.valueOf(rows));
                out("large.sum", String.valueOf(sum));
            }
        }
    }

    private static void auth() throws Exception {
        String[][] attempts = {{"none", null, null}, {"wrongpassword", "analyst", "nope"},
            {"norole", "guest", "guestpw"}, {"url", "analyst", "s3cret"}, {"properties", "analyst", "s3cret"}};
        for (String[] a : attempts) {
            String url = base + project;
            Properties p = new Properties();
            if (a[0].equals("properties")) {
                p.setProperty("user", a[1]);
                p.setProperty("password", a[2]);
            } else if (a[1] != null) {
                url += ";user=" + a[1] + ";password=" + a[2];
            }
            try (Connection c = DriverManager.getConnection(url, p); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM DATES")) {
                rs.next();
                out("auth." + a[0], "OK " + rs.getLong(1));
            } catch (SQLException e) {
                error("auth." + a[0], e);
            }
        }
    }

    private static void hostile(String host, String port) throws Exception {
        // Raw Avatica client from the same jar: it forwards any property to the server, as a hostile client would.
        String raw = "jdbc:avatica:remote:url=http://" + host + ":" + port + ";serialization=PROTOBUF";
        for (String key : new String[] {"model", "schemaFactory", "schema.x", "fun", "lex"}) {
            Properties p = new Properties();
            p.setProperty("project", project);
            p.setProperty(key, key.equals("model") ? "inline:{\"version\":\"1.0\",\"schemas\":[]}" : "x");
            try (Connection c = new org.apache.calcite.avatica.remote.Driver().connect(raw, p)) {
                out("hostile.raw." + key, "CONNECTED");
            } catch (SQLException | RuntimeException e) {
                rawError("hostile.raw." + key, e);
            }
        }
        Properties ok = new Properties();
        ok.setProperty("project", project);
        ok.setProperty("user", "analyst");
        try (Connection c = new org.apache.calcite.avatica.remote.Driver().connect(raw, ok);
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM DATES")) {
            rs.next();
            out("hostile.raw.allowed", String.valueOf(rs.getLong(1)));
        }
        try (Connection c = DriverManager.getConnection(base + project + ";model=x")) {
            out("hostile.driver.model", "CONNECTED");
        } catch (SQLException e) {
            error("hostile.driver.model", e);
        }
        try (Connection c = DriverManager.getConnection(base + "NOPE")) {
            out("hostile.unknownproject", "CONNECTED");
        } catch (SQLException e) {
            error("hostile.unknownproject", e);
        }
        try (Connection c = DriverManager.getConnection(base.substring(0, base.length() - 1))) {
            out("hostile.noproject", "CONNECTED");
        } catch (SQLException e) {
            error("hostile.noproject", e);
        }
        StringBuilder in = new StringBuilder("SELECT COUNT(*) FROM LINEORDER WHERE LO_CUSTKEY IN (");
        for (int i = 0; i < 10_000; i++) {
            in.append(i > 0 ? ", " : "").append(i);
        }
        in.append(")");
        String big = "SELECT COUNT(*) FROM LINEORDER WHERE LO_SHIPMODE = '" + "x".repeat(10 << 20) + "'";
        String[][] cases = {
            {"syntax", "SELECT FROM WHERE"},
            {"unknowntable", "SELECT * FROM NOSUCH"},
            {"unknowncolumn", "SELECT NOSUCH FROM LINEORDER"},
            {"unknownfunction", "SELECT NOSUCH(1) FROM LINEORDER"},
            {"divisionbyzero", "SELECT LO_QUANTITY / (LO_QUANTITY - LO_QUANTITY) FROM LINEORDER"},
            {"badcast", "SELECT CAST(LO_SHIPMODE AS INTEGER) FROM LINEORDER"},
            {"tenmegabytes", big},
            {"inlist", in.toString()},
        };
        for (String[] test : cases) {
            try (Connection c = DriverManager.getConnection(base + project); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery(test[1])) {
                    rs.next();
                    out("hostile." + test[0], "NO ERROR");
                } catch (SQLException e) {
                    error("hostile." + test[0], e);
                }
                try (PreparedStatement p = c.prepareStatement(test[1])) {
                    out("hostile.prepare." + test[0], "NO ERROR");
                } catch (SQLException e) {
                    error("hostile.prepare." + test[0], e);
                }
            }
            try (Connection c = DriverManager.getConnection(base + project); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM LINEORDER")) {
                rs.next();
                out("after." + test[0], String.valueOf(rs.getLong(1)));
            }
        }
    }

    private static void rows(String key, ResultSet rs, String... columns) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < columns.length; i++) {
                    b.append(i > 0 ? "|" : "").append(rs.getString(columns[i]));
                }
                lines.add(b.toString());
            }
        }
        out(key + ".count", String.valueOf(lines.size()));
        for (String line : lines) {
            out(key, line);
        }
    }

    private static void error(String key, SQLException e) {
        out(key, e.getSQLState() + "|" + e.getErrorCode() + "|" + e.getClass().getSimpleName() + "|" + e.getMessage());
    }

    private static void rawError(String key, Exception e) {
        Throwable t = e;
        while (t != null && !(t instanceof org.apache.calcite.avatica.AvaticaClientRuntimeException)) {
            t = t.getCause();
        }
        if (t instanceof org.apache.calcite.avatica.AvaticaClientRuntimeException r) {
            out(key, r.getSqlState() + "|" + r.getErrorCode() + "|" + r.getServerExceptions().get(0));
        } else {
            out(key, "UNEXPECTED|" + e);
        }
    }

    private static void out(String key, String value) {
        String v = value.replace('\n', ' ');
        System.out.println(key + "\t" + (v.length() > 2000 ? v.substring(0, 2000) + "..." : v));
    }
}
