package io.haechi.builder.source;

import static java.util.Objects.requireNonNull;

/**
 * One input file of a table: the unit the builder reads in parallel.
 *
 * @param file the file
 * @param partition the days its partition directories say it holds, or null when its path says nothing about dates
 */
public record SourceSplit(SourceFile file, DateInterval partition) {
    public SourceSplit {
        requireNonNull(file, "file is null");
        if (file.directory()) {
            throw new IllegalArgumentException("a split is a file, not the directory " + file.path());
        }
    }
}
