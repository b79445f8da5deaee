package io.haechi.builder.segment;

import io.haechi.builder.reject.RowOrigin;

/** Receives the flat rows one reader thread produces; one sink per thread, so implementations need no locking. */
public interface FlatRowSink extends AutoCloseable {
    /**
     * One fact row that passed the joins and the model filter.
     *
     * @param dimensions the values of the cube's stored dimensions in row-key order (canonical Java values, NULL as
     *     null); the array is reused after the call
     * @param measureArguments each measure's argument value in declared order (null for COUNT(*) and NULL values);
     *     reused after the call
     * @param origin where the fact row came from
     */
    void accept(Object[] dimensions, Object[] measureArguments, RowOrigin origin) throws Exception;

    /** The thread read its last row. */
    @Override
    void close() throws Exception;
}
