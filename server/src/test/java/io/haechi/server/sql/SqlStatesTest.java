package io.haechi.server.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import org.apache.calcite.jdbc.Driver;
import org.apache.calcite.sql.parser.SqlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SqlStatesTest {
    /** What Calcite itself throws for {@code sql}, through its JDBC driver like the engine's connections. */
    private static Throwable calciteFailure(String sql) throws SQLException {
        try (Connection c = new Driver().connect("jdbc:calcite:", new Properties()); Statement s = c.createStatement()) {
            Throwable t = catchThrowable(() -> s.executeQuery(sql).next());
            assertThat(t).as(sql).isNotNull();
            return t;
        }
    }

    @Test
    void parseErrorsAre42601WithTheParsersFirstLine() {
        Throwable parse = catchThrowable(() -> SqlParser.create("SELECT 1 FROM t WHERE").parseQuery());
        SqlError error = SqlStates.of(new RuntimeException("parse failed: " + parse.getMessage(), parse));
        assertThat(error.sqlState()).isEqualTo("42601");
        assertThat(error.message()).isEqualTo("Encountered \"<EOF>\" at line 1, column 21")
                .doesNotContain("\n").doesNotEndWith(".");
        assertThat(error.errorCode()).isEmpty();
        assertThat(error.vendorCode()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " # ", value = {
        "SELECT * FROM nosuch # 42P01 # Object 'NOSUCH' not found (line 1, column 15)",
        "SELECT b FROM (VALUES (1)) AS t(a) # 42703 # Column 'B' not found in any table (line 1, column 8)",
        "SELECT nosuch(1) # 42883 # No match found for function signature NOSUCH(<NUMERIC>) (line 1, column 8)",
        "SELECT a, COUNT(*) FROM (VALUES (1)) AS t(a) # 42803 # Expression 'A' is not being grouped (line 1, column 8)",
        "SELECT * FROM (VALUES (1)) AS t(a) ORDER BY 5 # 42000 # Ordinal out of range (line 1, column 45)",
    })
    void calciteValidationErrorsGetPostgresStates(String sql, String state, String message) throws SQLException {
        SqlError error = SqlStates.of(calciteFailure(sql));
        assertThat(error.sqlState()).isEqualTo(state);
        assertThat(error.message()).isEqualTo(message);
    }

    @Test
    void executionErrorsAreDataExceptions() throws SQLException {
        assertThat(SqlStates.of(calciteFailure("SELECT CAST(x AS INTEGER) FROM (VALUES ('abc')) AS t(x)")))
                .isEqualTo(new SqlError("22018", "invalid number: For input string: \"abc\"", Optional.empty()));
        assertThat(SqlStates.of(calciteFailure("SELECT a / (a - a) FROM (VALUES (1)) AS t(a)")).sqlState())
                .isEqualTo("22012");
        assertThat(SqlStates.of(new RuntimeException(new ArithmeticException("BigInteger would overflow supported "
                + "range")))).isEqualTo(new SqlError("22003", "numeric value out of range: BigInteger would overflow "
                + "supported range", Optional.empty()));
    }

    @ParameterizedTest
    @CsvSource({"NO_REALIZATION, QH001", "QUERY_CANCELLED, 57014", "QUERY_FAILED, XX000",
        "PROPERTY_NOT_ALLOWED, 08004", "AUTHENTICATION_FAILED, 28P01", "SQL_PARSE_ERROR, 42601",
        "SQL_VALIDATION_ERROR, 42000", "STATEMENT_TOO_LONG, 54000", "STATEMENT_TOO_COMPLEX, 54001",
        "UNKNOWN_PROJECT, 3D000", "INVALID_ARGUMENT, 22023", "METADATA_CONFLICT, 42000", "TOO_MANY_GROUPS, 54000",
        "STORE_UNAVAILABLE, 58000", "INTERNAL_ERROR, XX000", "CORRUPT_STORED_DATA, XX000"})
    void haechiErrorsMapByCodeThroughAnyWrapping(ErrorCode code, String state) {
        HaechiException e = new HaechiException(code, "the reason\nmore detail");
        SqlError error = SqlStates.of(new SQLException("Error while executing SQL \"SELECT 1\": wrapped",
                new RuntimeException(e)));
        assertThat(error).isEqualTo(new SqlError(state, "the reason", Optional.of(code)));
        assertThat(error.vendorCode()).isEqualTo(code.code());
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyErrorCodeHasAValidState(ErrorCode code) {
        assertThat(SqlStates.stateOf(code)).matches("[0-9A-Z]{5}").isNotEqualTo("00000");
    }

    @Test
    void anythingElseIsXx000WithTheDeepestMessagesFirstLine() {
        SqlError error = SqlStates.of(new SQLException("Error while executing SQL \"SELECT 1\": boom",
                new RuntimeException(new IllegalStateException("the store closed\n\tat somewhere"))));
        assertThat(error).isEqualTo(new SqlError("XX000", "the store closed", Optional.empty()));
        assertThat(SqlStates.of(new SQLException("Error while executing SQL \"SELECT 1\": it broke",
                new NullPointerException()))).isEqualTo(new SqlError("XX000", "it broke", Optional.empty()));
        assertThat(SqlStates.of(new RuntimeException(new NullPointerException())).message())
                .isEqualTo("internal error");
        assertThat(SqlStates.of(new StackOverflowError()).sqlState()).isEqualTo("54001");
        assertThat(SqlStates.of(new SQLException("lost", "08006")).sqlState()).isEqualTo("08006");
    }

    @Test
    void longMessagesAreCut() {
        SqlError error = SqlStates.of(new IllegalStateException("x".repeat(50_000)));
        assertThat(error.message()).hasSize(SqlStates.MAX_MESSAGE + 3).endsWith("...");
    }
}
