package io.haechi.model.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.DataType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Evaluates expressions over rows and checks every answer against DuckDB on the same rows. */
class ExprEvaluationTest {
    private static final TableScope SCOPE = TableScope.builder()
            .column("t", "i", DataType.INT)
            .column("t", "b", DataType.BIGINT)
            .column("t", "d", DataType.decimal(10, 2))
            .column("t", "x", DataType.DOUBLE)
            .column("t", "v", DataType.varchar(10))
            .column("t", "dt", DataType.DATE)
            .column("t", "flag", DataType.BOOLEAN)
            .build();
    private static final List<Map<String, Object>> ROWS = new ArrayList<>();
    private static Connection duckdb;

    @BeforeAll
    static void load() throws SQLException {
        Random random = new Random(7);
        String[] words = {"apple", "Berry", "cherry", "a", "", "zeta", "m"};
        for (int id = 0; id < 60; id++) {
            Map<String, Object> row = new HashMap<>();
            row.put("i", nullOr(random, random.nextInt(21) - 10));
            row.put("b", nullOr(random, random.nextLong() % 5_000_000_000L));
            row.put("d", nullOr(random, BigDecimal.valueOf(random.nextInt(200_001) - 100_000, 2)));
            row.put("x", nullOr(random, Math.round((random.nextDouble() * 200 - 100) * 8) / 8.0));
            row.put("v", nullOr(random, words[random.nextInt(words.length)]));
            row.put("dt", nullOr(random, LocalDate.of(2024, 1, 1).plusDays(random.nextInt(366))));
            row.put("flag", nullOr(random, random.nextBoolean()));
            ROWS.add(row);
        }
        duckdb = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = duckdb.createStatement()) {
            s.execute("CREATE TABLE t(id INTEGER, i INTEGER, b BIGINT, d DECIMAL(10,2), x DOUBLE, v VARCHAR, "
                    + "dt DATE, flag BOOLEAN)");
        }
        try (PreparedStatement p = duckdb.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int id = 0; id < ROWS.size(); id++) {
                Map<String, Object> row = ROWS.get(id);
                p.setInt(1, id);
                p.setObject(2, row.get("i"));
                p.setObject(3, row.get("b"));
                p.setObject(4, row.get("d"));
                p.setObject(5, row.get("x"));
                p.setObject(6, row.get("v"));
                p.setObject(7, row.get("dt"));
                p.setObject(8, row.get("flag"));
                p.executeUpdate();
            }
        }
    }

    private static Object nullOr(Random random, Object value) {
        return random.nextInt(7) == 0 ? null : value;
    }

    @AfterAll
    static void close() throws SQLException {
        duckdb.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "i * b",
        "i + b - 3",
        "i % 3",
        "b % 7",
        "-i",
        "-d",
        "d * 2 + i",
        "d - i * 1.5",
        "d * d",
        "d / 4",
        "x * 2 + i",
        "x - d",
        "i > 2",
        "i = b",
        "d >= 0.5",
        "x < i",
        "v < 'b'",
        "v = 'apple'",
        "v <> ''",
        "dt > DATE '2024-06-30'",
        "dt BETWEEN '2024-02-01' AND '2024-03-31'",
        "dt NOT BETWEEN DATE '2024-02-01' AND DATE '2024-12-01'",
        "i BETWEEN -2 AND 4",
        "NOT (i BETWEEN -2 AND 4)",
        "i IN (1, 2, 3)",
        "i IN (1, 2, NULL)",
        "i NOT IN (1, 2, NULL)",
        "v IN ('apple', 'm')",
        "v NOT IN ('apple', 'm')",
        "v IS NULL",
        "d IS NOT NULL",
        "i > 1 AND v = 'a'",
        "i > 1 OR flag",
        "flag AND i < 0",
        "NOT flag",
        "NOT flag OR x > 0",
        "CASE WHEN i > 2 THEN v ELSE 'none' END",
        "CASE WHEN i > 2 THEN i WHEN flag THEN b END",
        "CASE i WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE NULL END",
        "CASE WHEN x > 0 THEN d ELSE i END",
        "CAST(i AS VARCHAR)",
        "CAST(d AS VARCHAR)",
        "CAST(d AS INT)",
        "CAST(x AS BIGINT)",
        "CAST(i AS DECIMAL(12,3)) * 2",
        "CAST(dt AS VARCHAR)",
        "CAST(CAST(dt AS VARCHAR) AS DATE) = dt",
        "(i + 1) * (b - 2) % 5"
    })
    void matchesDuckDb(String text) throws SQLException {
        CompiledExpr expr = ExprCompiler.compile(Expr.parse(text), SCOPE);
        try (Statement s = duckdb.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, " + text + " FROM t ORDER BY id")) {
            while (rs.next()) {
                Map<String, Object> row = ROWS.get(rs.getInt(1));
                Object ours = expr.evaluate(ref -> row.get(ref.column()));
                Object theirs = rs.getObject(2);
                String where = text + " on row " + rs.getInt(1) + " " + row;
                if (theirs == null) {
                    assertThat(ours).as(where).isNull();
                } else if (ours instanceof Double || theirs instanceof Double) {
                    assertThat(((Number) ours).doubleValue()).as(where)
                            .isCloseTo(((Number) theirs).doubleValue(), within(1e-9));
                } else if (ours instanceof Number n) {
                    assertThat(new BigDecimal(n.toString())).as(where)
                            .isEqualByComparingTo(new BigDecimal(theirs.toString()));
                } else if (ours instanceof LocalDate) {
                    assertThat(ours).as(where).isEqualTo(rs.getObject(2, LocalDate.class));
                } else {
                    assertThat(ours).as(where).isEqualTo(theirs);
                }
            }
        }
    }

    @Test
    void resultsHaveTheClassOfTheirType() {
        Map<String, Object> row = Map.of("i", 3, "b", 4L, "d", new BigDecimal("1.5"), "x", 2.0, "v", "a",
                "dt", LocalDate.of(2024, 1, 2), "flag", true);
        assertThat(eval("i", row)).isEqualTo(3);
        assertThat(eval("i * i", row)).isEqualTo(9L);
        assertThat(eval("d", row)).isEqualTo(new BigDecimal("1.50"));
        assertThat(eval("d + 1", row)).isEqualTo(new BigDecimal("2.50"));
        assertThat(eval("x / 4", row)).isEqualTo(0.5);
        assertThat(eval("CASE WHEN flag THEN i ELSE b END", row)).isEqualTo(3L);
        assertThat(eval("dt", row)).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(eval("CAST('42' AS INT)", row)).isEqualTo(42);
    }

    @Test
    void integerDivisionTruncatesAndDivisionByZeroIsNull() {
        Map<String, Object> row = Map.of("i", -7, "b", 0L, "d", new BigDecimal("0.00"), "x", 0.0);
        assertThat(eval("i / 2", row)).isEqualTo(-3L);
        assertThat(eval("i % 2", row)).isEqualTo(-1L);
        assertThat(eval("i / b", row)).isNull();
        assertThat(eval("i % b", row)).isNull();
        assertThat(eval("i / d", row)).isNull();
        assertThat(eval("i / x", row)).isNull();
    }

    @Test
    void acceptsOtherJavaClassesForColumnValues() {
        Map<String, Object> row = Map.of("i", (short) 5, "b", 6, "v", new StringBuilder("ab"), "dt", 19723);
        assertThat(eval("i + b", row)).isEqualTo(11L);
        assertThat(eval("v = 'ab'", row)).isEqualTo(true);
        assertThat(eval("dt", row)).isEqualTo(LocalDate.of(2024, 1, 1));
    }

    @Test
    void overflowAndBadValuesAreErrorsThatNameTheInput() {
        assertThatThrownBy(() -> eval("b * b", Map.of("b", Long.MAX_VALUE)))
                .isInstanceOfSatisfying(HaechiException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_EXPRESSION);
                    assertThat(e.getMessage()).isEqualTo("integer overflow evaluating 'b * b'");
                });
        assertThatThrownBy(() -> eval("i + 1", Map.of("i", "seven")))
                .isInstanceOfSatisfying(HaechiException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("column t.i is INT but the row holds a String (seven)"));
        assertThatThrownBy(() -> eval("CAST(v AS INT)", Map.of("v", "x1")))
                .hasMessage("cannot convert 'x1' to INT in 'CAST(v AS INT)'");
    }

    @Test
    void evaluatesFromAnArrayInColumnOrder() {
        CompiledExpr c = ExprCompiler.compile(Expr.parse("b - i"), SCOPE);
        assertThat(c.columns()).containsExactly(ColumnRef.of("t", "b"), ColumnRef.of("t", "i"));
        assertThat(c.evaluate(new Object[] {10L, 3})).isEqualTo(7L);
        assertThatThrownBy(() -> c.evaluate(new Object[] {1L})).isInstanceOf(IllegalArgumentException.class);
    }

    private static Object eval(String text, Map<String, Object> row) {
        return ExprCompiler.compile(Expr.parse(text), SCOPE).evaluate(ref -> row.get(ref.column()));
    }
}
