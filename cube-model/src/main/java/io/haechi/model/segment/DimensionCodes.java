package io.haechi.model.segment;

import static java.util.Objects.requireNonNull;

import io.haechi.model.dict.DimensionEncoding;

/**
 * The dense codes of one row-key dimension in one segment: the engine's code {@code i} in {@code [0, cardinality)}
 * stands for the {@code i}-th smallest stored code ({@link #codeBytes}), so dense order is row-key byte order (NULL,
 * whose code is all 0xFF, last). {@link #remap} turns the read pass's provisional ids into dense codes.
 *
 * @param encoding the dimension's encoding in the row key (a dictionary for {@code dict})
 * @param codeBytes the encoding's code of each dense code, ascending
 * @param remap dense code by provisional id
 */
public record DimensionCodes(DimensionEncoding encoding, byte[][] codeBytes, int[] remap) {
    public DimensionCodes {
        requireNonNull(encoding, "encoding is null");
        requireNonNull(codeBytes, "codeBytes is null");
        requireNonNull(remap, "remap is null");
    }

    /** Distinct values (NULL included when present). */
    public int cardinality() {
        return codeBytes.length;
    }
}
