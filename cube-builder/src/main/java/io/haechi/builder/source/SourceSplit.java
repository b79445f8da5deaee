package io.haechi.builder.source;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One input file of a table: the unit the builder reads in parallel.
 *
 * @param file the file
 * @param partition the days its partition directories say it holds, or null when its path says nothing about dates
 * @param directoryValues the {@code key=value} directories between the table location and the file, keys in lower
 *     case, outermost first: a table column missing from the file takes its value from here (Hive layout, where
 *     partition columns live only in directory names)
 */
public record SourceSplit(SourceFile file, DateInterval partition, Map<String, String> directoryValues) {
    public SourceSplit {
        requireNonNull(file, "file is null");
        if (file.directory()) {
            throw new IllegalArgumentException("a split is a file, not the directory " + file.path());
        }
        directoryValues = java.util.Collections.unmodifiableMap(
                new LinkedHashMap<>(requireNonNull(directoryValues, "directoryValues is null")));
    }

    /** A split of a file with no partition directories. */
    public SourceSplit(SourceFile file) {
        this(file, null, Map.of());
    }

    /** The value a {@code column=value} directory gives a column (ignoring case), or null. */
    public String directoryValue(String column) {
        return directoryValues.get(column.toLowerCase(Locale.ROOT));
    }
}
