/**
 * The row-key codec (shard prefix, cuboid id, fixed-width dimension codes), scan key ranges from code ranges, rollup
 * projection between cuboids, and the measure cell codec.
 */
package io.haechi.model.rowkey;
