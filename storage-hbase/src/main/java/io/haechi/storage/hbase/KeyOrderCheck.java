package io.haechi.storage.hbase;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.util.Arrays;
import org.apache.hadoop.hbase.util.Bytes;

/** Checks that (row, qualifier) pairs arrive strictly ascending, and names both keys when they do not. */
final class KeyOrderCheck {
    private final String table;
    private byte[] lastRow;
    private byte[] lastQualifier;

    KeyOrderCheck(String table) {
        this.table = table;
    }

    void check(byte[] row, byte[] qualifier) {
        if (row == null || row.length == 0) {
            throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "load into table " + table + ": empty row key");
        }
        if (lastRow != null) {
            int order = Arrays.compareUnsigned(lastRow, row);
            if (order == 0) {
                order = Arrays.compareUnsigned(lastQualifier, qualifier);
            }
            if (order >= 0) {
                throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "load into table " + table
                        + ": cells must come in strictly ascending (row, qualifier) order, but row "
                        + Bytes.toStringBinary(row) + " qualifier " + Bytes.toStringBinary(qualifier)
                        + (order == 0 ? " repeats" : " came after") + " row " + Bytes.toStringBinary(lastRow)
                        + " qualifier " + Bytes.toStringBinary(lastQualifier));
            }
        }
        lastRow = row.clone();
        lastQualifier = qualifier.clone();
    }
}
