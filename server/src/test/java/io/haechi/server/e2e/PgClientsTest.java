package io.haechi.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.builder.job.JobListener;
import io.haechi.builder.service.BuildService;
import io.haechi.datagen.OutputFormat;
import io.haechi.datagen.ProgressListener;
import io.haechi.datagen.ads.AdsGenerator;
import io.haechi.datagen.ads.AdsOptions;
import io.haechi.datagen.ssb.SsbGenerator;
import io.haechi.datagen.ssb.SsbOptions;
import io.haechi.server.pg.Clients;
import io.haechi.server.pg.PgServer;
import io.haechi.server.query.EngineConnections;
import io.haechi.server.runtime.HaechiContext;
import io.haechi.server.runtime.HaechiSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real PostgreSQL clients against Haechi's PostgreSQL-wire endpoint over one in-process HBase with SSB (scale
 * 0.01, per-query cube) and ad events (two days) built once: psql, isql through psqlODBC, pgjdbc and psycopg2, each
 * from its Debian or Maven package, unchanged. Every SSB and ad query of the script tests answers over the wire
 * exactly what the engine answers the JDBC endpoint (the script tests check those answers against DuckDB).
 */
class PgClientsTest {
    // Project names of their own: the JVM's one HBase keeps the other e2e tests' "ssb" and "ads" projects. Not
    // pg_...: PostgreSQL reserves that prefix for system schemas, and pgjdbc lists such tables as TEMPORARY TABLE.
    private static final String SSB = "wire_ssb";
    private static final String ADS = "wire_ads";
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");

    @TempDir
    static Path tmp;

    static HaechiContext ctx;
    static PgServer server;
    static Connection ssbJdbc;
    static Connection adsJdbc;

    @BeforeAll
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    static void build() throws Exception {
        SsbGenerator.generate(new SsbOptions(0.01, tmp.resolve("data/ssb"), OutputFormat.AVRO).withThreads(1),
                ProgressListener.NONE);
        LocalDate from = AdsOptions.DEFAULT_START;
        AdsGenerator.generate(new AdsOptions(0.02, 2, from, tmp.resolve("data/ads"), OutputFormat.AVRO)
                .withThreads(1), ProgressListener.NONE);
        ctx = E2e.context(tmp.resolve("haechi"), Map.of());
        E2e.apply(ctx.catalog(), SSB, tmp.resolve("data"), "ssb/tables.json", "ssb/model.json",
                "ssb/cube-per-query.json");
        E2e.apply(ctx.catalog(), ADS, tmp.resolve("data"), "ads/tables.json", "ads/model.json", "ads/cube.json");
        BuildService builds = ctx.builds(new JobListener() {
        });
        builds.run(builds.start(SSB, "ssb_per_query", LocalDate.of(1992, 1, 1), LocalDate.of(1999, 1, 1)),
                new JobListener() {
                });
        String adsCube = ctx.catalog().cubes(ADS).get(0).value().name();
        builds.run(builds.start(ADS, adsCube, from, from.plusDays(2)), new JobListener() {
        });
        ssbJdbc = ctx.engine().connect(SSB, new Properties());
        adsJdbc = ctx.engine().connect(ADS, new Properties());
        server = new PgServer(new EngineConnections(ctx.engine()), new HaechiSettings(Map.of(HaechiSettings.PG_PORT,
                "0")), "0.1.0-test").start();
    }

    @AfterAll
    static void close() throws Exception {
        E2e.closeAll(server, ssbJdbc, adsJdbc, ctx);
    }

