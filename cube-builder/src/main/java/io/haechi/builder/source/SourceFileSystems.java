package io.haechi.builder.source;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the {@link SourceFileSystem} for a location. {@link #local()} knows local paths and {@code file:} URIs;
 * {@link #with} adds another (an HDFS one, later) in front.
 */
public final class SourceFileSystems {
    private final List<SourceFileSystem> fileSystems;

    private SourceFileSystems(List<SourceFileSystem> fileSystems) {
        this.fileSystems = List.copyOf(fileSystems);
    }

    /** Local paths and {@code file:} URIs only. */
    public static SourceFileSystems local() {
        return new SourceFileSystems(List.of(LocalSourceFileSystem.INSTANCE));
    }

    /** These file systems plus one, which is asked first. */
    public SourceFileSystems with(SourceFileSystem fileSystem) {
        requireNonNull(fileSystem, "fileSystem is null");
        List<SourceFileSystem> all = new ArrayList<>();
        all.add(fileSystem);
        all.addAll(fileSystems);
        return new SourceFileSystems(all);
    }

    /** The file system serving the location; {@code UNSUPPORTED_SOURCE} for an unknown scheme. */
    public SourceFileSystem forLocation(String location) {
        requireNonNull(location, "location is null");
        for (SourceFileSystem fs : fileSystems) {
            if (fs.accepts(location)) {
                return fs;
            }
        }
        throw new HaechiException(ErrorCode.UNSUPPORTED_SOURCE, "cannot read '" + location + "': the scheme '"
                + LocalSourceFileSystem.scheme(location) + ":' has no source file system in this build; "
                + "local paths and file: URIs are supported");
    }
}
