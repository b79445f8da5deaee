package io.haechi.server.pg;

import io.haechi.server.pg.SqlLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a statement is, from its leading words: a query for the engine or the catalog, or one of the session
 * statements clients send on their own (SET/SHOW/RESET, transaction control, cursors, DEALLOCATE), or a statement that
 * would change data, which Haechi refuses (it serves cubes read-only).
 *
 * @param kind the statement's kind
 * @param name the setting, savepoint, cursor or prepared statement it names (lower case unless quoted), else ""
 * @param value SET's value as text (quotes removed), FETCH's row count (-1: all), else ""
 * @param query DECLARE's query, EXPLAIN's query, or the statement itself for QUERY
 * @param flags DECLARE: "hold" and/or "binary"; SET: "default" for SET x TO DEFAULT
 */
record PgCommand(Kind kind, String name, String value, String query, Set<String> flags) {
    enum Kind { QUERY, EXPLAIN, EMPTY, SET, SHOW, RESET, BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE, ROLLBACK_TO,
        DEALLOCATE, DECLARE, FETCH, MOVE, CLOSE, DISCARD, UNLISTEN, IGNORED_SET, READ_ONLY, UNSUPPORTED }

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "merge", "create", "drop",
            "alter", "truncate", "copy", "grant", "revoke", "vacuum", "analyze", "analyse", "lock", "call", "do",
            "comment", "reindex", "cluster", "refresh", "import", "security", "reassign", "load", "checkpoint",
            "notify", "listen", "prepare", "execute");

    static PgCommand parse(String sql) {
        List<Token> all = SqlLexer.tokens(sql);
        List<Token> t = new ArrayList<>();
        for (Token x : all) {
            if (x.kind() != SqlLexer.Kind.SPACE) {
                t.add(x);
            }
        }
        while (!t.isEmpty() && t.get(t.size() - 1).isPunct(";")) {
            t.remove(t.size() - 1);
        }
        if (t.isEmpty()) {
            return of(Kind.EMPTY, sql);
        }
        String w0 = word(t, 0);
        String w1 = word(t, 1);
        switch (w0) {
            case "select", "with", "values", "table":
                return of(Kind.QUERY, sql);
            case "explain":
                return new PgCommand(Kind.EXPLAIN, "", "", explained(all), Set.of());
            case "set":
                return set(t);
            case "show":
                return new PgCommand(Kind.SHOW, w1.equals("transaction") && word(t, 2).equals("isolation")
                        ? "transaction_isolation" : name(t, 1), "", sql, Set.of());
            case "reset":
                return new PgCommand(Kind.RESET, name(t, 1), "", sql, Set.of());
            case "begin", "start":
                return of(Kind.BEGIN, sql);
            case "commit", "end":
                return of(Kind.COMMIT, sql);
            case "abort":
                return of(Kind.ROLLBACK, sql);
            case "rollback":
                if (w1.equals("to")) {
                    return new PgCommand(Kind.ROLLBACK_TO, name(t, word(t, 2).equals("savepoint") ? 3 : 2), "", sql,
                            Set.of());
                }
                if (w1.equals("prepared")) {
                    return of(Kind.UNSUPPORTED, sql);
                }
                return of(Kind.ROLLBACK, sql);
            case "savepoint":
                return new PgCommand(Kind.SAVEPOINT, name(t, 1), "", sql, Set.of());
            case "release":
                return new PgCommand(Kind.RELEASE, name(t, w1.equals("savepoint") ? 2 : 1), "", sql, Set.of());
            case "deallocate": {
                int i = w1.equals("prepare") ? 2 : 1;
                return new PgCommand(Kind.DEALLOCATE, word(t, i).equals("all") && t.size() == i + 1 ? "" : name(t, i),
                        "", sql, word(t, i).equals("all") && t.size() == i + 1 ? Set.of("all") : Set.of());
            }
            case "declare":
                return declare(t, all);
            case "fetch", "move":
                return fetch(t, w0.equals("fetch") ? Kind.FETCH : Kind.MOVE, sql);
            case "close":
                return new PgCommand(Kind.CLOSE, w1.equals("all") && t.size() == 2 ? "" : name(t, 1), "", sql,
                        w1.equals("all") && t.size() == 2 ? Set.of("all") : Set.of());
            case "discard":
                return new PgCommand(Kind.DISCARD, w1, "", sql, Set.of());
            case "unlisten":
                return of(Kind.UNLISTEN, sql);
            default:
                if (WRITES.contains(w0)) {
                    return new PgCommand(Kind.READ_ONLY, w0.toUpperCase(Locale.ROOT), "", sql, Set.of());
                }
                if (t.get(0).isPunct("(")) {
                    return of(Kind.QUERY, sql);
                }
                return new PgCommand(Kind.UNSUPPORTED, w0.toUpperCase(Locale.ROOT), "", sql, Set.of());
        }
    }

    private static PgCommand of(Kind kind, String sql) {
        return new PgCommand(kind, "", "", sql, Set.of());
    }

    private static PgCommand set(List<Token> t) {
        int i = 1;
        String w = word(t, i);
        if (w.equals("session") && word(t, i + 1).equals("characteristics")) {
            return new PgCommand(Kind.IGNORED_SET, "session characteristics", "", "", Set.of());
        }
        if (w.equals("session") || w.equals("local")) {
            i++;
            w = word(t, i);
        }
        if (w.equals("transaction") || w.equals("constraints")) {
            return new PgCommand(Kind.IGNORED_SET, w, "", "", Set.of());
        }
        String name;
        int valueStart;
        if (w.equals("time") && word(t, i + 1).equals("zone")) {
            name = "timezone";
            valueStart = i + 2;
        } else if (w.equals("names")) {
            name = "client_encoding";
            valueStart = i + 1;
        } else {
            StringBuilder n = new StringBuilder(name(t, i));
            int j = i + 1;
            while (j + 1 < t.size() && t.get(j).isPunct(".")) {
                n.append('.').append(name(t, j + 1));
                j += 2;
            }
            name = n.toString();
            valueStart = j;
            if (valueStart < t.size() && (t.get(valueStart).is("to") || t.get(valueStart).isOp("="))) {
                valueStart++;
            } else {
                throw new PgError("42601", "syntax error in SET " + name + ": expected TO or =");
            }
        }
        if (valueStart >= t.size()) {
            throw new PgError("42601", "syntax error in SET " + name + ": a value must follow");
        }
        if (t.size() == valueStart + 1 && t.get(valueStart).is("default")) {
            return new PgCommand(Kind.SET, name, "", "", Set.of("default"));
        }
        List<String> parts = new ArrayList<>();
        for (int k = valueStart; k < t.size(); k++) {
            Token v = t.get(k);
            if (v.isPunct(",")) {
                continue;
            }
            parts.add(v.kind() == SqlLexer.Kind.STRING || v.kind() == SqlLexer.Kind.QUOTED ? v.value() : v.text());
        }
        String value = String.join(", ", parts);
        if (name.equals("timezone") && value.equalsIgnoreCase("local")) {
            value = "UTC";
        }
        return new PgCommand(Kind.SET, name, value, "", Set.of());
    }

    private static PgCommand declare(List<Token> t, List<Token> all) {
        String name = name(t, 1);
        Set<String> flags = new java.util.HashSet<>();
        int i = 2;
        while (i < t.size() && !t.get(i).is("cursor")) {
            String w = word(t, i);
            if (w.equals("binary")) {
                flags.add("binary");
            } else if (!Set.of("insensitive", "asensitive", "no", "scroll").contains(w)) {
                throw new PgError("42601", "syntax error in DECLARE at or near \"" + t.get(i).text() + "\"");
            }
            i++;
        }
        i++;
        if (word(t, i).equals("with") && word(t, i + 1).equals("hold")) {
            flags.add("hold");
            i += 2;
        } else if (word(t, i).equals("without") && word(t, i + 1).equals("hold")) {
            i += 2;
        }
        if (!word(t, i).equals("for")) {
            throw new PgError("42601", "syntax error in DECLARE: expected FOR query");
        }
        // The query: the text after the FOR at t[i], taken from the original tokens.
        Token forToken = t.get(i);
        int at = all.indexOf(forToken);
        String query = SqlLexer.text(all.subList(at + 1, all.size())).strip();
        if (query.endsWith(";")) {
            query = query.substring(0, query.length() - 1);
        }
        return new PgCommand(Kind.DECLARE, name, "", query, Set.copyOf(flags));
    }

    private static PgCommand fetch(List<Token> t, Kind kind, String sql) {
        int i = 1;
        long count = 1;
        String w = word(t, i);
        if (w.equals("next")) {
            i++;
        } else if (w.equals("all")) {
            count = -1;
            i++;
        } else if (w.equals("forward")) {
            i++;
            if (word(t, i).equals("all")) {
                count = -1;
                i++;
            } else if (i < t.size() && t.get(i).kind() == SqlLexer.Kind.NUMBER) {
                count = Long.parseLong(t.get(i).text());
                i++;
            }
        } else if (i < t.size() && t.get(i).kind() == SqlLexer.Kind.NUMBER) {
            count = Long.parseLong(t.get(i).text());
            i++;
        } else if (Set.of("prior", "first", "last", "absolute", "relative", "backward").contains(w)) {
            throw new PgError(PgError.FEATURE_NOT_SUPPORTED, "cursor can only scan forward: " + w.toUpperCase(
                    Locale.ROOT) + " is not supported (declare it without SCROLL and FETCH FORWARD)");
        } else if (i < t.size() && t.get(i).isOp("-")) {
            throw new PgError(PgError.FEATURE_NOT_SUPPORTED, "cursor can only scan forward");
        }
        if (word(t, i).equals("from") || word(t, i).equals("in")) {
            i++;
        }
        if (i >= t.size()) {
            throw new PgError("42601", "syntax error in " + kind + ": a cursor name must follow");
        }
        return new PgCommand(kind, name(t, i), String.valueOf(count), sql, Set.of());
    }

    /** EXPLAIN [ANALYZE] [VERBOSE] [(options)] query: the query. */
    private static String explained(List<Token> all) {
        int i = 0;
        while (i < all.size() && (all.get(i).kind() == SqlLexer.Kind.SPACE || all.get(i).is("explain")
                || all.get(i).is("analyze") || all.get(i).is("analyse") || all.get(i).is("verbose"))) {
            i++;
        }
        if (i < all.size() && all.get(i).isPunct("(")) {
            while (i < all.size() && !all.get(i).isPunct(")")) {
                i++;
            }
            i++;
        }
        if (i < all.size() && all.get(i).is("plan")) {
            // Calcite's own EXPLAIN PLAN FOR ...: keep it.
            return SqlLexer.text(all).strip();
        }
        return SqlLexer.text(all.subList(Math.min(i, all.size()), all.size())).strip();
    }

    private static String word(List<Token> t, int i) {
        return i < t.size() && t.get(i).kind() == SqlLexer.Kind.WORD ? t.get(i).text().toLowerCase(Locale.ROOT) : "";
    }

    private static String name(List<Token> t, int i) {
        if (i >= t.size()) {
            throw new PgError("42601", "syntax error at end of input: a name must follow");
        }
        Token x = t.get(i);
        if (x.kind() == SqlLexer.Kind.QUOTED) {
            return x.value();
        }
        if (x.kind() == SqlLexer.Kind.WORD) {
            return x.text().toLowerCase(Locale.ROOT);
        }
        throw new PgError("42601", "syntax error at or near \"" + x.text() + "\"");
    }

    /** Whether the token kind is a name (for callers that look further). */
    static boolean isName(Token t) {
        return t.kind() == SqlLexer.Kind.WORD || t.kind() == SqlLexer.Kind.QUOTED;
    }
}
