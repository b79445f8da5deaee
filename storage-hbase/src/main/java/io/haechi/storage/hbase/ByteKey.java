package io.haechi.storage.hbase;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/** A byte array with value equality and unsigned lexicographic order, for hash maps and sorting of keys. */
public record ByteKey(byte[] bytes) implements Comparable<ByteKey> {
    public ByteKey {
        requireNonNull(bytes, "bytes is null");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ByteKey key && Arrays.equals(bytes, key.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public int compareTo(ByteKey other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public String toString() {
        return org.apache.hadoop.hbase.util.Bytes.toStringBinary(bytes);
    }
}
