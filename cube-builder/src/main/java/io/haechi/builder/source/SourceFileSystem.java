package io.haechi.builder.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.List;

/**
 * The file operations the source readers need, so that a table's location can live on any file system. The local
 * implementation ({@link LocalSourceFileSystem}) serves plain paths and {@code file:} URIs; {@link
 * HadoopSourceFileSystem} serves every other scheme through Hadoop's {@code FileSystem} (listStatus, open, an
 * {@code FSDataInputStream} as a seekable channel). {@link SourceFileSystems} picks one per location.
 */
public interface SourceFileSystem {
    /** Whether this file system serves the location (by its URI scheme). */
    boolean accepts(String location);

    /** The file or directory at a location; {@code SOURCE_NOT_FOUND} when there is none. */
    SourceFile resolve(String location);

    /** The entries of a directory, sorted by name so that listings are deterministic. */
    List<SourceFile> list(SourceFile directory) throws IOException;

    /** Opens a file for sequential reading. */
    InputStream open(SourceFile file) throws IOException;

    /** Opens a file for random access (Avro re-synchronises after a corrupt block). */
    SeekableByteChannel openSeekable(SourceFile file) throws IOException;
}
