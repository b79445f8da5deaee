package io.haechi.model.dict;

import io.haechi.model.table.DataType;

/** {@code boolean}: one byte, 0 for false, 1 for true (0xFF NULL). */
public final class BooleanEncoding extends LongDomainEncoding {
    public BooleanEncoding() {
        super(DataType.BOOLEAN, 1, 0, 1);
    }

    @Override
    public String spec() {
        return "boolean";
    }

    @Override
    protected long toLong(Object canonical) {
        return ((Boolean) canonical) ? 1 : 0;
    }

    @Override
    protected Object fromLong(long v) {
        return v == 1;
    }
}
