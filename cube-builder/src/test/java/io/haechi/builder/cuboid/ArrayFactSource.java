package io.haechi.builder.cuboid;

/** Fact rows held in arrays, handed out in batches; thread-safe. */
final class ArrayFactSource implements FactRowSource {
    private final int[][] codes;
    private final long[][] values;
    private int next;

    ArrayFactSource(int[][] codes, long[][] values) {
        this.codes = codes;
        this.values = values;
    }

    @Override
    public synchronized boolean read(FactBatch batch) {
        while (next < codes.length && batch.add(codes[next], values[next])) {
            next++;
        }
        return next < codes.length || batch.size() > 0;
    }
}
