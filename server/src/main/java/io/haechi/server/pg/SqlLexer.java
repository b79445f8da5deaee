package io.haechi.server.pg;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A lexer for PostgreSQL's SQL: words, quoted identifiers, string literals ({@code '...'}, {@code E'...'} with
 * backslash escapes, {@code $tag$...$tag$}), numbers, {@code $n} parameters, operators and punctuation; whitespace and
 * comments are kept as tokens so that text can be put back together. It knows no grammar: the statement splitter,
 * the command classifier and the dialect translator work on its tokens.
 */
final class SqlLexer {
    enum Kind { WORD, QUOTED, STRING, NUMBER, PARAM, OP, PUNCT, SPACE }

    /** One token; for STRING, {@code value} is the literal's content with escapes resolved. */
    record Token(Kind kind, String text, String value) {
        boolean is(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        boolean isPunct(String p) {
            return kind == Kind.PUNCT && text.equals(p);
        }

        boolean isOp(String op) {
            return kind == Kind.OP && text.equals(op);
        }

        /** The folded name of a word or quoted identifier (PostgreSQL: unquoted names fold to lower case). */
        String name() {
            return kind == Kind.QUOTED ? value : text.toLowerCase(Locale.ROOT);
        }

        boolean isName() {
            return kind == Kind.WORD || kind == Kind.QUOTED;
        }

        static Token word(String w) {
            return new Token(Kind.WORD, w, w);
        }

        static Token punct(String p) {
            return new Token(Kind.PUNCT, p, p);
        }

        static Token space() {
            return new Token(Kind.SPACE, " ", " ");
        }

        static Token string(String value) {
            return new Token(Kind.STRING, "'" + value.replace("'", "''") + "'", value);
        }
    }

    private SqlLexer() {
    }

    static List<Token> tokens(String sql) {
        List<Token> out = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                while (i < n && Character.isWhitespace(sql.charAt(i))) {
                    i++;
                }
                out.add(new Token(Kind.SPACE, sql.substring(start, i), " "));
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
                out.add(new Token(Kind.SPACE, sql.substring(start, i), " "));
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = blockCommentEnd(sql, i);
                out.add(new Token(Kind.SPACE, sql.substring(start, i), " "));
            } else if ((c == 'E' || c == 'e') && i + 1 < n && sql.charAt(i + 1) == '\'') {
                i = escapeString(sql, i + 1, out, start);
            } else if (c == '\'') {
                i = plainString(sql, i, out);
            } else if (c == '"') {
                int j = i + 1;
                StringBuilder v = new StringBuilder();
                while (true) {
                    if (j >= n) {
                        throw unterminated("quoted identifier", start);
                    }
                    if (sql.charAt(j) == '"') {
                        if (j + 1 < n && sql.charAt(j + 1) == '"') {
                            v.append('"');
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    v.append(sql.charAt(j++));
                }
                i = j + 1;
                out.add(new Token(Kind.QUOTED, sql.substring(start, i), v.toString()));
            } else if (c == '$' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
                i++;
                while (i < n && Character.isDigit(sql.charAt(i))) {
                    i++;
                }
                out.add(new Token(Kind.PARAM, sql.substring(start, i), sql.substring(start + 1, i)));
            } else if (c == '$' && dollarTagEnd(sql, i) > 0) {
                int tagEnd = dollarTagEnd(sql, i);
                String tag = sql.substring(i, tagEnd);
                int close = sql.indexOf(tag, tagEnd);
                if (close < 0) {
                    throw unterminated("dollar-quoted string", start);
                }
                i = close + tag.length();
                out.add(Token.string(sql.substring(tagEnd, close)));
            } else if (Character.isLetter(c) || c == '_') {
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                        || sql.charAt(i) == '$')) {
                    i++;
                }
                out.add(new Token(Kind.WORD, sql.substring(start, i), sql.substring(start, i)));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
                while (i < n && (Character.isDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    i++;
                }
                if (i < n && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')) {
                    int j = i + 1;
                    if (j < n && (sql.charAt(j) == '+' || sql.charAt(j) == '-')) {
                        j++;
                    }
                    if (j < n && Character.isDigit(sql.charAt(j))) {
                        i = j;
                        while (i < n && Character.isDigit(sql.charAt(i))) {
                            i++;
                        }
                    }
                }
                out.add(new Token(Kind.NUMBER, sql.substring(start, i), sql.substring(start, i)));
            } else if ("(),;[].".indexOf(c) >= 0) {
                i++;
                out.add(Token.punct(String.valueOf(c)));
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                i += 2;
                out.add(new Token(Kind.OP, "::", "::"));
            } else if ("+-*/<>=~!@#%^&|`?:".indexOf(c) >= 0) {
                while (i < n && "+-*/<>=~!@#%^&|`?".indexOf(sql.charAt(i)) >= 0
                        && !(sql.startsWith("--", i) || sql.startsWith("/*", i))) {
                    i++;
                }
                if (i == start) {
                    i++;
                }
                // PostgreSQL's rule: a multi-character operator ends in + or - only if it holds one of ~!@#%^&|`?,
                // so "=-1" is "=" and "-1".
                while (i - start > 1 && (sql.charAt(i - 1) == '+' || sql.charAt(i - 1) == '-')
                        && sql.substring(start, i).chars().noneMatch(ch -> "~!@#%^&|`?".indexOf(ch) >= 0)) {
                    i--;
                }
                out.add(new Token(Kind.OP, sql.substring(start, i), sql.substring(start, i)));
            } else {
                throw new HaechiException(ErrorCode.SQL_PARSE_ERROR, "syntax error at or near \"" + c
                        + "\" (position " + (start + 1) + ")");
            }
        }
        return out;
    }

