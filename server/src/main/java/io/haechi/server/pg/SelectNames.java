package io.haechi.server.pg;

import io.haechi.server.pg.SqlLexer.Kind;
import io.haechi.server.pg.SqlLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The names PostgreSQL gives result columns that have no alias: a function call is named after the function
 * ({@code count(*)} is {@code count}, {@code pg_catalog.version()} is {@code version}), any other expression
 * {@code ?column?}. Calcite would call them {@code EXPR$0}, {@code EXPR$1}, ...; clients show these names as headers
 * and drivers key dictionaries by them.
 */
final class SelectNames {
    private static final Set<String> ENDS = Set.of("from", "where", "group", "having", "order", "limit", "offset",
            "fetch", "union", "except", "intersect", "window", "into");

    private SelectNames() {
    }

    /** The PostgreSQL name of each item of the statement's outermost select list (null where it cannot tell). */
    static List<String> of(String sql) {
        List<Token> tokens = new ArrayList<>();
        for (Token t : SqlLexer.tokens(sql)) {
            if (t.kind() != Kind.SPACE) {
                tokens.add(t);
            }
        }
        int depth = 0;
        int start = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isPunct("(")) {
                depth++;
            } else if (t.isPunct(")")) {
                depth--;
            } else if (depth == 0 && t.is("select")) {
                start = i + 1;
                break;
            }
        }
        List<String> names = new ArrayList<>();
        if (start < 0) {
            return names;
        }
        if (start < tokens.size() && (tokens.get(start).is("distinct") || tokens.get(start).is("all"))) {
            start++;
        }
        List<Token> item = new ArrayList<>();
        depth = 0;
        for (int i = start; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (depth == 0 && (t.isPunct(",") || (t.kind() == Kind.WORD && ENDS.contains(t.name()))
                    || t.isPunct(";"))) {
                names.add(name(item));
                item = new ArrayList<>();
                if (!t.isPunct(",")) {
                    return names;
                }
                continue;
            }
            if (t.isPunct("(")) {
                depth++;
            } else if (t.isPunct(")")) {
                depth--;
            }
            item.add(t);
        }
        names.add(name(item));
        return names;
    }

    private static String name(List<Token> item) {
        if (item.isEmpty()) {
            return null;
        }
        // name[.name](...) and nothing after the closing parenthesis: a call.
        int i = 0;
        String function = null;
        while (i < item.size() && item.get(i).isName()) {
            function = item.get(i).name();
            if (i + 1 < item.size() && item.get(i + 1).isPunct(".")) {
                i += 2;
            } else {
                i++;
                break;
            }
        }
        if (function != null && i < item.size() && item.get(i).isPunct("(") && item.get(item.size() - 1).isPunct(")")
                && closes(item, i)) {
            String f = function.toLowerCase(Locale.ROOT);
            if (f.equals("cast")) {
                return null;
            }
            if (f.endsWith("_name") && (f.equals("current_schema_name") || f.equals("current_user_name"))) {
                return f.substring(0, f.length() - 5);
            }
            return f;
        }
        return "?column?";
    }

    /** Whether the parenthesis at {@code open} closes at the item's end. */
    private static boolean closes(List<Token> item, int open) {
        int depth = 0;
        for (int i = open; i < item.size(); i++) {
            if (item.get(i).isPunct("(")) {
                depth++;
            } else if (item.get(i).isPunct(")")) {
                depth--;
                if (depth == 0) {
                    return i == item.size() - 1;
                }
            }
        }
        return false;
    }
}
