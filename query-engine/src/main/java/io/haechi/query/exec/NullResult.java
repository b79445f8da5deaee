package io.haechi.query.exec;

/** What a predicate gives for a NULL value, in SQL's three-valued logic. */
public enum NullResult {
    FALSE, UNKNOWN, TRUE;

    NullResult not() {
        return this == TRUE ? FALSE : this == FALSE ? TRUE : UNKNOWN;
    }

    NullResult and(NullResult o) {
        return values()[Math.min(ordinal(), o.ordinal())];
    }

    NullResult or(NullResult o) {
        return values()[Math.max(ordinal(), o.ordinal())];
    }

    static NullResult of(Boolean b) {
        return b == null ? UNKNOWN : b ? TRUE : FALSE;
    }
}
