package io.haechi.model.expr;

/**
 * A lexical token.
 *
 * @param kind what it is
 * @param text the identifier (unquoted), the number's digits, the string's value, or the symbol
 * @param position 1-based character position in the expression text
 */
record Token(Kind kind, String text, int position) {
    enum Kind { IDENTIFIER, QUOTED_IDENTIFIER, NUMBER, STRING, SYMBOL, END }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    boolean isKeyword(String keyword) {
        return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }

    String describe() {
        return switch (kind) {
            case END -> "end of input";
            case STRING -> "string '" + text + "'";
            case QUOTED_IDENTIFIER -> "\"" + text + "\"";
            default -> "'" + text + "'";
        };
    }
}
