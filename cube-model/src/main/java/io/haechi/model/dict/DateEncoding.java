package io.haechi.model.dict;

import io.haechi.model.table.DataType;
import java.time.LocalDate;

/**
 * {@code date}: days since 1970-01-01 in 3 bytes, offset by 2^23, so about 22,900 years either side of 1970 (Kylin
 * also used 3 bytes, counted from year 0).
 */
public final class DateEncoding extends LongDomainEncoding {
    public static final int WIDTH = 3;

    public DateEncoding() {
        super(DataType.DATE, WIDTH, -(1L << 23), (1L << 23) - 2);
    }

    @Override
    public String spec() {
        return "date";
    }

    @Override
    protected long toLong(Object canonical) {
        return ((LocalDate) canonical).toEpochDay();
    }

    @Override
    protected Object fromLong(long v) {
        return LocalDate.ofEpochDay(v);
    }
}
