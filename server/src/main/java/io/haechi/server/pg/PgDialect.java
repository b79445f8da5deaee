package io.haechi.server.pg;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.server.pg.SqlLexer.Kind;
import io.haechi.server.pg.SqlLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Translates the PostgreSQL-only syntax that clients send into the SQL Calcite parses, token by token, leaving
 * standard SQL as it is: {@code $n} parameters become {@code ?} (with their order recorded), {@code x::type} becomes
 * {@code CAST(x AS type)} (or a {@code pg_catalog.regclass(x)}-style call for the reg* types), {@code E'...'} strings
 * plain literals, {@code COLLATE} clauses are dropped, and the regular-expression operators {@code ~}, {@code !~},
 * {@code OPERATOR(pg_catalog.~)} become {@code RLIKE}. For the catalog it also writes set-returning functions as
 * Calcite's table functions: {@code FROM f(x) AS s(c)} gets {@code TABLE(...)}, and such a function in a select list
 * moves into the FROM clause as a lateral table, as PostgreSQL evaluates it.
 */
final class PgDialect {
    /** Who runs the translated statement: the engine (standard SQL) or the pg_catalog connection. */
    enum Target { ENGINE, CATALOG }

    /** The translated SQL; {@code parameterOrder[k]} is the 1-based {@code $n} the k-th {@code ?} stands for. */
    record Translation(String sql, int[] parameterOrder, int parameterCount) {
    }

    /** Set-returning functions of the catalog and their output columns. */
    static final Map<String, List<String>> SET_RETURNING = Map.of(
            "generate_series", List.of("generate_series"),
            "_pg_expandarray", List.of("x", "n"),
            "pg_partition_ancestors", List.of("relid"),
            "pg_get_keywords", List.of("word", "catcode", "catdesc"));

    private static final Set<String> CLAUSE_ENDS = Set.of("where", "group", "having", "order", "limit", "offset",
            "fetch", "union", "except", "intersect", "window", "for", "returning");
    private static final Set<String> NOT_FUNCTIONS = Set.of("select", "from", "where", "and", "or", "not", "in",
            "on", "when", "then", "else", "as", "by", "values", "exists", "any", "all", "some", "join", "using",
            "case", "end", "is", "like", "between", "distinct", "union", "with", "lateral", "table", "rlike");
    private static final Map<String, String> CAST_TYPES = Map.ofEntries(
            Map.entry("int2", "SMALLINT"), Map.entry("smallint", "SMALLINT"),
            Map.entry("int4", "INTEGER"), Map.entry("int", "INTEGER"), Map.entry("integer", "INTEGER"),
            Map.entry("int8", "BIGINT"), Map.entry("bigint", "BIGINT"),
            Map.entry("float4", "REAL"), Map.entry("real", "REAL"),
            Map.entry("float8", "DOUBLE"), Map.entry("float", "DOUBLE"), Map.entry("double", "DOUBLE"),
            Map.entry("numeric", "DECIMAL"), Map.entry("decimal", "DECIMAL"),
            Map.entry("text", "VARCHAR"), Map.entry("varchar", "VARCHAR"), Map.entry("name", "VARCHAR"),
            Map.entry("bpchar", "VARCHAR"), Map.entry("character", "CHAR"), Map.entry("char", "CHAR"),
            Map.entry("bool", "BOOLEAN"), Map.entry("boolean", "BOOLEAN"),
            Map.entry("date", "DATE"), Map.entry("timestamp", "TIMESTAMP"), Map.entry("timestamptz", "TIMESTAMP"),
            Map.entry("time", "TIME"), Map.entry("oid", "INTEGER"), Map.entry("xid", "INTEGER"),
            Map.entry("bytea", "VARBINARY"));
    private static final Set<String> REG_TYPES = Set.of("regclass", "regtype", "regproc", "regprocedure",
            "regnamespace", "regrole", "regoper");

    private final Target target;
    private final List<Integer> order = new ArrayList<>();
    private int srfCount;

    private PgDialect(Target target) {
        this.target = target;
    }