    private static Connection pgjdbc(String database, String extra) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/" + database + extra,
                "analyst", "");
    }

    // ---- every script query: the wire answers what JDBC answers

    @TestFactory
    Stream<DynamicTest> ssbAndAdQueriesAnswerOverTheWireAsOverJdbc() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        AtomicInteger nonEmpty = new AtomicInteger();
        for (String[] script : new String[][] {{"/sql/ssb-paper.sql", SSB}, {"/sql/ssb-variations.sql", SSB},
            {"/sql/ssb-misses.sql", SSB}, {"/sql/ads.sql", ADS}}) {
            for (SqlScript.Case c : SqlScript.load(script[0]).cases()) {
                tests.add(DynamicTest.dynamicTest(c.name() + " (" + script[0] + ")", () -> {
                    Connection jdbc = script[1].equals(SSB) ? ssbJdbc : adsJdbc;
                    try (Connection wire = pgjdbc(script[1], "")) {
                        if (compare(c, jdbc, wire)) {
                            nonEmpty.incrementAndGet();
                        }
                    }
                }));
            }
        }
        tests.add(DynamicTest.dynamicTest("most answers have rows (a comparison of empty answers tests little)",
                () -> assertThat(nonEmpty.get()).isGreaterThan(tests.size() / 2)));
        return tests.stream();
    }

    /** Runs a case on both connections; returns whether the answer had rows. */
    private static boolean compare(SqlScript.Case c, Connection jdbc, Connection wire) throws Exception {
        if (c.expectsError()) {
            String expected = c.error().split(" ", 2)[0];
            String jdbcState = failure(jdbc, c.sql());
            String wireState = failure(wire, c.sql());
            assertThat(wireState).as("SQLSTATE over the wire of %s", c.name()).isEqualTo(jdbcState);
            if (!expected.equals("-")) {
                assertThat(wireState).isEqualTo(expected);
            }
            return false;
        }
        boolean rows = false;
        List<List<String>> runs = c.params().isEmpty() ? List.of(List.of()) : c.params();
        try (PreparedStatement j = jdbc.prepareStatement(c.sql()); PreparedStatement w = wire.prepareStatement(c.sql())) {
            for (List<String> params : runs) {
                bind(j, params);
                bind(w, params);
                List<String> expected;
                try (ResultSet rs = j.executeQuery()) {
                    expected = sorted(Rows.read(rs));
                }
                try (ResultSet rs = w.executeQuery()) {
                    assertThat(sorted(Rows.read(rs))).as("rows of %s with %s", c.name(), params).isEqualTo(expected);
                }
                rows |= !expected.isEmpty();
            }
        }
        return rows;
    }

    /** The SQLSTATE a failing statement gets; over JDBC the endpoint maps the engine's failure with SqlStates. */
    private static String failure(Connection c, String sql) {
        try (Statement st = c.createStatement()) {
            st.executeQuery(sql).close();
            throw new AssertionError("should fail: " + sql);
        } catch (SQLException e) {
            return c == ssbJdbc || c == adsJdbc ? io.haechi.server.sql.SqlStates.of(e).sqlState() : e.getSQLState();
        }
    }

    private static List<String> sorted(List<String> rows) {
        List<String> out = new ArrayList<>(rows);
        Collections.sort(out);
        return out;
    }

    private static void bind(PreparedStatement st, List<String> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            String v = params.get(i);
            if (DATE.matcher(v).matches()) {
                st.setDate(i + 1, java.sql.Date.valueOf(LocalDate.parse(v)));
            } else if (INTEGER.matcher(v).matches()) {
                st.setLong(i + 1, Long.parseLong(v));
            } else {
                st.setString(i + 1, v.startsWith("'") ? v.substring(1, v.length() - 1) : v);
            }
        }
    }

    private static List<String> jdbcRows(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return Rows.read(rs);
        }
    }

    private static final String Q21 = "select sum(lo_revenue), d_year, p_brand1 from lineorder, dates, part, supplier "
            + "where lo_orderdate = d_datekey and lo_partkey = p_partkey and lo_suppkey = s_suppkey "
            + "and p_category = 'MFGR#12' and s_region = 'AMERICA' group by d_year, p_brand1 order by d_year, p_brand1";

    // ---- psql

    @Test
    void psqlListsDescribesQueriesAndReportsASyntaxError() throws Exception {
        String revenue = jdbcRows(ssbJdbc, "select sum(lo_revenue) from lineorder, dates where lo_orderdate = "
                + "d_datekey and d_year = 1994").get(0);
        Clients.Run run = Clients.psql(server.port(), SSB, "analyst", "\\dt\n\\d lineorder\n"
                + "select sum(lo_revenue) as revenue from lineorder, dates where lo_orderdate = d_datekey "
                + "and d_year = 1994;\nselect d_year from dates where;\nselect count(*) as n from dates;\n\\q\n",
                Map.of());
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output())
                .contains(" wire_ssb | customer  | table | analyst", " wire_ssb | dates     | table | analyst",
                        " wire_ssb | lineorder | table | analyst", " wire_ssb | part      | table | analyst",
                        " wire_ssb | supplier  | table | analyst", "(5 rows)")
                .contains("Table \"wire_ssb.lineorder\"").contains(" lo_orderkey ").contains(" lo_revenue ")
                .contains(" " + revenue + "\n")
                .contains(" " + jdbcRows(ssbJdbc, "select count(*) from dates").get(0) + "\n");
        assertThat(run.output()).containsPattern("ERROR:  .*(syntax|Encountered).*");
        assertThat(run.output()).doesNotContain("metadata").doesNotContain("pg_class ");
    }

    // ---- isql with psqlODBC

    @Test
    void isqlListsTablesAndColumnsAndRunsAQuery() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("odbc"));
        Clients.Run run = Clients.isql(dir, server.port(), SSB, "analyst",
                "help\nhelp lineorder\n" + Q21 + "\n");
        assertThat(run.exit()).as(run.output()).isZero();
        String out = run.output();
        for (String table : List.of("customer", "dates", "lineorder", "part", "supplier")) {
            assertThat(out).contains("|" + table + "|");
        }
        assertThat(out).contains("|lineorder|lo_orderkey|").contains("|lineorder|lo_revenue|");
        List<String> expected = jdbcRows(ssbJdbc, Q21);
        assertThat(expected).isNotEmpty();
        List<String> rows = expected.stream().map(r -> r.replace(" | ", "|")).toList();
        assertThat(out.lines().filter(rows::contains).count()).as(out).isEqualTo(expected.size());
    }

    // ---- pgjdbc

    @Test
    void pgjdbcMetadataListsTheProjectTablesAndColumns() throws Exception {
        try (Connection c = pgjdbc(SSB, "")) {
            DatabaseMetaData md = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).containsExactly(SSB + ".customer", SSB + ".dates", SSB + ".lineorder", SSB + ".part",
                    SSB + ".supplier");
            List<String> wire = new ArrayList<>();
            try (ResultSet rs = md.getColumns(null, SSB, "lineorder", "%")) {
                while (rs.next()) {
                    wire.add(rs.getString("COLUMN_NAME") + ":" + rs.getInt("DATA_TYPE"));
                }
            }
            List<String> engine = new ArrayList<>();
            try (ResultSet rs = ssbJdbc.getMetaData().getColumns(null, SSB, "lineorder", "%")) {
                while (rs.next()) {
                    engine.add(rs.getString("COLUMN_NAME") + ":" + rs.getInt("DATA_TYPE"));
                }
            }
            assertThat(wire).isNotEmpty().isEqualTo(engine);
            // Cube tables have no enforced keys, over JDBC as over the wire.
            try (ResultSet rs = md.getPrimaryKeys(null, SSB, "dates")) {
                assertThat(rs.next()).isFalse();
                assertThat(rs.getMetaData().getColumnLabel(4)).isEqualToIgnoringCase("COLUMN_NAME");
            }
        }
    }

    @Test
    void pgjdbcPreparedStatementTenTimesAndAFetchSizeSmallerThanTheResult() throws Exception {
        long named = server.stats().namedStatements();
        long binary = server.stats().binaryResults();
        long suspended = server.stats().suspendedPortals();
        String sql = "select d_year, sum(lo_revenue) as revenue, count(*) as n from lineorder join dates "
                + "on lo_orderdate = d_datekey where d_year >= ? group by d_year";
        try (Connection c = pgjdbc(SSB, ""); PreparedStatement w = c.prepareStatement(sql);
                PreparedStatement j = ssbJdbc.prepareStatement(sql)) {
            for (int i = 0; i < 10; i++) {
                w.setInt(1, 1992 + i % 3);
                j.setInt(1, 1992 + i % 3);
                try (ResultSet a = w.executeQuery(); ResultSet b = j.executeQuery()) {
                    assertThat(sorted(Rows.read(a))).as("run %d", i).isNotEmpty().isEqualTo(sorted(Rows.read(b)));
                }
            }
            c.setAutoCommit(false);
            String rowsSql = "select d_yearmonthnum, sum(lo_revenue) from lineorder join dates on lo_orderdate "
                    + "= d_datekey group by d_yearmonthnum";
            try (Statement st = c.createStatement()) {
                st.setFetchSize(10);
                try (ResultSet rs = st.executeQuery(rowsSql)) {
                    List<String> expected = sorted(jdbcRows(ssbJdbc, rowsSql));
                    assertThat(expected).hasSizeGreaterThan(30);
                    assertThat(sorted(Rows.read(rs))).isEqualTo(expected);
                }
            }
            c.commit();
        }
        assertThat(server.stats().namedStatements()).as("pgjdbc switched to a named statement").isGreaterThan(named);
        assertThat(server.stats().binaryResults()).as("and to binary results").isGreaterThan(binary);
        assertThat(server.stats().suspendedPortals()).as("the fetch size suspended the portal").isGreaterThan(
                suspended + 2);
    }

    @Test
    void pgjdbcCancelsARunningQueryAndTheConnectionGoesOn() throws Exception {
        try (Connection c = pgjdbc(SSB, ""); Statement st = c.createStatement()) {
            st.setQueryTimeout(2);
            assertThatThrownBy(() -> st.executeQuery("select count(*) from generate_series(1, 2000000000)"))
                    .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState())
                    .isEqualTo("57014");
            assertThat(Rows.read(st.executeQuery("select count(*) from dates")))
                    .isEqualTo(jdbcRows(ssbJdbc, "select count(*) from dates"));
        }
    }

    @Test
    void noCuboidAnswersIsQh001OverTheWireAndTheConnectionGoesOn() throws Exception {
        try (Connection c = pgjdbc(SSB, ""); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeQuery("select lo_orderkey, sum(lo_revenue) from lineorder group by "
                    + "lo_orderkey")).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("QH001"))
                    .hasMessageContaining("lo_orderkey");
            assertThatThrownBy(() -> st.executeQuery("select * from nope")).isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42P01");
            assertThat(Rows.read(st.executeQuery("select count(*) from dates"))).hasSize(1);
        }
    }

    // ---- psycopg2

    @Test
    void psycopg2RunsAParameterisedQueryAndANamedCursor() throws Exception {
        String script = """
                import psycopg2
                c = psycopg2.connect(host='127.0.0.1', port=%d, dbname='wire_ssb', user='analyst')
                cur = c.cursor()
                cur.execute("select d_year, sum(lo_revenue) from lineorder, dates where lo_orderdate = d_datekey "
                            "and d_year between %%s and %%s group by d_year order by d_year", (1993, 1995))
                for row in cur.fetchall():
                    print('param', row[0], row[1])
                named = c.cursor(name='big')
                named.itersize = 7
                named.execute("select d_datekey from dates order by d_datekey")
                n = 0
                for row in named:
                    n += 1
                print('named', n)
                named.close()
                c.commit()
                c.close()
                """.formatted(server.port());
        Clients.Run run = Clients.python(script, Map.of());
        assertThat(run.exit()).as(run.output()).isZero();
        List<String> expected = new ArrayList<>();
        for (String row : jdbcRows(ssbJdbc, "select d_year, sum(lo_revenue) from lineorder, dates where "
                + "lo_orderdate = d_datekey and d_year between 1993 and 1995 group by d_year order by d_year")) {
            expected.add("param " + row.replace(" | ", " "));
        }
        assertThat(expected).hasSize(3);
        assertThat(run.output().lines().filter(l -> l.startsWith("param")).toList()).isEqualTo(expected);
        assertThat(run.output()).contains("named " + jdbcRows(ssbJdbc, "select count(*) from dates").get(0));
    }
}
