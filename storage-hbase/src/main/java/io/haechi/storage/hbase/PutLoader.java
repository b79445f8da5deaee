package io.haechi.storage.hbase;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Duration;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.BufferedMutator;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Put;

/**
 * The write path for tiny data (tests, a few rows): Puts through a {@link BufferedMutator}. Unlike the HFile path,
 * flushed Puts become visible before {@link #commit()}, and {@link #close()} cannot take them back.
 */
public final class PutLoader implements TableLoad {
    private final TableName table;
    private final BufferedMutator mutator;
    private final KeyOrderCheck order;
    private long cells;
    private long bytes;
    private long writeNanos;
    private boolean finished;

    private PutLoader(TableName table, BufferedMutator mutator) {
        this.table = table;
        this.mutator = mutator;
        this.order = new KeyOrderCheck(table.getNameAsString());
    }

    public static PutLoader open(Connection connection, TableName table) {
        requireNonNull(connection, "connection is null");
        requireNonNull(table, "table is null");
        try {
            return new PutLoader(table, connection.getBufferedMutator(table));
        } catch (IOException e) {
            throw HBaseTables.unavailable("open table " + table + " for writing", e);
        }
    }

    @Override
    public void append(byte[] row, byte[] qualifier, byte[] value) {
        if (finished) {
            throw new IllegalStateException("load into " + table + " is already committed or closed");
        }
        order.check(row, qualifier);
        long start = System.nanoTime();
        try {
            mutator.mutate(new Put(row).addColumn(HBaseTables.FAMILY, qualifier, value));
        } catch (IOException e) {
            throw HBaseTables.unavailable("write to table " + table, e);
        }
        cells++;
        bytes += row.length + qualifier.length + value.length;
        writeNanos += System.nanoTime() - start;
    }

    @Override
    public LoadResult commit() {
        if (finished) {
            throw new IllegalStateException("load into " + table + " is already committed or closed");
        }
        finished = true;
        long start = System.nanoTime();
        try {
            mutator.close();
        } catch (IOException e) {
            throw HBaseTables.unavailable("flush writes to table " + table, e);
        }
        return new LoadResult(table.getNameAsString(), cells, bytes, 0, Duration.ofNanos(writeNanos),
                Duration.ofNanos(System.nanoTime() - start));
    }

    @Override
    public void close() {
        if (!finished) {
            finished = true;
            try {
                mutator.close();
            } catch (IOException e) {
                // closing after a failure: the original error is what matters
            }
        }
    }
}
