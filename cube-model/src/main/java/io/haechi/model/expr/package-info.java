/**
 * The SQL expression subset of computed columns, SUM-over-expression measures and model filters: an immutable AST,
 * a recursive-descent parser, a printer that round-trips, a type checker and an evaluator over rows.
 */
package io.haechi.model.expr;
