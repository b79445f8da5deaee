package io.haechi.model.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.DataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExprTypeCheckTest {
    static final TableScope SCOPE = TableScope.builder()
            .column("f", "i", DataType.INT)
            .column("f", "s", DataType.SMALLINT)
            .column("f", "b", DataType.BIGINT)
            .column("f", "d", DataType.decimal(10, 2))
            .column("f", "e", DataType.decimal(5, 3))
            .column("f", "x", DataType.DOUBLE)
            .column("f", "v", DataType.varchar(10))
            .column("f", "w", DataType.varchar(20))
            .column("f", "dt", DataType.DATE)
            .column("f", "ts", DataType.TIMESTAMP)
            .column("f", "flag", DataType.BOOLEAN)
            .column("f", "k", DataType.INT)
            .column("l", "k", DataType.INT)
            .column("l", "name", DataType.VARCHAR)
            .build();

    private static DataType type(String text) {
        return ExprCompiler.typeOf(Expr.parse(text), SCOPE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "b * b|BIGINT",
        "i * i|BIGINT",
        "s + i|BIGINT",
        "-i|INT",
        "d + e|DECIMAL(12,3)",
        "d - i|DECIMAL(13,2)",
        "d * e|DECIMAL(15,5)",
        "i / e|DECIMAL(19,6)",
        "d % e|DECIMAL(5,3)",
        "d * d * d * d * d|DECIMAL(38,6)",
        "x * i|DOUBLE",
        "d + x|DOUBLE",
        "i + 1.5|DECIMAL(12,1)",
        "i > 1 AND v = 'a'|BOOLEAN",
        "v IN ('a', 'b')|BOOLEAN",
        "dt BETWEEN '1998-01-01' AND DATE '1998-12-31'|BOOLEAN",
        "ts > dt|BOOLEAN",
        "v IS NULL|BOOLEAN",
        "CASE WHEN flag THEN i ELSE b END|BIGINT",
        "CASE WHEN flag THEN i ELSE d END|DECIMAL(12,2)",
        "CASE WHEN flag THEN v ELSE w END|VARCHAR(20)",
        "CASE WHEN flag THEN v ELSE NULL END|VARCHAR(10)",
        "CAST(v AS INT)|INT",
        "CAST(i AS VARCHAR(11))|VARCHAR(11)",
        "CAST(NULL AS DATE)|DATE",
        "l.k + f.k|BIGINT",
        "name|VARCHAR"
    })
    void infersTheResultType(String text, String expected) {
        assertThat(type(text)).isEqualTo(DataType.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "v + 1|operator + needs numbers, but got v (VARCHAR(10)) and 1 (INT)",
        "NOT i|NOT needs a condition (BOOLEAN), but i is INT",
        "i AND flag|AND needs a condition (BOOLEAN), but i is INT",
        "i = v|cannot compare INT with VARCHAR(10)",
        "dt = 5|cannot compare DATE with INT in 'dt = 5'; write dates as DATE 'yyyy-mm-dd'",
        "dt = 'soon'|'soon' is compared with a DATE but is not a date yyyy-mm-dd",
        "CASE WHEN flag THEN i ELSE v END|CASE results mix INT and VARCHAR(10)",
        "CASE WHEN i THEN 1 END|WHEN needs a condition (BOOLEAN), but i is INT",
        "CAST(flag AS DATE)|cannot CAST BOOLEAN to DATE",
        "NULL|cannot infer the type of NULL",
        "-v|unary minus needs a number, but v is VARCHAR(10)",
        "k + 1|column 'k' is ambiguous"
    })
    void typeErrorsQuoteTheExpression(String text, String expected) {
        assertThatThrownBy(() -> type(text)).isInstanceOfSatisfying(HaechiException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_EXPRESSION);
            assertThat(e.getMessage()).contains(expected);
        });
    }

    @Test
    void unknownColumnsAndTablesKeepTheirCodes() {
        assertThatThrownBy(() -> type("nope + 1")).isInstanceOfSatisfying(HaechiException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.UNKNOWN_COLUMN);
            assertThat(e.getMessage()).contains("unknown column 'nope'");
        });
        assertThatThrownBy(() -> type("zz.i")).isInstanceOfSatisfying(HaechiException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.UNKNOWN_TABLE);
            assertThat(e.getMessage()).contains("unknown table 'zz' in 'zz.i'");
        });
        assertThatThrownBy(() -> type("l.i")).isInstanceOfSatisfying(HaechiException.class,
                e -> assertThat(e.getMessage()).isEqualTo("table 'l' has no column 'i'"));
    }

    @Test
    void compiledExpressionListsCanonicalColumnsOnce() {
        CompiledExpr c = ExprCompiler.compile(Expr.parse("I * F.I + l.K"), SCOPE);
        assertThat(c.columns()).containsExactly(ColumnRef.of("f", "i"), ColumnRef.of("l", "k"));
    }

    @Test
    void sumTypes() {
        assertThat(ExprTypes.sumOf(DataType.INT)).isEqualTo(DataType.BIGINT);
        assertThat(ExprTypes.sumOf(DataType.SMALLINT)).isEqualTo(DataType.BIGINT);
        assertThat(ExprTypes.sumOf(DataType.decimal(10, 2))).isEqualTo(DataType.decimal(38, 2));
        assertThat(ExprTypes.sumOf(DataType.DOUBLE)).isEqualTo(DataType.DOUBLE);
        assertThat(ExprTypes.sumOf(DataType.VARCHAR)).isNull();
    }
}
