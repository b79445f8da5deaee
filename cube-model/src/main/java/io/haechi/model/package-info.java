/**
 * Haechi's vocabulary, shared by the builder, the store and the query engine. Pure and I/O-free: this module knows no
 * engine (HBase, Calcite, Avro), which the build enforces.
 */
package io.haechi.model;
