package io.haechi.storage.hbase;

/**
 * Makes the {@link RegionAggregator} of a scan from the payload bytes the client put into the
 * {@link AggregationRequest}. Implementations need a public no-argument constructor and must be on the region servers'
 * classpath (they are, by construction, for the embedded HBase). The payload comes from the network: validate it and
 * fail with an {@link IllegalArgumentException} that says what is wrong.
 */
public interface RegionAggregatorFactory {
    RegionAggregator create(byte[] payload);
}
