package io.haechi.builder.cuboid;

import java.io.IOException;

/**
 * The encoded fact rows of one build: dimension codes in row-key order plus one raw value per measure.
 *
 * <p>Thread safety: the engine's base-cuboid workers call {@link #read} concurrently, one batch per call, so that
 * decoding can run on all cores. A source that cannot decode in parallel makes {@code read} synchronized.
 */
public interface FactRowSource {
    /**
     * Fills {@code batch} from its start with the next rows and sets its size; returns false (size 0) at the end.
     * Rows may be delivered in any order and any partition into batches.
     */
    boolean read(FactBatch batch) throws IOException;
}
