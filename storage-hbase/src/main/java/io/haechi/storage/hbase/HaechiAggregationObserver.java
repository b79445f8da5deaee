package io.haechi.storage.hbase;

import java.io.IOException;
import java.util.Optional;
import org.apache.hadoop.hbase.DoNotRetryIOException;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.coprocessor.ObserverContext;
import org.apache.hadoop.hbase.coprocessor.RegionCoprocessor;
import org.apache.hadoop.hbase.coprocessor.RegionCoprocessorEnvironment;
import org.apache.hadoop.hbase.coprocessor.RegionObserver;
import org.apache.hadoop.hbase.regionserver.RegionScanner;

/**
 * Region-side pre-aggregation. Loaded for every region through {@code hbase.coprocessor.region.classes}; a scan that
 * carries the attribute {@value AggregationRequest#ATTRIBUTE} gets its region scanner wrapped in an
 * {@link AggregatingRegionScanner}, every other scan is left alone. No protobuf, no per-table deployment.
 */
public final class HaechiAggregationObserver implements RegionCoprocessor, RegionObserver {
    @Override
    public Optional<RegionObserver> getRegionObserver() {
        return Optional.of(this);
    }

    @Override
    public RegionScanner postScannerOpen(ObserverContext<RegionCoprocessorEnvironment> context, Scan scan,
            RegionScanner scanner) throws IOException {
        byte[] attribute = scan.getAttribute(AggregationRequest.ATTRIBUTE);
        if (attribute == null) {
            return scanner;
        }
        RegionAggregator aggregator;
        try {
            aggregator = AggregationRequest.fromBytes(attribute).newAggregator(getClass().getClassLoader());
        } catch (IllegalArgumentException e) {
            // Not retryable: the same request would fail the same way on every region server.
            throw new DoNotRetryIOException("Haechi aggregation request rejected: " + e.getMessage(), e);
        }
        return new AggregatingRegionScanner(scanner, aggregator);
    }
}
