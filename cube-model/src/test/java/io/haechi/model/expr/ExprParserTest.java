package io.haechi.model.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.DataType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExprParserTest {
    private static ColumnRef col(String name) {
        return ColumnRef.of(name);
    }

    @Test
    void multiplicationBindsTighterThanAddition() {
        assertThat(Expr.parse("a + b * c")).isEqualTo(new BinaryExpr(BinaryOp.ADD, col("a"),
                new BinaryExpr(BinaryOp.MULTIPLY, col("b"), col("c"))));
        assertThat(Expr.parse("(a + b) * c")).isEqualTo(new BinaryExpr(BinaryOp.MULTIPLY,
                new BinaryExpr(BinaryOp.ADD, col("a"), col("b")), col("c")));
    }

    @Test
    void subtractionIsLeftAssociative() {
        assertThat(Expr.parse("a - b - c")).isEqualTo(new BinaryExpr(BinaryOp.SUBTRACT,
                new BinaryExpr(BinaryOp.SUBTRACT, col("a"), col("b")), col("c")));
    }

    @Test
    void andBindsTighterThanOrAndNotTighterThanAnd() {
        Expr e = Expr.parse("NOT a = 1 OR b = 2 AND c = 3");
        assertThat(e).isEqualTo(new BinaryExpr(BinaryOp.OR,
                new UnaryExpr(UnaryOp.NOT, new BinaryExpr(BinaryOp.EQ, col("a"), Literal.of(1))),
                new BinaryExpr(BinaryOp.AND, new BinaryExpr(BinaryOp.EQ, col("b"), Literal.of(2)),
                        new BinaryExpr(BinaryOp.EQ, col("c"), Literal.of(3)))));
    }

    @Test
    void keywordsIgnoreCaseAndQualifiedColumnsKeepTheirTable() {
        assertThat(Expr.parse("dates.d_year between 1992 AnD 1997 and x is not null"))
                .isEqualTo(new BinaryExpr(BinaryOp.AND,
                        new BetweenExpr(ColumnRef.of("dates", "d_year"), Literal.of(1992), Literal.of(1997), false),
                        new IsNullExpr(col("x"), true)));
    }

    @Test
    void literalsGetTheirNaturalTypes() {
        assertThat(Expr.parse("7")).isEqualTo(new Literal(7, DataType.INT));
        assertThat(Expr.parse("3000000000")).isEqualTo(new Literal(3_000_000_000L, DataType.BIGINT));
        assertThat(Expr.parse("1.50")).isEqualTo(new Literal(new BigDecimal("1.50"), DataType.decimal(3, 2)));
        assertThat(Expr.parse("0.05")).isEqualTo(new Literal(new BigDecimal("0.05"), DataType.decimal(2, 2)));
        assertThat(Expr.parse("2E3")).isEqualTo(new Literal(2000.0, DataType.DOUBLE));
        assertThat(Expr.parse("-2147483648")).isEqualTo(new Literal(Integer.MIN_VALUE, DataType.INT));
        assertThat(Expr.parse("'it''s'")).isEqualTo(Literal.of("it's"));
        assertThat(Expr.parse("date '1998-08-02'")).isEqualTo(Literal.of(LocalDate.of(1998, 8, 2)));
        assertThat(Expr.parse("TRUE")).isEqualTo(Literal.of(true));
        assertThat(Expr.parse("null")).isEqualTo(NullLiteral.INSTANCE);
    }

    @Test
    void simpleCaseBecomesSearchedCase() {
        assertThat(Expr.parse("CASE g WHEN 'M' THEN 1 ELSE 0 END")).isEqualTo(new CaseExpr(
                List.of(new CaseExpr.When(new BinaryExpr(BinaryOp.EQ, col("g"), Literal.of("M")), Literal.of(1))),
                Optional.of(Literal.of(0))));
    }

    @Test
    void castReadsParameterisedTypes() {
        assertThat(Expr.parse("CAST(x AS decimal(18, 2))")).isEqualTo(new CastExpr(col("x"), DataType.decimal(18, 2)));
        assertThat(Expr.parse("cast(x as varchar(10))")).isEqualTo(new CastExpr(col("x"), DataType.varchar(10)));
    }

    @Test
    void notEqualHasTwoSpellings() {
        assertThat(Expr.parse("a != 1")).isEqualTo(Expr.parse("a <> 1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "lo_extendedprice * lo_discount",
        "a - (b - c)",
        "a - -1",
        "-(-1)",
        "-(a + b)",
        "-a * b",
        "(a = b) = c",
        "NOT (a AND b)",
        "NOT NOT a",
        "a OR (b OR c)",
        "(a + 1) * (b - 2) / c % 7",
        "x NOT IN (1, 2, 3)",
        "x IN ('a', 'b''c')",
        "(x BETWEEN 1 AND 2) = TRUE",
        "x NOT BETWEEN a + 1 AND b * 2",
        "(a > 1) IS NULL",
        "CASE WHEN a > 1 THEN 'big' WHEN a IS NULL THEN NULL ELSE 'small' END",
        "CAST(a * 2 AS DECIMAL(18,2))",
        "d >= DATE '1998-01-01' AND t < TIMESTAMP '1998-01-01 12:30:00.250'",
        "\"select\" + \"my col\" + t.\"AND\"",
        "1.5E-7 * 3.25",
        "12345678901234567890123 + 1"
    })
    void printingRoundTrips(String text) {
        Expr e = Expr.parse(text);
        assertThat(Expr.parse(e.toString())).isEqualTo(e);
    }

    @Test
    void printsWithFewestParentheses() {
        assertThat(Expr.parse("((a + b)) * (c)").toString()).isEqualTo("(a + b) * c");
        assertThat(Expr.parse("a + (b * c)").toString()).isEqualTo("a + b * c");
        assertThat(Expr.parse("x   between 1 and 2").toString()).isEqualTo("x BETWEEN 1 AND 2");
        assertThat(Expr.parse("case when a then 1 end").toString()).isEqualTo("CASE WHEN a THEN 1 END");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "a +|4|expected an operand (a column, a literal, '(', CASE or CAST) but found end of input",
        "a + (b|7|expected ')' to close the '(' at position 5 but found end of input",
        "a b|3|expected an operator or the end of the expression but found 'b'",
        "foo(1)|1|unknown function 'foo'",
        "'abc|1|unterminated string: expected a closing '",
        "a BETWEEN 1|12|expected AND between the BETWEEN bounds",
        "x IN 1|6|expected '(' to open the IN list",
        "x IS 3|6|expected NULL or NOT NULL after IS",
        "CAST(x AS FOO)|11|'FOO' is not a column type",
        "DATE '2024-13-01'|6|'2024-13-01' is not a valid DATE; expected yyyy-mm-dd",
        "CASE WHEN a THEN 1|19|expected WHEN, ELSE or END in the CASE expression",
        "a # b|3|unexpected character '#'",
        "12abc|3|expected an operator or a separator after the number '12'",
        "AND + 1|1|expected an operand"
    })
    void errorsNameThePositionAndWhatWasExpected(String text, int position, String expected) {
        assertThatThrownBy(() -> Expr.parse(text))
                .isInstanceOfSatisfying(HaechiException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_EXPRESSION);
                    assertThat(e.getMessage()).startsWith("invalid expression '" + text + "' at position " + position
                            + ": ").contains(expected);
                });
    }

    @Test
    void emptyTextIsAnError() {
        assertThatThrownBy(() -> Expr.parse("  ")).hasMessageContaining("the expression is empty");
    }
}
