package io.haechi.server.sql;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.server.runtime.HaechiSettings;
import java.util.Locale;

/**
 * Limits a statement must meet before it is parsed, so hostile or runaway input costs a linear scan instead of a
 * parser, validator and planner run: the length ({@code haechi.sql.max.length}) and the items of any one IN list
 * ({@code haechi.sql.max.in.list}). The IN-list scan is lexical: it skips string literals, quoted identifiers and
 * comments, and ignores {@code IN (SELECT ...)} subqueries.
 *
 * @param maxLength the longest statement accepted, in characters
 * @param maxInListItems the most items one IN list may hold
 */
public record SqlLimits(int maxLength, int maxInListItems) {
    public SqlLimits {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be positive, got " + maxLength);
        }
        if (maxInListItems < 1) {
            throw new IllegalArgumentException("maxInListItems must be positive, got " + maxInListItems);
        }
    }

    public static SqlLimits from(HaechiSettings settings) {
        return new SqlLimits(settings.sqlMaxLength(), settings.sqlMaxInListItems());
    }

    /** Fails with {@link ErrorCode#STATEMENT_TOO_LONG} or {@link ErrorCode#STATEMENT_TOO_COMPLEX}. */
    public void check(String sql) {
        if (sql == null) {
            throw new HaechiException(ErrorCode.SQL_PARSE_ERROR, "the statement is empty");
        }
        if (sql.length() > maxLength) {
            throw new HaechiException(ErrorCode.STATEMENT_TOO_LONG, String.format(Locale.ROOT,
                    "statement too long: %,d characters, the limit is %,d (setting %s)", sql.length(), maxLength,
                    HaechiSettings.SQL_MAX_LENGTH));
        }
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            int skipped = skip(sql, i);
            if (skipped > i) {
                i = skipped;
            } else if (isWordChar(c)) {
                int end = i;
                while (end < n && isWordChar(sql.charAt(end))) {
                    end++;
                }
                if (end - i == 2 && sql.regionMatches(true, i, "IN", 0, 2)) {
                    int open = skipBlank(sql, end);
                    if (open < n && sql.charAt(open) == '(') {
                        checkList(sql, open);
                    }
                }
                i = end;
            } else {
                i++;
            }
        }
    }

    private void checkList(String sql, int open) {
        int n = sql.length();
        int first = skipBlank(sql, open + 1);
        if (first >= n || sql.charAt(first) == ')' || startsWithWord(sql, first, "SELECT")
                || startsWithWord(sql, first, "VALUES") || startsWithWord(sql, first, "WITH")) {
            return;
        }
        int depth = 1;
        long items = 1;
        int i = open + 1;
        while (i < n && depth > 0) {
            int skipped = skip(sql, i);
            if (skipped > i) {
                i = skipped;
                continue;
            }
            char c = sql.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 1 && ++items > maxInListItems) {
                throw new HaechiException(ErrorCode.STATEMENT_TOO_COMPLEX, String.format(Locale.ROOT,
                        "statement too complex: an IN list has more than %,d items (setting %s); use a join or a "
                                + "range instead", maxInListItems, HaechiSettings.SQL_MAX_IN_LIST));
            }
            i++;
        }
    }

    /** The index after a string literal, quoted identifier or comment starting at {@code i}, else {@code i}. */
    private static int skip(String sql, int i) {
        int n = sql.length();
        char c = sql.charAt(i);
        if (c == '\'' || c == '"' || c == '`') {
            int j = i + 1;
            while (j < n) {
                if (sql.charAt(j) == c) {
                    if (j + 1 < n && sql.charAt(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    return j + 1;
                }
                j++;
            }
            return n;
        }
        if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
            int nl = sql.indexOf('\n', i);
            return nl < 0 ? n : nl + 1;
        }
        if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
            int end = sql.indexOf("*/", i + 2);
            return end < 0 ? n : end + 2;
        }
        return i;
    }

    private static int skipBlank(String sql, int i) {
        int n = sql.length();
        while (i < n) {
            int skipped = Character.isWhitespace(sql.charAt(i)) ? i + 1 : skipComment(sql, i);
            if (skipped == i) {
                return i;
            }
            i = skipped;
        }
        return i;
    }

    private static int skipComment(String sql, int i) {
        char c = sql.charAt(i);
        return c == '-' || c == '/' ? skip(sql, i) : i;
    }

    private static boolean startsWithWord(String sql, int i, String word) {
        int end = i + word.length();
        return sql.regionMatches(true, i, word, 0, word.length())
                && (end >= sql.length() || !isWordChar(sql.charAt(end)));
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
