/**
 * Measure types: one small class per aggregate kind (SUM, COUNT, MIN, MAX, exact and approximate COUNT DISTINCT),
 * each an aggregator plus a byte codec of its state, found by function name through {@link
 * io.haechi.model.measure.MeasureTypes}. A new kind is a {@link io.haechi.model.measure.MeasureKind} in this package
 * (or on the class path through {@link java.util.ServiceLoader}); nothing outside needs to change.
 */
package io.haechi.model.measure;
