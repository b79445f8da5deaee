package io.haechi.builder.cuboid;

/** The shape of an aggregated row: key words, long states, object states. */
record RowFormat(int words, int longs, int objects) {
    RowFormat {
        if (words < 1 || longs < 0 || objects < 0) {
            throw new IllegalArgumentException("bad row format " + words + "/" + longs + "/" + objects);
        }
    }

    /** Fixed bytes per row in a run file (object states come on top). */
    int fixedBytes() {
        return 8 * (words + longs) + 4 * objects;
    }
}
