package io.haechi.builder.join;

/** How a fact row without a matching lookup row is treated. */
public enum JoinType {
    /** The fact row is rejected ({@code UNKNOWN_FOREIGN_KEY}); a NULL foreign key never matches. */
    INNER,
    /** The fact row is kept with NULL lookup columns, and the miss is counted. */
    LEFT
}
