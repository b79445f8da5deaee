package io.haechi.query.exec;

import io.haechi.model.catalog.SegmentDesc;
import io.haechi.model.spi.CubeStore;
import io.haechi.query.meta.CubeView;

/** What a running cube scan needs from the engine: the store, current metadata, segment codecs, lookups. */
public interface ScanServices {
    CubeStore store();

    /** The cube as it is now (its READY segments may have changed since planning). */
    CubeView currentCube(String project, String cube);

    /** The encodings and codecs of one READY segment (cached). */
    SegmentCodec codec(String project, CubeView cube, SegmentDesc segment);

    /** The lookup table's rows by primary key (cached). */
    LookupSnapshot lookup(String project, String table, java.util.List<String> primaryKey);

    /** A cached scan result (rows in Calcite's representation), or null. */
    default java.util.List<Object[]> cachedResult(Object key) {
        return null;
    }

    /** Offers a scan result to the cache. */
    default void cacheResult(Object key, java.util.List<Object[]> rows) {
    }

    /** Upper bound on the key ranges one scan sends per segment. */
    default int maxKeyRanges() {
        return 16;
    }
}
