package io.haechi.builder.cuboid;

/** The engine's {@link CuboidRow} flyweight over the current row's arrays. */
final class RowView implements CuboidRow {
    private final KeyLayout layout;
    private final MeasureFunctions measures;
    private long[] key;
    private int keyOffset;
    private long[] longs;
    private int longOffset;
    private Object[] objects;
    private int objectOffset;

    RowView(KeyLayout layout, MeasureFunctions measures) {
        this.layout = layout;
        this.measures = measures;
    }

    void set(long[] key, int keyOffset, long[] longs, int longOffset, Object[] objects, int objectOffset) {
        this.key = key;
        this.keyOffset = keyOffset;
        this.longs = longs;
        this.longOffset = longOffset;
        this.objects = objects;
        this.objectOffset = objectOffset;
    }

    @Override
    public int dimensionCount() {
        return layout.dimensionCount();
    }

    @Override
    public int code(int position) {
        return layout.code(key, keyOffset, position);
    }

    @Override
    public long longState(int measure) {
        if (!measures.isLong(measure)) {
            throw new IllegalArgumentException("measure " + measure + " does not keep a long state");
        }
        return longs[longOffset + measures.position(measure)];
    }

    @Override
    public Object objectState(int measure) {
        if (measures.isLong(measure)) {
            throw new IllegalArgumentException("measure " + measure + " keeps a long state, not an object");
        }
        return objects[objectOffset + measures.position(measure)];
    }
}
