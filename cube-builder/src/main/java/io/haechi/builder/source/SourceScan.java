package io.haechi.builder.source;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.TableDesc;

/**
 * What to read: a table, and optionally the partition range of the segment being built.
 *
 * @param table the source table
 * @param partitionFilter the partition column and range, or null to read every row
 */
public record SourceScan(TableDesc table, PartitionFilter partitionFilter) {
    public SourceScan {
        requireNonNull(table, "table is null");
        if (partitionFilter != null && table.column(partitionFilter.column()).isEmpty()) {
            throw new HaechiException(ErrorCode.UNKNOWN_COLUMN, "the partition column '" + partitionFilter.column()
                    + "' is not a column of table '" + table.name() + "'");
        }
    }

    /** Every row of the table. */
    public static SourceScan all(TableDesc table) {
        return new SourceScan(table, null);
    }

    /** The rows of the table in a partition range. */
    public static SourceScan range(TableDesc table, PartitionFilter filter) {
        return new SourceScan(table, requireNonNull(filter, "filter is null"));
    }

    /** The index of the partition column in the table's columns, or -1 without a filter. */
    int partitionColumnIndex() {
        if (partitionFilter == null) {
            return -1;
        }
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).name().equalsIgnoreCase(partitionFilter.column())) {
                return i;
            }
        }
        throw new IllegalStateException("checked in the constructor");
    }
}
