package io.haechi.model.cube;

/** Aggregate functions a measure can precompute. COUNT_DISTINCT is exact (a bitmap). */
public enum MeasureFunction {
    SUM,
    COUNT,
    MIN,
    MAX,
    COUNT_DISTINCT
}
