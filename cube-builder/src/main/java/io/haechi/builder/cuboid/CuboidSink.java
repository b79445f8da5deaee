package io.haechi.builder.cuboid;

import java.io.IOException;

/**
 * Where finished cuboids go: the HFile writer, a test collector, a row counter.
 *
 * <p><b>Order and threads.</b> Each cuboid is streamed once, in ascending key order, by one thread, between
 * {@link #open} and {@link CuboidWriter#finish}; several cuboids are streamed at the same time by different threads,
 * in no particular cuboid order. Why not globally ascending cuboid ids: the HBase row key is shard + cuboid id + codes,
 * and the shard is a hash of the codes, so a store writes one sorted HFile per (cuboid, shard) and bulk-loads them all;
 * no HFile ever needs rows of two cuboids, and ordering cuboids would mean holding finished ones (~7 GB for SSB design
 * A) until their turn. A sink that wants one cuboid at a time wraps itself in {@link #serialized}.
 */
public interface CuboidSink {
    /** Starts cuboid {@code cuboid}; {@code dimensions} are its row-key dimension indexes, ascending. */
    CuboidWriter open(long cuboid, int[] dimensions) throws IOException;

    /** A sink that streams one cuboid at a time (other workers wait), for sinks that are not thread-safe. */
    static CuboidSink serialized(CuboidSink sink) {
        return new SerializedCuboidSink(sink);
    }
}
