package io.haechi.model.expr;

import io.haechi.model.error.HaechiException;
import java.util.ArrayList;
import java.util.List;

/** Splits expression text into tokens; positions are 1-based. */
final class ExprLexer {
    private final String text;
    private int pos;

    private ExprLexer(String text) {
        this.text = text;
    }

    static List<Token> tokenize(String text) {
        return new ExprLexer(text).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipBlanks();
            if (pos >= text.length()) {
                tokens.add(new Token(Token.Kind.END, "", pos + 1));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipBlanks() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '-' && pos + 1 < text.length() && text.charAt(pos + 1) == '-') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private Token next() {
        int start = pos;
        char c = text.charAt(pos);
        if (Character.isLetter(c) || c == '_') {
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            return new Token(Token.Kind.IDENTIFIER, text.substring(start, pos), start + 1);
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
            return number(start);
        }
        if (c == '\'') {
            return new Token(Token.Kind.STRING, quoted('\'', "string"), start + 1);
        }
        if (c == '"') {
            String name = quoted('"', "quoted identifier");
            if (name.isEmpty()) {
                throw error(start, "a quoted identifier must not be empty");
            }
            return new Token(Token.Kind.QUOTED_IDENTIFIER, name, start + 1);
        }
        for (String symbol : new String[] {"<>", "!=", "<=", ">=", "=", "<", ">", "+", "-", "*", "/", "%", "(", ")",
            ",", "."}) {
            if (text.startsWith(symbol, pos)) {
                pos += symbol.length();
                return new Token(Token.Kind.SYMBOL, symbol.equals("!=") ? "<>" : symbol, start + 1);
            }
        }
        throw error(start, "unexpected character '" + c + "'");
    }

    private Token number(int start) {
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int mark = pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (pos >= text.length() || !Character.isDigit(text.charAt(pos))) {
                throw error(mark, "expected digits after the exponent 'E'");
            }
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        if (pos < text.length() && (Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '_')) {
            throw error(pos, "expected an operator or a separator after the number '" + text.substring(start, pos)
                    + "', found '" + text.charAt(pos) + "'");
        }
        return new Token(Token.Kind.NUMBER, text.substring(start, pos), start + 1);
    }

    private String quoted(char quote, String what) {
        int start = pos++;
        StringBuilder value = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                if (pos < text.length() && text.charAt(pos) == quote) {
                    value.append(quote);
                    pos++;
                } else {
                    return value.toString();
                }
            } else {
                value.append(c);
            }
        }
        throw error(start, "unterminated " + what + ": expected a closing " + quote);
    }

    private HaechiException error(int index, String message) {
        return ExprParser.error(text, index + 1, message);
    }
}
