package io.haechi.model.table;

import static java.util.Objects.requireNonNull;

import io.haechi.model.Names;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A source table registered in a project: its name, where its files are, their format, and its columns.
 *
 * @param name table name as the analyst knows it (an identifier)
 * @param location a local path or Hadoop FileSystem URI of a file or a directory (may be empty for a table whose
 *     location is set at build time)
 * @param format the file format
 * @param columns the columns, at least one, names unique ignoring case
 */
public record TableDesc(String name, String location, SourceFormat format, List<ColumnDesc> columns) {
    public TableDesc {
        Names.checkIdentifier(name, "table name");
        requireNonNull(location, "location is null");
        requireNonNull(format, "format is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        if (columns.isEmpty()) {
            throw new HaechiException(ErrorCode.INVALID_DESCRIPTOR, "table '" + name + "' has no columns");
        }
        Set<String> seen = new HashSet<>();
        for (ColumnDesc c : columns) {
            if (!seen.add(c.name().toLowerCase(Locale.ROOT))) {
                throw new HaechiException(ErrorCode.INVALID_DESCRIPTOR,
                        "table '" + name + "' has the column '" + c.name() + "' twice");
            }
        }
    }

    /** The column with this name, ignoring case. */
    public Optional<ColumnDesc> column(String columnName) {
        for (ColumnDesc c : columns) {
            if (c.name().equalsIgnoreCase(columnName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
