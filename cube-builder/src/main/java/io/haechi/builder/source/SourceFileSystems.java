package io.haechi.builder.source;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Chooses the {@link SourceFileSystem} for a location. {@link #local()} knows local paths and {@code file:} URIs;
 * {@link #withHadoop} adds every other scheme through Hadoop's {@code FileSystem}; {@link #with} adds any other
 * implementation in front.
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

    /**
     * Local paths and {@code file:} URIs through {@code java.nio}, every other URI scheme through Hadoop, configured
     * by the {@code fs.*}, {@code dfs.*} and {@code hadoop.*} keys of {@code settings} over Hadoop's defaults.
     */
    public static SourceFileSystems withHadoop(Map<String, String> settings) {
        return local().with(new HadoopSourceFileSystem(settings));
    }

    /** {@link #withHadoop} with Hadoop's default configuration. */
    public static SourceFileSystems standard() {
        return withHadoop(Map.of());
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
                + "this reader knows local paths and file: URIs only");
    }
}
