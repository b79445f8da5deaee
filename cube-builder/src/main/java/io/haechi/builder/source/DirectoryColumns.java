package io.haechi.builder.source;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.ColumnDesc;

/**
 * Values of table columns that a split's {@code key=value} directories supply (Hive layout: a partition column
 * lives only in the directory names). Used for a column the file does not have; a column the file has is read
 * from the file. Hive's {@code __HIVE_DEFAULT_PARTITION__} is NULL.
 */
final class DirectoryColumns {
    static final String HIVE_NULL = "__HIVE_DEFAULT_PARTITION__";

    private DirectoryColumns() {
    }

    /** Whether the split's directories name this column. */
    static boolean supplies(SourceSplit split, ColumnDesc column) {
        return split.directoryValue(column.name()) != null;
    }

    /** The column's value from the split's directories; the directory value must parse as the column type. */
    static Object value(SourceSplit split, ColumnDesc column, ColumnValues values) {
        String text = split.directoryValue(column.name());
        if (text == null || text.equals(HIVE_NULL)) {
            return null;
        }
        try {
            return values.fromText(text, column.type());
        } catch (BadValueException e) {
            throw new HaechiException(ErrorCode.BAD_SOURCE_ROW, "the directory '" + column.name() + "=" + text
                    + "' above '" + split.file().path() + "' gives column '" + column.name() + "' the value '"
                    + text + "', expected " + e.expected());
        }
    }
}
