package io.haechi.server.sql;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.validate.SqlValidatorException;

/**
 * Maps any failure to the SQLState and short message an SQL client gets. The codes are PostgreSQL's where PostgreSQL
 * has the condition, so the JDBC endpoint and the PostgreSQL-wire endpoint report the same; {@code QH001} is
 * Haechi's own (class QH): no cuboid of the cube can answer the query. The README's JDBC section has the table.
 */
public final class SqlStates {
    /** Haechi-specific SQLState: the query needs a cuboid or measure that no cube provides. */
    public static final String NO_REALIZATION = "QH001";

    static final int MAX_MESSAGE = 1000;
    private static final Pattern EXECUTING_PREFIX = Pattern.compile("^Error while executing SQL \".*?\": ",
            Pattern.DOTALL);
    private static final Pattern CLASS_PREFIX = Pattern.compile("^([a-zA-Z_$][\\w$]*\\.)+[\\w$]*(Exception|Error)(: |$)");

    private SqlStates() {
    }

    /** The client-facing form of {@code failure}, found by walking its cause chain. */
    public static SqlError of(Throwable failure) {
        if (failure == null) {
            return new SqlError("XX000", "unknown error", Optional.empty());
        }
        HaechiException haechi = find(failure, HaechiException.class);
        if (haechi != null) {
            ErrorCode code = haechi.errorCode();
            return new SqlError(stateOf(code), clean(haechi.getMessage()), Optional.of(code));
        }
        SqlParseException parse = find(failure, SqlParseException.class);
        if (parse != null) {
            return new SqlError("42601", clean(stripPeriod(firstLine(parse.getMessage()))), Optional.empty());
        }
        CalciteContextException context = find(failure, CalciteContextException.class);
        SqlValidatorException validator = find(failure, SqlValidatorException.class);
        if (context != null || validator != null) {
            String bare = validator != null ? validator.getMessage() : context.getMessage();
            String text = firstLine(bare);
            if (context != null && context.getPosLine() > 0) {
                text = text + " (line " + context.getPosLine() + ", column " + context.getPosColumn() + ")";
            }
            return new SqlError(validationState(firstLine(bare)), clean(text), Optional.empty());
        }
        if (find(failure, StackOverflowError.class) != null) {
            return new SqlError("54001", "statement too complex: its nesting is too deep to process",
                    Optional.empty());
        }
        if (find(failure, CancellationException.class) != null) {
            return new SqlError("57014", "query cancelled", Optional.empty());
        }
        NumberFormatException number = find(failure, NumberFormatException.class);
        if (number != null) {
            return new SqlError("22018", clean("invalid number: " + firstLine(String.valueOf(number.getMessage()))),
                    Optional.empty());
        }
        ArithmeticException arithmetic = find(failure, ArithmeticException.class);
        if (arithmetic != null) {
            String text = firstLine(String.valueOf(arithmetic.getMessage()));
            String lower = text.toLowerCase(Locale.ROOT);
            boolean zero = lower.contains("by zero") || lower.contains("division undefined");
            return new SqlError(zero ? "22012" : "22003", clean(zero ? "division by zero" : "numeric value out of range: "
                    + text), Optional.empty());
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().length() == 5
                    && !s.getSQLState().equals("00000")) {
                return new SqlError(s.getSQLState(), clean(firstLine(String.valueOf(s.getMessage()))),
                        Optional.empty());
            }
        }
        return new SqlError("XX000", clean(rootMessage(failure)), Optional.empty());
    }

    /** The SQLState of a Haechi error code. */
    public static String stateOf(ErrorCode code) {
        switch (code) {
            case SQL_PARSE_ERROR: return "42601";
            case SQL_VALIDATION_ERROR: return "42000";
            case NO_REALIZATION: return NO_REALIZATION;
            case QUERY_CANCELLED: return "57014";
            case QUERY_FAILED: return "XX000";
            case PROPERTY_NOT_ALLOWED: return "08004";
            case AUTHENTICATION_FAILED: return "28P01";
            case PROTOCOL_VIOLATION: return "08P01";
            case STATEMENT_TOO_LONG: return "54000";
            case STATEMENT_TOO_COMPLEX: return "54001";
            case UNKNOWN_PROJECT: return "3D000";
            case UNKNOWN_TABLE: return "42P01";
            case UNKNOWN_COLUMN: return "42703";
            case NUMERIC_OVERFLOW: return "22003";
            case INVALID_ARGUMENT:
            case VALUE_NOT_ENCODABLE:
            case INVALID_TYPE:
                return "22023";
            default:
                break;
        }
        switch (code.category()) {
            case USER: return "42000";
            case RESOURCES: return "54000";
            case EXTERNAL: return "58000";
            default: return "XX000";
        }
    }

    private static String validationState(String message) {
        if (message.startsWith("Object '") || message.startsWith("Table '")) {
            return message.contains(" not found") ? "42P01" : "42000";
        }
        if (message.startsWith("Column '") && message.contains(" not found")) {
            return "42703";
        }
        if (message.startsWith("No match found for function signature") || message.startsWith("Cannot apply ")) {
            return "42883";
        }
        if (message.contains("is not being grouped")) {
            return "42803";
        }
        return "42000";
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 64; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable failure) {
        String message = null;
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 64; t = t.getCause(), depth++) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        if (message == null) {
            return "internal error";
        }
        String line = EXECUTING_PREFIX.matcher(firstLine(message)).replaceFirst("");
        line = CLASS_PREFIX.matcher(line).replaceFirst("");
        return line.isBlank() ? "internal error" : line;
    }

    static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).strip();
    }

    private static String stripPeriod(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    private static String clean(String text) {
        String line = firstLine(text);
        if (line.isEmpty()) {
            return "unknown error";
        }
        return line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE) + "..." : line;
    }
}
