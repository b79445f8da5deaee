package io.haechi.builder.source;

import static java.util.Objects.requireNonNull;

/**
 * A file or directory of a {@link SourceFileSystem}.
 *
 * @param path the path as the file system understands it and as reports show it
 * @param name the last path element
 * @param directory whether it is a directory
 * @param length the file length in bytes (0 for a directory)
 */
public record SourceFile(String path, String name, boolean directory, long length) {
    public SourceFile {
        requireNonNull(path, "path is null");
        requireNonNull(name, "name is null");
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative, got " + length);
        }
    }
}
