package io.haechi.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs {@link SqlScript}s against Haechi and DuckDB: each query must be served by a CubeScan of the expected cuboid
 * (read from EXPLAIN) and return DuckDB's rows (as a multiset), or fail with the expected SQLState and text.
 */
final class ScriptRunner {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");

    private final Connection haechi;
    private final Connection duck;

    ScriptRunner(Connection haechi, Connection duck) {
        this.haechi = haechi;
        this.duck = duck;
    }

    Stream<DynamicTest> tests(String resource) throws Exception {
        SqlScript script = SqlScript.load(resource);
        assertThat(script.cases()).isNotEmpty();
        return script.cases().stream().map(c -> DynamicTest.dynamicTest(c.name() + " (" + resource + ":" + c.line()
                + ")", () -> run(c)));
    }

    void run(SqlScript.Case c) throws Exception {
        if (c.expectsError()) {
            String state = c.error().split(" ", 2)[0];
            String text = c.error().contains(" ") ? c.error().split(" ", 2)[1] : "";
            try (Statement st = haechi.createStatement()) {
                st.executeQuery(c.sql()).close();
                throw new AssertionError(c.name() + " should fail with " + c.error());
            } catch (SQLException e) {
                assertThat(rootMessage(e)).as("error of %s", c.name()).contains(text);
                if (!state.equals("-")) {
                    assertThat(e.getSQLState()).as("SQLState of %s: %s", c.name(), e.getMessage()).isEqualTo(state);
                }
            }
            return;
        }
        String plan = explain(c.sql());
        assertThat(plan).as("plan of %s", c.name()).contains("CubeScan(").doesNotContain("TableScan");
        assertThat(cuboidOf(plan)).as("cuboid of %s in\n%s", c.name(), plan)
                .containsExactlyInAnyOrderElementsOf(c.cuboid());
        List<List<String>> runs = c.params().isEmpty() ? List.of(List.of()) : c.params();
        int nonEmpty = 0;
        try (PreparedStatement h = haechi.prepareStatement(c.sql());
                PreparedStatement d = duck.prepareStatement(c.sql())) {
            for (List<String> params : runs) {
                bind(h, params);
                bind(d, params);
                List<String> expected;
                try (ResultSet rs = d.executeQuery()) {
                    expected = Rows.read(rs);
                }
                List<String> actual;
                try (ResultSet rs = h.executeQuery()) {
                    actual = Rows.read(rs);
                }
                assertThat(sorted(actual)).as("rows of %s with %s", c.name(), params).isEqualTo(sorted(expected));
                nonEmpty += expected.isEmpty() || expected.equals(List.of("NULL")) ? 0 : 1;
            }
        }
        assertThat(nonEmpty > 0 || c.allowEmpty()).as("%s: at least one run returns rows (a query that returns nothing tests little)",
                c.name()).isTrue();
    }

    /** Runs {@code sql} on both engines and compares the rows as multisets. */
    void compareWithDuckDb(String sql, String name) throws SQLException {
        List<String> expected;
        try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            expected = Rows.read(rs);
        }
        try (Statement st = haechi.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(sorted(Rows.read(rs))).as("rows of %s", name).isEqualTo(sorted(expected));
        }
        assertThat(expected).as("DuckDB rows of %s", name).isNotEmpty();
    }

    /** Rows as a sorted list: a multiset comparison in n log n (AssertJ's any-order check is quadratic). */
    private static List<String> sorted(List<String> rows) {
        List<String> out = new ArrayList<>(rows);
        java.util.Collections.sort(out);
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

    String explain(String sql) throws SQLException {
        try (Statement st = haechi.createStatement(); ResultSet rs = st.executeQuery("explain plan for " + sql)) {
            StringBuilder b = new StringBuilder();
            while (rs.next()) {
                b.append(rs.getString(1)).append('\n');
            }
            return b.toString();
        }
    }

    static String rootMessage(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(t.getMessage()).append('\n');
        }
        return b.toString();
    }

    static List<String> cuboidOf(String plan) {
        Matcher m = Pattern.compile("cuboid=\\[\\[([^\\]]*)\\]\\]").matcher(plan);
        List<String> out = new ArrayList<>();
        if (m.find()) {
            for (String d : m.group(1).split(",")) {
                if (!d.isBlank()) {
                    out.add(d.strip());
                }
            }
        }
        return out;
    }
}