    private static int blockCommentEnd(String sql, int i) {
        int depth = 0;
        int n = sql.length();
        while (i < n) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        throw unterminated("/* comment", 0);
    }

    private static int plainString(String sql, int i, List<Token> out) {
        int start = i;
        int n = sql.length();
        int j = i + 1;
        StringBuilder v = new StringBuilder();
        while (true) {
            if (j >= n) {
                throw unterminated("quoted string", start);
            }
            char ch = sql.charAt(j);
            if (ch == '\'') {
                if (j + 1 < n && sql.charAt(j + 1) == '\'') {
                    v.append('\'');
                    j += 2;
                    continue;
                }
                break;
            }
            v.append(ch);
            j++;
        }
        out.add(new Token(Kind.STRING, sql.substring(start, j + 1), v.toString()));
        return j + 1;
    }

    /** {@code E'...'}: backslash escapes as PostgreSQL reads them. */
    private static int escapeString(String sql, int quote, List<Token> out, int start) {
        int n = sql.length();
        int j = quote + 1;
        StringBuilder v = new StringBuilder();
        while (true) {
            if (j >= n) {
                throw unterminated("quoted string", start);
            }
            char ch = sql.charAt(j);
            if (ch == '\'') {
                if (j + 1 < n && sql.charAt(j + 1) == '\'') {
                    v.append('\'');
                    j += 2;
                    continue;
                }
                break;
            }
            if (ch == '\\' && j + 1 < n) {
                char e = sql.charAt(j + 1);
                j += 2;
                switch (e) {
                    case 'n' -> v.append('\n');
                    case 't' -> v.append('\t');
                    case 'r' -> v.append('\r');
                    case 'b' -> v.append('\b');
                    case 'f' -> v.append('\f');
                    default -> v.append(e);
                }
                continue;
            }
            v.append(ch);
            j++;
        }
        out.add(Token.string(v.toString()));
        return j + 1;
    }

    /** The end of a {@code $tag$} opening at {@code i}, or -1. */
    private static int dollarTagEnd(String sql, int i) {
        int j = i + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        return j < sql.length() && sql.charAt(j) == '$' ? j + 1 : -1;
    }

    private static HaechiException unterminated(String what, int position) {
        return new HaechiException(ErrorCode.SQL_PARSE_ERROR, "unterminated " + what + " at position "
                + (position + 1));
    }

    /** The tokens put back together as text. */
    static String text(List<Token> tokens) {
        StringBuilder b = new StringBuilder();
        for (Token t : tokens) {
            b.append(t.text());
        }
        return b.toString();
    }

    /** Splits a simple-query string into its statements at top-level semicolons; blank statements are dropped. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int depth = 0;
        for (Token t : tokens(sql)) {
            if (t.isPunct("(")) {
                depth++;
            } else if (t.isPunct(")")) {
                depth--;
            }
            if (t.isPunct(";") && depth <= 0) {
                add(out, current);
                current = new ArrayList<>();
                depth = 0;
            } else {
                current.add(t);
            }
        }
        add(out, current);
        return out;
    }

    private static void add(List<String> out, List<Token> statement) {
        if (statement.stream().anyMatch(t -> t.kind() != Kind.SPACE)) {
            out.add(text(statement).strip());
        }
    }
}
