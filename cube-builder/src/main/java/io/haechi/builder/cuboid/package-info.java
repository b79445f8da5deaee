/**
 * The cuboid computation engine: aggregates encoded fact rows into the base cuboid and every other cuboid from its
 * parent, under a memory budget with sorted runs spilled to disk, on all cores, streaming each cuboid's rows in key
 * order into a {@link io.haechi.builder.cuboid.CuboidSink}. Entry point: {@link io.haechi.builder.cuboid.CuboidEngine}.
 */
package io.haechi.builder.cuboid;
