package io.haechi.model.star;

/** How a lookup joins: INNER drops fact rows without a match, LEFT keeps them with NULL lookup columns. */
public enum JoinType {
    INNER,
    LEFT
}
