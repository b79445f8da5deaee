package io.haechi.server.pg;

import static org.assertj.core.api.Assertions.assertThat;

import io.haechi.server.pg.catalog.PgCatalog;
import io.haechi.server.pg.catalog.SessionView;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every catalog query that psql 15, psqlODBC 13, pgjdbc 42.7 and sqlline sent on their own (captured on the wire,
 * resource pg/client-catalog-queries.sql) runs on the catalog, translated from PostgreSQL's dialect, and the ones
 * that list tables and columns list exactly the model's: an SSB-shaped project here, without the engine.
 */
class PgCatalogQueriesTest {
    private static final SessionView SESSION = CatalogQueries.session(CatalogQueries.ssb());
    private static final Map<String, List<String>> RESULTS = new LinkedHashMap<>();
    private static final List<String> FAILURES = new ArrayList<>();

    @BeforeAll
    static void runAll() throws Exception {
        try (Connection c = PgCatalog.open()) {
            for (CatalogQueries.Case k : CatalogQueries.load()) {
                for (String statement : SqlLexer.statements(k.sql())) {
                    PgCommand command = PgCommand.parse(statement);
                    if (command.kind() != PgCommand.Kind.QUERY) {
                        continue;
                    }
                    try {
                        PgDialect.Translation t = PgDialect.translate(statement, PgDialect.Target.CATALOG);
                        RESULTS.put(k.name(), SESSION.with(() -> run(c, t, statement)));
                    } catch (Exception | Error e) {
                        StringBuilder msg = new StringBuilder(k.name()).append(':');
                        for (Throwable r = e; r != null; r = r.getCause()) {
                            msg.append(" / ").append(String.valueOf(r.getMessage()).split("\n")[0]);
                        }
                        FAILURES.add(msg.toString());
                    }
                }
            }
        }
    }

    @AfterAll
    static void clear() {
        RESULTS.clear();
        FAILURES.clear();
    }

    private static List<String> run(Connection c, PgDialect.Translation t, String original) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(t.sql())) {
            for (int i = 0; i < t.parameterOrder().length; i++) {
                ps.setObject(i + 1, value(original, t.parameterOrder()[i]));
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.add(String.valueOf(rs.getString(i)));
                    }
                    rows.add(String.join("|", row));
                }
            }
            return rows;
        }
    }

    /** A value for parameter $n as the client sent one: a LIKE pattern, a schema or table name, a type OID. */
    private static Object value(String sql, int n) {
        Matcher m = Pattern.compile("(\\S+)\\s*(=|LIKE)\\s*\\$" + n + "\\b").matcher(sql);
        if (!m.find()) {
            throw new AssertionError("no comparison for $" + n + " in " + sql);
        }
        String left = m.group(1).toLowerCase(Locale.ROOT);
        if (left.endsWith("oid")) {
            return 23;
        }
        if (m.group(2).equals("LIKE")) {
            return left.contains("nspname") ? "ssb" : left.contains("relname") ? "lineorder" : "%";
        }
        return left.contains("nspname") ? "ssb" : "dates";
    }

    private static List<String> result(String prefix) {
        return RESULTS.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + prefix + " (failures: " + FAILURES + ")"))
                .getValue();
    }

    @Test
    void everyCapturedQueryRuns() {
        assertThat(FAILURES).isEmpty();
        assertThat(RESULTS).hasSizeGreaterThanOrEqualTo(50);
    }

    @Test
    void psqlListsExactlyTheModelTables() {
        List<String> expected = List.of("ssb|customer|table|analyst", "ssb|dates|table|analyst",
                "ssb|lineorder|table|analyst", "ssb|part|table|analyst", "ssb|supplier|table|analyst");
        assertThat(result("psql 15.18: 1. `\\d`")).containsExactlyElementsOf(expected);
        assertThat(result("psql 15.18: 2. `\\dt`")).containsExactlyElementsOf(expected);
    }

    @Test
    void psqlDescribesATable() {
        assertThat(result("psql 15.18: 3.")).containsExactly("16395|ssb|lineorder");
        assertThat(result("psql 15.18: 4.")).singleElement().asString().startsWith("0|r|false|");
        assertThat(result("psql 15.18: 5.")).containsExactly(
                "lo_orderkey|bigint|null|true|null||", "lo_orderdate|integer|null|false|null||",
                "lo_revenue|numeric(15,2)|null|false|null||", "lo_discount|double precision|null|false|null||",
                "lo_shipmode|character varying(25)|null|false|null||");
        // Keys, policies, statistics, publications, triggers, inheritance: Haechi has none.
        for (int q = 6; q <= 13; q++) {
            assertThat(result("psql 15.18: " + q + ".")).as("psql \\d query %d", q).isEmpty();
        }
        assertThat(result("psql 15.18: 14.")).extracting(r -> r.split("\\|")[0]).containsExactly("ads", "ssb");
        assertThat(result("psql 15.18: 15.")).containsExactly("ssb|analyst");
    }

    @Test
    void odbcListsTablesAndColumnsWithTypeOids() {
        assertThat(result("psqlODBC 13.02 via isql: 3.")).containsExactly("customer|ssb|r", "dates|ssb|r",
                "lineorder|ssb|r", "part|ssb|r", "supplier|ssb|r");
        assertThat(result("psqlODBC 13.02 via isql: 4.")).containsExactly("ssb");
        assertThat(result("psqlODBC 13.02 via isql: 7.")).extracting(r -> String.join("|",
                List.of(r.split("\\|")).subList(2, 5))).containsExactly("lo_orderkey|20|int8", "lo_orderdate|23|int4",
                "lo_revenue|1700|numeric", "lo_discount|701|float8", "lo_shipmode|1043|varchar");
        assertThat(result("psqlODBC 13.02 via isql: 2.")).isEmpty();
    }

    @Test
    void pgjdbcMetadataListsTheModel() {
        assertThat(result("pgjdbc 42.7.14: 3.")).containsExactly("ads", "ssb");
        assertThat(result("pgjdbc 42.7.14: 6.")).extracting(r -> r.split("\\|")[2] + "|" + r.split("\\|")[3])
                .containsExactly("customer|TABLE", "dates|TABLE", "lineorder|TABLE", "part|TABLE", "supplier|TABLE");
        assertThat(result("pgjdbc 42.7.14: 8.")).extracting(r -> r.split("\\|")[3]).containsExactly("lo_orderkey",
                "lo_orderdate", "lo_revenue", "lo_discount", "lo_shipmode");
        assertThat(result("pgjdbc 42.7.14: 9.")).isEmpty();
        assertThat(result("pgjdbc 42.7.14: 17.")).containsExactly("true|pg_catalog|int4");
    }
}
