package io.haechi.model.expr;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.DataType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Recursive-descent parser of the expression subset. Precedence, loosest first: {@code OR}; {@code AND};
 * {@code NOT}; comparisons, {@code [NOT] IN}, {@code [NOT] BETWEEN}, {@code IS [NOT] NULL}; {@code + -};
 * {@code * / %}; unary minus. Keywords ignore case. Errors are {@link ErrorCode#INVALID_EXPRESSION} and name the
 * 1-based position and what was expected there.
 */
public final class ExprParser {
    /** Words that cannot be column names unless double-quoted. */
    static final Set<String> RESERVED = Set.of("AND", "OR", "NOT", "IN", "BETWEEN", "IS", "NULL", "CASE", "WHEN",
            "THEN", "ELSE", "END", "CAST", "AS", "TRUE", "FALSE", "DATE", "TIMESTAMP");
    private static final DateTimeFormatter TIMESTAMP_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");

    private final String text;
    private final List<Token> tokens;
    private int index;

    private ExprParser(String text) {
        this.text = text;
        this.tokens = ExprLexer.tokenize(text);
    }

    /** Parses a whole expression; trailing text is an error. */
    public static Expr parse(String text) {
        requireNonNull(text, "text is null");
        ExprParser parser = new ExprParser(text);
        if (parser.peek().kind() == Token.Kind.END) {
            throw error(text, 1, "the expression is empty");
        }
        Expr expr = parser.orExpr();
        Token rest = parser.peek();
        if (rest.kind() != Token.Kind.END) {
            throw parser.expected("an operator or the end of the expression", rest);
        }
        return expr;
    }

    static HaechiException error(String text, int position, String message) {
        return new HaechiException(ErrorCode.INVALID_EXPRESSION,
                "invalid expression '" + text + "' at position " + position + ": " + message);
    }

    private Expr orExpr() {
        Expr left = andExpr();
        while (acceptKeyword("OR")) {
            left = new BinaryExpr(BinaryOp.OR, left, andExpr());
        }
        return left;
    }

    private Expr andExpr() {
        Expr left = notExpr();
        while (acceptKeyword("AND")) {
            left = new BinaryExpr(BinaryOp.AND, left, notExpr());
        }
        return left;
    }

    private Expr notExpr() {
        if (acceptKeyword("NOT")) {
            return new UnaryExpr(UnaryOp.NOT, notExpr());
        }
        return predicate();
    }

    private Expr predicate() {
        Expr left = additive();
        Token t = peek();
        if (t.kind() == Token.Kind.SYMBOL) {
            BinaryOp op = switch (t.text()) {
                case "=" -> BinaryOp.EQ;
                case "<>" -> BinaryOp.NE;
                case "<" -> BinaryOp.LT;
                case "<=" -> BinaryOp.LE;
                case ">" -> BinaryOp.GT;
                case ">=" -> BinaryOp.GE;
                default -> null;
            };
            if (op != null) {
                index++;
                return new BinaryExpr(op, left, additive());
            }
            return left;
        }
        if (acceptKeyword("IS")) {
            boolean negated = acceptKeyword("NOT");
            expectKeyword("NULL", "NULL or NOT NULL after IS");
            return new IsNullExpr(left, negated);
        }
        boolean negated = false;
        if (peek().isKeyword("NOT") && (peek(1).isKeyword("IN") || peek(1).isKeyword("BETWEEN"))) {
            index++;
            negated = true;
        }
        if (acceptKeyword("IN")) {
            expectSymbol("(", "'(' to open the IN list");
            List<Expr> list = new ArrayList<>();
            do {
                list.add(orExpr());
            } while (acceptSymbol(","));
            expectSymbol(")", "',' or ')' in the IN list");
            return new InExpr(left, list, negated);
        }
        if (acceptKeyword("BETWEEN")) {
            Expr low = additive();
            expectKeyword("AND", "AND between the BETWEEN bounds");
            return new BetweenExpr(left, low, additive(), negated);
        }
        return left;
    }

    private Expr additive() {
        Expr left = multiplicative();
        while (true) {
            if (acceptSymbol("+")) {
                left = new BinaryExpr(BinaryOp.ADD, left, multiplicative());
            } else if (acceptSymbol("-")) {
                left = new BinaryExpr(BinaryOp.SUBTRACT, left, multiplicative());
            } else {
                return left;
            }
        }
    }

    private Expr multiplicative() {
        Expr left = unary();
        while (true) {
            if (acceptSymbol("*")) {
                left = new BinaryExpr(BinaryOp.MULTIPLY, left, unary());
            } else if (acceptSymbol("/")) {
                left = new BinaryExpr(BinaryOp.DIVIDE, left, unary());
            } else if (acceptSymbol("%")) {
                left = new BinaryExpr(BinaryOp.MODULO, left, unary());
            } else {
                return left;
            }
        }
    }

    private Expr unary() {
        if (acceptSymbol("-")) {
            Token t = peek();
            if (t.kind() == Token.Kind.NUMBER) {
                index++;
                return number("-" + t.text(), t);
            }
            return new UnaryExpr(UnaryOp.NEGATE, unary());
        }
        if (acceptSymbol("+")) {
            return unary();
        }
        return primary();
    }

    private Expr primary() {
        Token t = peek();
        switch (t.kind()) {
            case NUMBER -> {
                index++;
                return number(t.text(), t);
            }
            case STRING -> {
                index++;
                return Literal.of(t.text());
            }
            case QUOTED_IDENTIFIER -> {
                return columnRef();
            }
            case SYMBOL -> {
                if (acceptSymbol("(")) {
                    Expr inner = orExpr();
                    expectSymbol(")", "')' to close the '(' at position " + t.position());
                    return inner;
                }
                throw expected("an operand (a column, a literal, '(', CASE or CAST)", t);
            }
            case END -> throw expected("an operand (a column, a literal, '(', CASE or CAST)", t);
            default -> {
                return keywordOrColumn(t);
            }
        }
    }

    private Expr keywordOrColumn(Token t) {
        String word = t.text().toUpperCase(Locale.ROOT);
        switch (word) {
            case "NULL" -> {
                index++;
                return NullLiteral.INSTANCE;
            }
            case "TRUE", "FALSE" -> {
                index++;
                return Literal.of(word.equals("TRUE"));
            }
            case "DATE", "TIMESTAMP" -> {
                index++;
                return temporal(word, t);
            }
            case "CASE" -> {
                index++;
                return caseExpr();
            }
            case "CAST" -> {
                index++;
                return cast();
            }
            default -> {
                if (RESERVED.contains(word)) {
                    throw expected("an operand (a column, a literal, '(', CASE or CAST)", t);
                }
                if (peek(1).isSymbol("(")) {
                    throw error(text, t.position(), "unknown function '" + t.text()
                            + "': expressions support operators, CASE and CAST only");
                }
                return columnRef();
            }
        }
    }

    private Expr columnRef() {
        String first = identifier("a column name");
        if (acceptSymbol(".")) {
            return ColumnRef.of(first, identifier("a column name after '.'"));
        }
        return ColumnRef.of(first);
    }

    private String identifier(String what) {
        Token t = peek();
        if (t.kind() == Token.Kind.QUOTED_IDENTIFIER
                || (t.kind() == Token.Kind.IDENTIFIER && !RESERVED.contains(t.text().toUpperCase(Locale.ROOT)))) {
            index++;
            return t.text();
        }
        throw expected(what, t);
    }

    private Literal number(String digits, Token t) {
        try {
            return Literal.ofNumber(digits);
        } catch (HaechiException e) {
            throw error(text, t.position(), e.getMessage());
        }
    }

    private Literal temporal(String word, Token t) {
        Token value = peek();
        if (value.kind() != Token.Kind.STRING) {
            throw expected("a quoted " + word + " value such as " + (word.equals("DATE") ? "'1998-08-02'"
                    : "'1998-08-02 13:45:00'") + " after " + word, value);
        }
        index++;
        try {
            return word.equals("DATE") ? Literal.of(LocalDate.parse(value.text()))
                    : Literal.of(LocalDateTime.parse(value.text(), TIMESTAMP_TEXT));
        } catch (DateTimeParseException e) {
            throw error(text, value.position(), "'" + value.text() + "' is not a valid " + word + "; expected "
                    + (word.equals("DATE") ? "yyyy-mm-dd" : "yyyy-mm-dd hh:mm:ss[.fff]"));
        }
    }

    private Expr caseExpr() {
        Optional<Expr> subject = peek().isKeyword("WHEN") ? Optional.empty() : Optional.of(orExpr());
        List<CaseExpr.When> whens = new ArrayList<>();
        while (acceptKeyword("WHEN")) {
            Expr condition = orExpr();
            if (subject.isPresent()) {
                condition = new BinaryExpr(BinaryOp.EQ, subject.get(), condition);
            }
            expectKeyword("THEN", "THEN after the WHEN condition");
            whens.add(new CaseExpr.When(condition, orExpr()));
        }
        if (whens.isEmpty()) {
            throw expected("WHEN", peek());
        }
        Optional<Expr> otherwise = acceptKeyword("ELSE") ? Optional.of(orExpr()) : Optional.empty();
        expectKeyword("END", "WHEN, ELSE or END in the CASE expression");
        return new CaseExpr(whens, otherwise);
    }

    private Expr cast() {
        expectSymbol("(", "'(' after CAST");
        Expr operand = orExpr();
        expectKeyword("AS", "AS in CAST(... AS type)");
        Token name = peek();
        if (name.kind() != Token.Kind.IDENTIFIER) {
            throw expected("a type name such as BIGINT or DECIMAL(18,2)", name);
        }
        index++;
        StringBuilder spelling = new StringBuilder(name.text());
        if (acceptSymbol("(")) {
            spelling.append('(').append(typeNumber()).append(acceptSymbol(",") ? "," + typeNumber() : "").append(')');
            expectSymbol(")", "')' after the type's precision or length");
        }
        DataType type;
        try {
            type = DataType.parse(spelling.toString());
        } catch (HaechiException e) {
            throw error(text, name.position(), e.getMessage());
        }
        expectSymbol(")", "')' to close CAST");
        return new CastExpr(operand, type);
    }

    private String typeNumber() {
        Token t = peek();
        if (t.kind() != Token.Kind.NUMBER || !t.text().chars().allMatch(Character::isDigit)) {
            throw expected("an unsigned integer", t);
        }
        index++;
        return t.text();
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    private boolean acceptKeyword(String keyword) {
        if (peek().isKeyword(keyword)) {
            index++;
            return true;
        }
        return false;
    }

    private boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            index++;
            return true;
        }
        return false;
    }

    private void expectKeyword(String keyword, String what) {
        if (!acceptKeyword(keyword)) {
            throw expected(what, peek());
        }
    }

    private void expectSymbol(String symbol, String what) {
        if (!acceptSymbol(symbol)) {
            throw expected(what, peek());
        }
    }

    private HaechiException expected(String what, Token found) {
        return error(text, found.position(), "expected " + what + " but found " + found.describe());
    }
}
