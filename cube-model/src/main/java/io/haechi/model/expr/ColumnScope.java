package io.haechi.model.expr;

/** The columns an expression may use, with their types. */
@FunctionalInterface
public interface ColumnScope {
    /**
     * Resolves a reference to its canonical form (table alias and column name as declared) and type.
     *
     * @throws io.haechi.model.error.HaechiException UNKNOWN_COLUMN, UNKNOWN_TABLE or INVALID_EXPRESSION (ambiguous
     *     or not allowed here), with a message that names the reference
     */
    ResolvedColumn resolve(ColumnRef ref);
}
