/**
 * The HBase store: the embedded HBase launcher, table layout helpers, HFile bulk load, the region-side aggregation
 * observer with its client-side merge, the metadata store, and {@link io.haechi.storage.hbase.HBaseCubeStore}, the
 * cube store of the storage SPI.
 *
 * <h2>One table per segment</h2>
 * A segment's cuboids live in their own table {@code haechi:seg_<storageId>}, as in Kylin:
 * <ul>
 *   <li><b>Atomic drop.</b> A failed, discarded or refreshed segment goes with one disable + delete: no delete markers,
 *       no tombstoned rows to scan past until a major compaction, no half-deleted state a crash could leave. A build
 *       that dies mid-load leaves a table the next attempt drops before it starts.</li>
 *   <li><b>Split points from the segment's own statistics.</b> Each segment is pre-split where its rows are (a daily
 *       segment of 10 M rows and a monthly one of 300 M get different region counts), instead of inheriting the splits
 *       of a cube-wide table chosen before the data was known.</li>
 *   <li><b>Bulk load into empty regions.</b> The staged HFiles are moved into regions that hold nothing else, so no
 *       load ever interleaves with other segments' files or triggers a rewrite of them.</li>
 *   <li><b>Cost:</b> more tables and regions (a cube with daily segments has one table a day); segment merge (later
 *       work) compacts many small segments into one table, like Kylin's merge job.</li>
 * </ul>
 *
 * <h2>Write path</h2>
 * Row keys are {@code shard(2) + cuboid(8) + codes}, so one cuboid's rows of one shard are contiguous. The builder
 * writes each cuboid sorted by codes from its own thread, shards interleaved; the segment writer keeps one open HFile
 * per shard of the cuboid (each therefore sorted) and rolls it at region boundaries, staging one or more files per
 * (cuboid, shard). {@code finish()} bulk-loads the whole staging directory in one call ({@code BulkLoadHFiles}, many
 * files per region allowed) and deletes it; {@code abort()} deletes the staging directory and drops the table.
 *
 * <h2>Read path</h2>
 * A cube scan carries its {@link io.haechi.storage.hbase.CubeScanPayload} (cuboid, group-by, residual code ranges,
 * measures, the layout to decode them; a versioned binary format) in the scan attribute {@code haechi.agg}; the
 * region observer runs {@link io.haechi.storage.hbase.CubeRegionAggregator} over the region's part of the key ranges
 * (one scanner per region, a {@code MultiRowRangeFilter} for several ranges) and emits one cell per group; the client
 * merges the regions' partials with the same measure types. Both sides refuse to hold more than the configured number
 * of groups.
 */
package io.haechi.storage.hbase;
