package io.haechi.builder.source;

import io.haechi.builder.reject.RejectCollector;
import io.haechi.builder.reject.RejectReason;
import io.haechi.builder.reject.Rejection;
import io.haechi.builder.reject.RowOrigin;
import io.haechi.model.table.ColumnDesc;
import io.haechi.model.table.TableDesc;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The checks every reader applies to a row whose values are already normalised: NOT NULL columns, then the
 * partition column against the split's partition directory and the build range.
 *
 * <p>Why a row outside its partition directory is rejected, not just filtered: pruning skips that directory for
 * the builds of the row's real day, so no build would ever see the row. Rejecting it makes that visible and counts
 * it against the threshold. A row of an unpartitioned file outside the range is only filtered (counted as outside
 * the build range): another segment's build reads it.
 */
final class RowGate {
    private final List<ColumnDesc> columns;
    private final int partitionIndex;
    private final DateInterval range;
    private final DateInterval directoryDays;
    private final RejectCollector rejects;

    RowGate(SourceScan scan, SourceSplit split, RejectCollector rejects) {
        TableDesc table = scan.table();
        this.columns = table.columns();
        this.partitionIndex = scan.partitionColumnIndex();
        this.range = scan.partitionFilter() == null ? null : scan.partitionFilter().range();
        this.directoryDays = split.partition();
        this.rejects = rejects;
    }

    /** Whether the row goes on; when not, it has been counted as rejected or filtered. */
    boolean admit(Object[] values, RowOrigin origin) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null && !columns.get(i).nullable()) {
                rejects.reject(Rejection.ofRow(RejectReason.NULL_IN_NOT_NULL_COLUMN, origin, columns.get(i).name(),
                        null, "a value: the column is NOT NULL"));
                return false;
            }
        }
        if (partitionIndex < 0) {
            return true;
        }
        Object raw = values[partitionIndex];
        String column = columns.get(partitionIndex).name();
        if (raw == null) {
            rejects.reject(Rejection.ofRow(RejectReason.NULL_PARTITION_VALUE, origin, column, null,
                    "a partition date in " + range + ": a NULL partition value belongs to no segment"));
            return false;
        }
        LocalDate day = day(raw);
        if (day == null) {
            rejects.reject(Rejection.ofRow(RejectReason.WRONG_TYPE, origin, column, raw,
                    "a partition date (DATE, TIMESTAMP, yyyyMMdd integer or yyyy-MM-dd text)"));
            return false;
        }
        if (directoryDays != null && !directoryDays.contains(day)) {
            rejects.reject(Rejection.ofRow(RejectReason.PARTITION_MISMATCH, origin, column, raw,
                    "a day in " + directoryDays + " as its partition directory says"));
            return false;
        }
        if (!range.contains(day)) {
            rejects.rowFiltered();
            return false;
        }
        return true;
    }

    /** The day of a partition value, or null when it is none. */
    static LocalDate day(Object v) {
        if (v instanceof LocalDate d) {
            return d;
        }
        if (v instanceof LocalDateTime t) {
            return t.toLocalDate();
        }
        try {
            if (v instanceof Integer || v instanceof Long) {
                return LocalDate.parse(String.valueOf(v), DateTimeFormatter.BASIC_ISO_DATE);
            }
            if (v instanceof String s) {
                return s.length() == 8 ? LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE)
                        : LocalDate.parse(s);
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }
}
