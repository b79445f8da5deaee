/**
 * Dimension encodings (order-preserving dictionaries, integer, date, timestamp, boolean, fixed-length strings), the
 * append-only global id dictionary for exact distinct counts, and the byte helpers their formats share.
 */
package io.haechi.model.dict;
