package io.haechi.model.dict;

import io.haechi.model.table.DataType;
import java.time.LocalDateTime;

/** {@code timestamp}: microseconds since 1970-01-01T00:00 in 8 bytes, sign-flipped. */
public final class TimestampEncoding extends LongDomainEncoding {
    public TimestampEncoding() {
        super(DataType.TIMESTAMP, 8, Values.epochMicros(LocalDateTime.of(-290_000, 1, 1, 0, 0)),
                Values.epochMicros(LocalDateTime.of(290_000, 1, 1, 0, 0)));
    }

    @Override
    public String spec() {
        return "timestamp";
    }

    @Override
    protected long toLong(Object canonical) {
        return Values.epochMicros((LocalDateTime) canonical);
    }

    @Override
    protected Object fromLong(long v) {
        return Values.fromEpochMicros(v);
    }
}
