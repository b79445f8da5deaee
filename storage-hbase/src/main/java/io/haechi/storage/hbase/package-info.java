/**
 * The HBase store: the embedded HBase launcher, table layout helpers, HFile bulk load, the region-side aggregation
 * observer with its client-side merge, and the metadata store.
 */
package io.haechi.storage.hbase;