    static Translation translate(String sql, Target target) {
        PgDialect d = new PgDialect(target);
        List<Token> tokens = d.simple(SqlLexer.tokens(sql));
        tokens = d.casts(tokens);
        if (target == Target.CATALOG) {
            Group root = Group.of(tokens);
            d.tableFunctions(root);
            tokens = root.flatten();
        }
        int count = d.order.stream().mapToInt(Integer::intValue).max().orElse(0);
        return new Translation(SqlLexer.text(tokens), d.order.stream().mapToInt(Integer::intValue).toArray(), count);
    }

    // ---- pass 1: parameters, E'' strings, COLLATE, regex operators, niladic functions

    private List<Token> simple(List<Token> in) {
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            Token t = in.get(i);
            if (t.kind() == Kind.PARAM) {
                order.add(Integer.parseInt(t.value()));
                out.add(new Token(Kind.OP, "?", "?"));
            } else if (t.is("collate")) {
                // COLLATE name[.name]: collations do not change these comparisons here.
                int j = next(in, i);
                while (j < in.size() && in.get(j).isName()) {
                    int dot = next(in, j);
                    if (dot < in.size() && in.get(dot).isPunct(".")) {
                        j = next(in, dot);
                    } else {
                        j = dot;
                        break;
                    }
                }
                i = j - 1;
            } else if (t.is("operator") && peekPunct(in, i, "(")) {
                // OPERATOR(pg_catalog.~): the operator inside.
                int j = next(in, i);
                int close = j;
                while (close < in.size() && !in.get(close).isPunct(")")) {
                    close++;
                }
                Token op = null;
                for (int k = j; k < close; k++) {
                    if (in.get(k).kind() == Kind.OP) {
                        op = in.get(k);
                    }
                }
                if (op == null || close >= in.size()) {
                    throw new HaechiException(ErrorCode.SQL_PARSE_ERROR, "syntax error at or near \"OPERATOR\"");
                }
                i = close;
                regexOrOperator(op, in, i, out);
            } else if (target == Target.CATALOG && t.kind() == Kind.STRING && booleanLiteral(t.value()) != null
                    && comparedWithBooleanColumn(out)) {
                // PostgreSQL reads 't'/'f' compared with a boolean as a boolean; Calcite would cast and fail.
                out.add(Token.word(booleanLiteral(t.value())));
            } else if (t.kind() == Kind.OP) {
                regexOrOperator(t, in, i, out);
            } else if (target == Target.CATALOG && t.kind() == Kind.WORD && !previousIsDot(out)
                    && niladic(t.name()) != null) {
                out.add(Token.word(niladic(t.name())));
                int open = next(in, i);
                int close = open < in.size() && in.get(open).isPunct("(") ? next(in, open) : -1;
                if (close > 0 && close < in.size() && in.get(close).isPunct(")")) {
                    i = close;
                }
            } else if (target == Target.CATALOG && t.kind() == Kind.STRING && t.value().startsWith("{")
                    && t.value().endsWith("}")) {
                out.add(Token.word(arrayLiteral(t.value())));
            } else if (target == Target.CATALOG && t.kind() == Kind.WORD && RESERVED_IN_CALCITE_ONLY.test(t)
                    && usedAsName(in, i, out)) {
                out.add(new Token(Kind.QUOTED, "\"" + t.name() + "\"", t.name()));
            } else {
                out.add(t);
            }
        }
        return out;
    }

    private static String booleanLiteral(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "t", "true" -> "TRUE";
            case "f", "false" -> "FALSE";
            default -> null;
        };
    }

    /** Whether the output ends in {@code <boolean catalog column> =} (or {@code <>}, {@code !=}). */
    private static boolean comparedWithBooleanColumn(List<Token> out) {
        int op = previous(out, out.size());
        if (op < 0 || !(out.get(op).isOp("=") || out.get(op).isOp("<>") || out.get(op).isOp("!="))) {
            return false;
        }
        int name = previous(out, op);
        return name >= 0 && out.get(name).isName()
                && io.haechi.server.pg.catalog.PgCatalog.isBooleanColumn(out.get(name).name());
    }

    /** Words PostgreSQL lets clients use as names (aliases such as {@code result}, {@code ref}) but Calcite reserves. */
    private static final java.util.function.Predicate<Token> RESERVED_IN_CALCITE_ONLY = new java.util.function.Predicate<>() {
        private final org.apache.calcite.sql.parser.SqlAbstractParserImpl.Metadata calcite =
                org.apache.calcite.sql.parser.SqlParser.create("").getMetadata();
        private final Set<String> postgres = Set.of("all", "analyse", "analyze", "and", "any", "array", "as", "asc",
                "asymmetric", "both", "case", "cast", "check", "collate", "column", "constraint", "create",
                "current_catalog", "current_date", "current_role", "current_time", "current_timestamp",
                "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false",
                "fetch", "for", "foreign", "from", "grant", "group", "having", "in", "initially", "intersect", "into",
                "lateral", "leading", "limit", "localtime", "localtimestamp", "not", "null", "offset", "on", "only",
                "or", "order", "placing", "primary", "references", "returning", "select", "session_user", "some",
                "symmetric", "table", "then", "to", "trailing", "true", "union", "unique", "user", "using",
                "variadic", "when", "where", "window", "with", "join", "left", "right", "inner", "outer", "full",
                "cross", "natural", "is", "like", "ilike", "between", "exists", "values", "row", "interval",
                "date", "time", "timestamp", "over", "partition", "by", "filter", "within", "escape", "similar");

        @Override
        public boolean test(Token t) {
            String w = t.name();
            return calcite.isReservedWord(w.toUpperCase(Locale.ROOT)) && !postgres.contains(w);
        }
    };

    /** Whether the word at {@code i} stands where a name does: after {@code )}, AS, a name or a dot, or before a dot. */
    private static boolean usedAsName(List<Token> in, int i, List<Token> out) {
        int before = previous(out, out.size());
        int after = next(in, i);
        if (after < in.size() && in.get(after).isPunct("(")) {
            return false;
        }
        if (after < in.size() && in.get(after).isPunct(".")) {
            return true;
        }
        if (before < 0) {
            return false;
        }
        Token b = out.get(before);
        return b.isPunct(")") || b.isPunct(".") || b.is("as") || (b.isName() && !b.is("select") && !b.is("by")
                && !b.is("and") && !b.is("or") && !b.is("not") && !b.is("where") && !b.is("on") && !b.is("when")
                && !b.is("then") && !b.is("else") && !b.is("from") && !b.is("join") && !b.is("distinct"));
    }

    /** A PostgreSQL array literal {@code '{a,b}'} as {@code ARRAY['a','b']} (numbers stay numbers). */
    private static String arrayLiteral(String value) {
        String body = value.substring(1, value.length() - 1).strip();
        if (body.isEmpty()) {
            return "ARRAY(SELECT 1 FROM (VALUES (1)) WHERE FALSE)";
        }
        List<String> items = new ArrayList<>();
        for (String item : body.split(",", -1)) {
            String v = item.strip();
            if (v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2) {
                v = v.substring(1, v.length() - 1);
            }
            items.add(v.matches("-?\\d+") ? v : "'" + v.replace("'", "''") + "'");
        }
        return "ARRAY[" + String.join(", ", items) + "]";
    }

    private static String niladic(String name) {
        switch (name) {
            case "current_catalog":
                return "pg_catalog.current_database()";
            case "current_schema":
                return "pg_catalog.current_schema_name()";
            case "current_user":
            case "session_user":
            case "current_role":
                return "pg_catalog.current_user_name()";
            default:
                return null;
        }
    }

    private void regexOrOperator(Token op, List<Token> in, int i, List<Token> out) {
        switch (op.text()) {
            case "~" -> out.add(Token.word("RLIKE"));
            case "!~" -> {
                out.add(Token.word("NOT"));
                out.add(Token.space());
                out.add(Token.word("RLIKE"));
            }
            case "~*", "!~*" -> {
                int j = next(in, i);
                if (j >= in.size() || in.get(j).kind() != Kind.STRING) {
                    throw new HaechiException(ErrorCode.SQL_VALIDATION_ERROR, "operator " + op.text()
                            + " is supported with a literal pattern only");
                }
                if (op.text().startsWith("!")) {
                    out.add(Token.word("NOT"));
                    out.add(Token.space());
                }
                out.add(Token.word("RLIKE"));
                out.add(Token.space());
                // The pattern literal follows; mark it case-insensitive when it is copied.
                in.set(j, Token.string("(?i)" + in.get(j).value()));
            }
            default -> out.add(op);
        }
    }

    // ---- pass 2: x::type

    private List<Token> casts(List<Token> in) {
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            Token t = in.get(i);
            if (target == Target.CATALOG && (t.isOp("=") || t.isOp("<>") || t.isOp("!=")) && quantified(in, i)) {
                i = quantifiedArray(in, i, out);
                continue;
            }
            if (!t.isOp("::")) {
                out.add(t);
                continue;
            }
            int start = operandStart(out);
            if (start < 0) {
                throw new HaechiException(ErrorCode.SQL_PARSE_ERROR, "syntax error at or near \"::\"");
            }
            List<Token> operand = new ArrayList<>(out.subList(start, out.size()));
            while (!operand.isEmpty() && operand.get(operand.size() - 1).kind() == Kind.SPACE) {
                operand.remove(operand.size() - 1);
            }
            out.subList(start, out.size()).clear();
            // The type: name[.name] [words of a multi-word type] [(n[, m])] [[]].
            int j = next(in, i);
            List<String> words = new ArrayList<>();
            while (j < in.size() && in.get(j).isName()) {
                words.add(in.get(j).name());
                int k = next(in, j);
                if (k < in.size() && in.get(k).isPunct(".")) {
                    words.clear();
                    j = next(in, k);
                    continue;
                }
                j = k;
                if (!continuesType(words, in, j)) {
                    break;
                }
            }
            String modifiers = "";
            if (j < in.size() && in.get(j).isPunct("(")) {
                int close = j;
                StringBuilder m = new StringBuilder();
                while (close < in.size() && !in.get(close).isPunct(")")) {
                    m.append(in.get(close).text());
                    close++;
                }
                modifiers = m.append(')').toString();
                j = close + 1;
            }
            boolean array = false;
            while (j < in.size() && in.get(j).isPunct("[")) {
                int close = next(in, j);
                if (close < in.size() && in.get(close).isPunct("]")) {
                    array = true;
                    j = close + 1;
                } else {
                    break;
                }
            }
            if (words.isEmpty()) {
                throw new HaechiException(ErrorCode.SQL_PARSE_ERROR, "syntax error at or near \"::\": a type name "
                        + "must follow");
            }
            out.addAll(castOf(operand, String.join(" ", words), modifiers, array));
            i = j - 1;
        }
        return out;
    }

    /** {@code = ANY (array)} / {@code <> ALL (array)}: a quantifier followed by a non-query group. */
    private static boolean quantified(List<Token> in, int i) {
        int q = next(in, i);
        if (q >= in.size() || !(in.get(q).is("any") || in.get(q).is("some") || in.get(q).is("all"))) {
            return false;
        }
        int open = next(in, q);
        if (open >= in.size() || !in.get(open).isPunct("(")) {
            return false;
        }
        int first = next(in, open);
        return first < in.size() && !in.get(first).is("select") && !in.get(first).is("values")
                && !in.get(first).is("with");
    }

    /**
     * Rewrites {@code x = ANY (arr)} as {@code pg_catalog.array_any_eq(arr, x)} and {@code x <> ALL (arr)} as its
     * negation; returns the index of the last token consumed.
     */
    private int quantifiedArray(List<Token> in, int i, List<Token> out) {
        boolean equals = in.get(i).isOp("=");
        int q = next(in, i);
        boolean all = in.get(q).is("all");
        int open = next(in, q);
        int depth = 0;
        int close = open;
        for (; close < in.size(); close++) {
            if (in.get(close).isPunct("(")) {
                depth++;
            } else if (in.get(close).isPunct(")") && --depth == 0) {
                break;
            }
        }
        int start = operandStart(out);
        if (start < 0 || close >= in.size() || equals == all) {
            throw new HaechiException(ErrorCode.SQL_VALIDATION_ERROR, "only = ANY (array) and <> ALL (array) are "
                    + "supported over arrays here");
        }
        List<Token> operand = new ArrayList<>(out.subList(start, out.size()));
        out.subList(start, out.size()).clear();
        List<Token> array = casts(new ArrayList<>(in.subList(open + 1, close)));
        if (all) {
            out.add(Token.word("NOT"));
            out.add(Token.space());
        }
        out.add(Token.word("pg_catalog.array_any_eq"));
        out.add(Token.punct("("));
        out.addAll(array);
        out.add(Token.punct(","));
        out.addAll(operand);
        out.add(Token.punct(")"));
        return close;
    }

    private static boolean continuesType(List<String> words, List<Token> in, int j) {
        if (j >= in.size() || !in.get(j).isName()) {
            return false;
        }
        String w = in.get(j).name();
        String first = words.get(0);
        return (first.equals("double") && w.equals("precision"))
                || (first.equals("character") && w.equals("varying"))
                || ((first.equals("timestamp") || first.equals("time")) && (w.equals("with") || w.equals("without")))
                || (words.size() > 1 && (w.equals("time") || w.equals("zone")));
    }

    private List<Token> castOf(List<Token> operand, String type, String modifiers, boolean array) {
        List<Token> out = new ArrayList<>();
        if (array) {
            // Arrays are kept as they are: the catalog's array columns already have their element types.
            out.addAll(operand);
            return out;
        }
        if (REG_TYPES.contains(type)) {
            out.add(Token.word("pg_catalog." + type));
            out.add(Token.punct("("));
            out.addAll(operand);
            out.add(Token.punct(")"));
            return out;
        }
        String calcite = CAST_TYPES.get(type.split(" ")[0]);
        if (type.startsWith("double precision")) {
            calcite = "DOUBLE";
        } else if (type.startsWith("character varying")) {
            calcite = "VARCHAR";
        }
        if (calcite == null) {
            throw new HaechiException(ErrorCode.SQL_VALIDATION_ERROR, "type \"" + type + "\" does not exist or "
                    + "cannot be cast to here");
        }
        out.add(Token.word("CAST"));
        out.add(Token.punct("("));
        out.addAll(operand);
        out.add(Token.space());
        out.add(Token.word("AS"));
        out.add(Token.space());
        boolean keepsModifiers = calcite.equals("DECIMAL") || calcite.equals("CHAR")
                || (calcite.equals("VARCHAR") && !type.equals("text") && !type.equals("name"));
        out.add(Token.word(calcite + (keepsModifiers ? modifiers : "")));
        out.add(Token.punct(")"));
        return out;
    }

    /** Where the primary expression ending the output starts: a literal, a name chain, a call, a subscript. */
    private static int operandStart(List<Token> out) {
        int i = out.size() - 1;
        while (i >= 0 && out.get(i).kind() == Kind.SPACE) {
            i--;
        }
        if (i < 0) {
            return -1;
        }
        while (true) {
            Token t = out.get(i);
            if (t.isPunct("]")) {
                i = matching(out, i, "[", "]");
                if (i < 0) {
                    return -1;
                }
                i = previous(out, i);
                if (i < 0) {
                    return -1;
                }
                continue;
            }
            if (t.isPunct(")")) {
                int open = matching(out, i, "(", ")");
                if (open < 0) {
                    return -1;
                }
                int before = previous(out, open);
                if (before >= 0 && out.get(before).kind() == Kind.WORD
                        && !NOT_FUNCTIONS.contains(out.get(before).name())) {
                    return chainStart(out, before);
                }
                return open;
            }
            if (t.isName()) {
                return chainStart(out, i);
            }
            if (t.kind() == Kind.STRING || t.kind() == Kind.NUMBER || t.isOp("?")) {
                return i;
            }
            return -1;
        }
    }

    private static int chainStart(List<Token> out, int i) {
        int start = i;
        while (true) {
            int dot = previous(out, start);
            if (dot >= 0 && out.get(dot).isPunct(".")) {
                int name = previous(out, dot);
                if (name >= 0 && out.get(name).isName()) {
                    start = name;
                    continue;
                }
            }
            return start;
        }
    }

    private static int matching(List<Token> out, int close, String open, String closer) {
        int depth = 0;
        for (int i = close; i >= 0; i--) {
            if (out.get(i).isPunct(closer)) {
                depth++;
            } else if (out.get(i).isPunct(open)) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static int previous(List<Token> out, int i) {
        int j = i - 1;
        while (j >= 0 && out.get(j).kind() == Kind.SPACE) {
            j--;
        }
        return j;
    }

    private static int next(List<Token> in, int i) {
        int j = i + 1;
        while (j < in.size() && in.get(j).kind() == Kind.SPACE) {
            j++;
        }
        return j;
    }

    private static boolean peekPunct(List<Token> in, int i, String p) {
        int j = next(in, i);
        return j < in.size() && in.get(j).isPunct(p);
    }

    private static boolean previousIsDot(List<Token> out) {
        int j = previous(out, out.size());
        return j >= 0 && out.get(j).isPunct(".");
    }

    // ---- pass 3 (catalog): table functions in FROM, set-returning functions in select lists

    /** A parenthesised group of tokens: items are tokens or nested groups. */
    private static final class Group {
        final List<Object> items = new ArrayList<>();

        static Group of(List<Token> tokens) {
            Group root = new Group();
            List<Group> stack = new ArrayList<>();
            stack.add(root);
            for (Token t : tokens) {
                Group top = stack.get(stack.size() - 1);
                if (t.isPunct("(")) {
                    Group g = new Group();
                    top.items.add(g);
                    stack.add(g);
                } else if (t.isPunct(")") && stack.size() > 1) {
                    stack.remove(stack.size() - 1);
                } else {
                    top.items.add(t);
                }
            }
            return root;
        }

        List<Token> flatten() {
            List<Token> out = new ArrayList<>();
            flatten(out, true);
            return out;
        }

        private void flatten(List<Token> out, boolean root) {
            if (!root) {
                out.add(Token.punct("("));
            }
            for (Object o : items) {
                if (o instanceof Group g) {
                    g.flatten(out, false);
                } else {
                    out.add((Token) o);
                }
            }
            if (!root) {
                out.add(Token.punct(")"));
            }
        }
    }

    private void tableFunctions(Group g) {
        for (Object o : new ArrayList<>(g.items)) {
            if (o instanceof Group child) {
                tableFunctions(child);
            }
        }
        wrapFromFunctions(g.items);
        hoistSelectListFunctions(g.items);
    }

    /** {@code FROM f(x) AS s(c)} as {@code FROM TABLE(f(x)) AS s(c)}; {@code WITH ORDINALITY} as a variant. */
    private static void wrapFromFunctions(List<Object> items) {
        boolean inFrom = false;
        boolean expectItem = false;
        for (int i = 0; i < items.size(); i++) {
            Object o = items.get(i);
            if (!(o instanceof Token t)) {
                expectItem = false;
                continue;
            }
            if (t.kind() == Kind.SPACE) {
                continue;
            }
            if (t.is("from")) {
                inFrom = true;
                expectItem = true;
                continue;
            }
            if (inFrom && t.kind() == Kind.WORD && CLAUSE_ENDS.contains(t.name())) {
                inFrom = false;
                expectItem = false;
                continue;
            }
            if (inFrom && (t.is("join") || t.isPunct(",") || t.is("lateral"))) {
                expectItem = true;
                continue;
            }
            if (expectItem && t.kind() == Kind.WORD && !NOT_FUNCTIONS.contains(t.name())) {
                // name[.name] followed by a group: a function call in FROM position.
                int j = i;
                String name = t.name();
                int k = nextItem(items, j);
                while (k < items.size() && items.get(k) instanceof Token dot && dot.isPunct(".")) {
                    int n = nextItem(items, k);
                    if (n < items.size() && items.get(n) instanceof Token nt && nt.isName()) {
                        name = nt.name();
                        j = n;
                        k = nextItem(items, j);
                    } else {
                        break;
                    }
                }
                if (k < items.size() && items.get(k) instanceof Group && SET_RETURNING.containsKey(name)) {
                    int afterArgs = nextItem(items, k);
                    boolean ordinality = afterArgs + 2 < items.size() + 2 && isWord(items, afterArgs, "with")
                            && isWord(items, nextItem(items, afterArgs), "ordinality");
                    if (ordinality) {
                        int ord = nextItem(items, afterArgs);
                        items.subList(afterArgs, ord + 1).clear();
                        items.set(j, Token.word(((Token) items.get(j)).text() + "_with_ordinality"));
                    }
                    Group table = new Group();
                    table.items.addAll(items.subList(i, k + 1));
                    items.subList(i, k + 1).clear();
                    items.add(i, Token.word("TABLE"));
                    items.add(i + 1, table);
                    i++;
                }
            }
            expectItem = false;
        }
    }

    private static boolean isWord(List<Object> items, int i, String word) {
        return i < items.size() && items.get(i) instanceof Token t && t.is(word);
    }

    private static int nextItem(List<Object> items, int i) {
        int j = i + 1;
        while (j < items.size() && items.get(j) instanceof Token t && t.kind() == Kind.SPACE) {
            j++;
        }
        return j;
    }

    /** A set-returning call in a select list: evaluated once per row of FROM, as a lateral table. */
    private void hoistSelectListFunctions(List<Object> items) {
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Token t) || !t.is("select")) {
                continue;
            }
            int listEnd = i + 1;
            int from = -1;
            while (listEnd < items.size()) {
                if (items.get(listEnd) instanceof Token e && e.kind() == Kind.WORD) {
                    if (e.is("from")) {
                        from = listEnd;
                        break;
                    }
                    if (CLAUSE_ENDS.contains(e.name()) || e.is("select")) {
                        break;
                    }
                }
                listEnd++;
            }
            List<List<Object>> laterals = new ArrayList<>();
            List<String> calls = new ArrayList<>();
            for (int k = i + 1; k < listEnd; k++) {
                int[] call = srfCall(items, k);
                if (call == null) {
                    continue;
                }
                // call = {first item, last item (the args group), alias index or -1}
                String text = SqlLexer.text(flat(items.subList(call[0], call[1] + 1)));
                String name = srfName(items, call[1]);
                int index = calls.indexOf(text);
                String alias;
                if (index < 0) {
                    alias = "srf" + (++srfCount);
                    calls.add(text);
                    List<Object> lateral = new ArrayList<>(items.subList(call[0], call[1] + 1));
                    laterals.add(lateral);
                    laterals.get(laterals.size() - 1).add(0, alias);
                } else {
                    alias = (String) laterals.get(index).get(0);
                }
                List<String> columns = SET_RETURNING.get(name);
                // (f(x)).field: the group around the call, then .field
                int start = call[0];
                int end = call[1];
                String column = null;
                if (call[2] >= 0) {
                    column = ((Token) items.get(call[2])).name();
                    end = call[2];
                }
                List<Object> replacement = new ArrayList<>();
                if (column != null || columns.size() == 1) {
                    replacement.add(Token.word(alias + "." + (column != null ? column : columns.get(0))));
                } else {
                    // A composite value as a row with the function's column names.
                    StringBuilder row = new StringBuilder("CAST(ROW(");
                    StringBuilder type = new StringBuilder(" AS ROW(");
                    for (int c = 0; c < columns.size(); c++) {
                        row.append(c == 0 ? "" : ", ").append(alias).append('.').append(columns.get(c));
                        type.append(c == 0 ? "" : ", ").append(columns.get(c)).append(" INTEGER");
                    }
                    replacement.add(Token.word(row.append(')').append(type).append("))").toString()));
                }
                items.subList(start, end + 1).clear();
                items.addAll(start, replacement);
                listEnd -= (end + 1 - start) - replacement.size();
                if (from >= 0) {
                    from -= (end + 1 - start) - replacement.size();
                }
                k = start;
            }
            if (laterals.isEmpty()) {
                continue;
            }
            List<Object> insert = new ArrayList<>();
            boolean first = from < 0;
            for (List<Object> lateral : laterals) {
                String alias = (String) lateral.get(0);
                insert.add(Token.space());
                if (first) {
                    insert.add(Token.word("FROM"));
                    first = false;
                } else {
                    insert.add(Token.punct(","));
                    insert.add(Token.space());
                    insert.add(Token.word("LATERAL"));
                }
                insert.add(Token.space());
                insert.add(Token.word("TABLE"));
                Group call = new Group();
                call.items.addAll(lateral.subList(1, lateral.size()));
                insert.add(call);
                insert.add(Token.space());
                insert.add(Token.word("AS " + alias));
                insert.add(Token.space());
            }
            int at;
            if (from < 0) {
                at = listEnd;
            } else {
                at = from + 1;
                while (at < items.size() && !(items.get(at) instanceof Token e && e.kind() == Kind.WORD
                        && (CLAUSE_ENDS.contains(e.name()) || e.is("select")))) {
                    at++;
                }
            }
            items.addAll(at, insert);
        }
    }

    /**
     * A set-returning call starting at {@code k}: {@code [schema.]f(args)} or {@code ([schema.]f(args)).field};
     * returns {first item, last item of the call, index of the field name or -1}, or null.
     */
    private static int[] srfCall(List<Object> items, int k) {
        Object o = items.get(k);
        if (o instanceof Group g) {
            // (f(args)).field
            List<Object> inner = new ArrayList<>();
            for (Object x : g.items) {
                if (!(x instanceof Token t && t.kind() == Kind.SPACE)) {
                    inner.add(x);
                }
            }
            int dot = nextItem(items, k);
            int field = nextItem(items, dot);
            if (!inner.isEmpty() && inner.get(inner.size() - 1) instanceof Group && dot < items.size()
                    && items.get(dot) instanceof Token d && d.isPunct(".") && field < items.size()
                    && items.get(field) instanceof Token f && f.isName()) {
                int[] innerCall = srfCall(inner, 0);
                if (innerCall != null && innerCall[1] == inner.size() - 1) {
                    // Unwrap: replace the group by its content so that the call is visible at this level.
                    items.remove(k);
                    items.addAll(k, inner);
                    int last = k + inner.size() - 1;
                    return new int[] {k, last, nextItem(items, nextItem(items, last))};
                }
            }
            return null;
        }
        if (!(o instanceof Token t) || t.kind() != Kind.WORD) {
            return null;
        }
        int previous = k - 1;
        while (previous >= 0 && items.get(previous) instanceof Token p && p.kind() == Kind.SPACE) {
            previous--;
        }
        if (previous >= 0 && items.get(previous) instanceof Token p && p.isPunct(".")) {
            return null;
        }
        int j = k;
        String name = t.name();
        int n = nextItem(items, j);
        while (n < items.size() && items.get(n) instanceof Token dot && dot.isPunct(".")) {
            int m = nextItem(items, n);
            if (m < items.size() && items.get(m) instanceof Token nt && nt.isName()) {
                name = nt.name();
                j = m;
                n = nextItem(items, j);
            } else {
                return null;
            }
        }
        if (n < items.size() && items.get(n) instanceof Group && SET_RETURNING.containsKey(name)) {
            return new int[] {k, n, -1};
        }
        return null;
    }

    private static String srfName(List<Object> items, int argsIndex) {
        int j = argsIndex - 1;
        while (j >= 0 && items.get(j) instanceof Token t && t.kind() == Kind.SPACE) {
            j--;
        }
        return ((Token) items.get(j)).name();
    }

    private static List<Token> flat(List<Object> items) {
        Group g = new Group();
        g.items.addAll(items);
        return g.flatten();
    }

    /** For messages: the statement's first word, upper case. */
    static String firstWord(String sql) {
        for (Token t : SqlLexer.tokens(sql)) {
            if (t.kind() == Kind.WORD) {
                return t.text().toUpperCase(Locale.ROOT);
            }
            if (t.kind() != Kind.SPACE) {
                return t.text();
            }
        }
        return "";
    }
}
