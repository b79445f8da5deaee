package io.haechi.builder.cuboid;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** A private sub-directory for one build's spill files; {@link #close} removes it with whatever is left in it. */
final class SpillDirectory implements AutoCloseable {
    private final Path directory;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong spilledBytes = new AtomicLong();
    private final int ioBufferBytes;

    SpillDirectory(Path parent, int ioBufferBytes) {
        this.ioBufferBytes = ioBufferBytes;
        try {
            Files.createDirectories(parent);
            this.directory = Files.createTempDirectory(parent, "haechi-cuboids-");
        } catch (IOException e) {
            throw new HaechiException(ErrorCode.BUILD_FAILED,
                    "cannot create a spill directory under " + parent + ": " + e.getMessage(), e);
        }
    }

    Path newFile(String prefix) {
        return directory.resolve(prefix + "-" + sequence.incrementAndGet() + ".run");
    }

    RunWriter newWriter(String prefix, RowFormat format, MeasureFunctions measures) throws IOException {
        return new RunWriter(newFile(prefix), format, measures, ioBufferBytes, spilledBytes);
    }

    RunReader open(RunFile file, MeasureFunctions measures) throws IOException {
        return new RunReader(file, measures, ioBufferBytes);
    }

    void delete(RunFile file) {
        try {
            Files.deleteIfExists(file.path());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete spill file " + file.path(), e);
        }
    }

    long spilledBytes() {
        return spilledBytes.get();
    }

    Path path() {
        return directory;
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove spill directory " + directory, e);
        }
    }
}
