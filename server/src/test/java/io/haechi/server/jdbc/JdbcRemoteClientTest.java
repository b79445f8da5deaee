package io.haechi.server.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.haechi.server.runtime.HaechiSettings;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A BI-style session from a separate JVM holding only the driver jar: metadata, prepared statements, errors, frames. */
class JdbcRemoteClientTest {
    private static JdbcServer server;
    private static DriverJarClient client;

    @BeforeAll
    static void start() throws Exception {
        server = new JdbcServer(new CalciteProjects(), new HaechiSettings(Map.of(HaechiSettings.JDBC_PORT, "0")))
                .start();
        client = DriverJarClient.run("main", "127.0.0.1", server.port(), CalciteProjects.PROJECT);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void listensOnLoopbackOnlyByDefault() {
        List<InetSocketAddress> bound = server.boundAddresses();
        assertThat(bound).isNotEmpty();
        for (InetSocketAddress address : bound) {
            assertThat(address.getAddress().isLoopbackAddress()).as(address.toString()).isTrue();
            assertThat(address.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
            assertThat(address.getPort()).isEqualTo(server.port());
        }
        assertThat(server.url("SSB")).isEqualTo("jdbc:haechi://127.0.0.1:" + server.port() + "/SSB");
    }

    @Test
    void theDriverIsHaechis() {
        assertThat(client.one("driver.class")).isEqualTo("io.haechi.jdbc.HaechiDriver");
        assertThat(client.one("product")).startsWith("Haechi ").doesNotContain("unknown");
        assertThat(client.one("driver")).startsWith("Haechi JDBC Driver ");
        assertThat(client.one("quote")).isEqualTo("\"");
    }

    @Test
    void catalogsAndSchemasHideCalcitesMetadataSchema() {
        assertThat(client.all("catalogs")).containsExactly("haechi");
        assertThat(client.all("schemas")).containsExactly("SSB|haechi");
        assertThat(client.one("connection.catalog")).isEqualTo("haechi");
    }

    @Test
    void tablesAreTablesOfTheProjectSchema() {
        assertThat(client.all("tables")).containsExactlyInAnyOrder("haechi|SSB|DATES|TABLE",
                "haechi|SSB|LINEORDER|TABLE", "haechi|SSB|NUMBERS|TABLE");
        assertThat(client.all("tables.haechi")).containsExactlyInAnyOrder("DATES", "LINEORDER", "NUMBERS");
        assertThat(client.one("tables.othercatalog.count")).isEqualTo("0");
    }

    @Test
    void columnsHavePlainTypeNamesAndRealSizes() {
        // TABLE|COLUMN|DATA_TYPE|TYPE_NAME|COLUMN_SIZE|DECIMAL_DIGITS|NULLABLE, sizes as JDBC defines them.
        assertThat(client.all("columns")).contains(
                "LINEORDER|LO_ORDERKEY|-5|BIGINT|19|0|0",
                "LINEORDER|LO_ORDERDATE|4|INTEGER|10|0|1",
                "LINEORDER|LO_SHIPMODE|12|VARCHAR|10|null|1",
                "LINEORDER|LO_REVENUE|3|DECIMAL|18|2|1",
                "LINEORDER|LO_DISCOUNT|8|DOUBLE|15|null|1",
                "DATES|D_DATE|91|DATE|10|null|1",
                "DATES|D_MONTHNAME|12|VARCHAR|9|null|1");
        assertThat(client.all("columns")).hasSize(7 + 4 + 1);
        for (String row : client.all("columns")) {
            String[] f = row.split("\\|");
            assertThat(f[3]).as(row).matches("[A-Z]+");
            assertThat(Integer.parseInt(f[4])).as(row).isPositive();
        }
    }

    @Test
    void typeInfoKeysAndIndexesAnswer() {
        assertThat(client.all("typeinfo")).contains("VARCHAR|12", "INTEGER|4", "BIGINT|-5", "DECIMAL|3", "DATE|91",
                "DOUBLE|8");
        assertThat(client.one("primarykeys.count")).isEqualTo("0");
        assertThat(client.one("importedkeys.count")).isEqualTo("0");
        assertThat(client.one("indexinfo.count")).isEqualTo("0");
    }

    @Test
    void preparedStatementWithParametersMatchesDuckDb() throws Exception {
        assertThat(client.one("prepared.types")).isEqualTo("D_YEAR:INTEGER,LO_SHIPMODE:VARCHAR,N:BIGINT,"
                + "REVENUE:DECIMAL");
        String sql = "SELECT d.D_YEAR, l.LO_SHIPMODE, COUNT(*) AS N, SUM(l.LO_REVENUE) AS REVENUE "
                + "FROM LINEORDER l JOIN DATES d ON l.LO_ORDERDATE = d.D_DATEKEY "
                + "WHERE d.D_YEAR = ? AND l.LO_QUANTITY < ? GROUP BY d.D_YEAR, l.LO_SHIPMODE "
                + "ORDER BY d.D_YEAR, l.LO_SHIPMODE";
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            TinyStar.loadInto(duck);
            for (int[] params : new int[][] {{1992, 25}, {1994, 40}, {1996, 10}}) {
                List<String> expected = new ArrayList<>();
                try (PreparedStatement p = duck.prepareStatement(sql)) {
                    p.setInt(1, params[0]);
                    p.setInt(2, params[1]);
                    try (ResultSet rs = p.executeQuery()) {
                        while (rs.next()) {
                            expected.add(rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getLong(3) + "|"
                                    + rs.getBigDecimal(4).setScale(2).toPlainString());
                        }
                    }
                }
                assertThat(expected).as("the oracle has rows for " + params[0]).isNotEmpty();
                assertThat(client.all("prepared." + params[0] + "." + params[1])).as("year " + params[0])
                        .containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void anErrorCarriesItsSqlStateAndAShortMessage() {
        String[] f = client.one("error.unknowntable").split("\\|", 4);
        assertThat(f[0]).isEqualTo("42P01");
        assertThat(f[2]).isEqualTo("SQLSyntaxErrorException");
        assertThat(f[3]).startsWith("Object 'NOSUCH' not found").doesNotContain("Remote driver error")
                .doesNotContain("Exception").hasSizeLessThan(120);
    }

    @Test
    void aLargeResultComesInManyFrames() {
        long n = TinyStar.NUMBER_ROWS;
        assertThat(client.one("large.rows")).isEqualTo(String.valueOf(n));
        assertThat(client.one("large.sum")).isEqualTo(String.valueOf(BigDecimal.valueOf(n * (n - 1) / 2)));
        // Fetch size 1000: the first frame comes with the execute, the remaining 99,000 rows in fetches.
        assertThat(server.requestCounts().getOrDefault("FetchRequest", 0L)).isGreaterThanOrEqualTo(99L);
    }
}
