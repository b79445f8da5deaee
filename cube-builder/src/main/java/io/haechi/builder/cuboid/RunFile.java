package io.haechi.builder.cuboid;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/** A finished file of rows sorted by key, each key once: a spilled run or a cuboid kept for its children. */
record RunFile(Path path, RowFormat format, long rows, long bytes) {
    RunFile {
        requireNonNull(path, "path is null");
        requireNonNull(format, "format is null");
    }
}
