package io.haechi.builder.source;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.io.BufferedInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.UnsupportedFileSystemException;

/**
 * Any Hadoop {@code FileSystem} URI ({@code hdfs://}, {@code viewfs://}, {@code webhdfs://}, {@code s3a://} with
 * hadoop-aws on the classpath, ...): every location with a scheme other than {@code file}, which
 * {@link LocalSourceFileSystem} serves faster through {@code java.nio}.
 *
 * <p>The Hadoop {@link Configuration} is Hadoop's defaults ({@code core-default.xml}, and {@code core-site.xml} if
 * it is on the classpath) overridden by the Haechi settings whose keys start with {@code fs.}, {@code dfs.} or
 * {@code hadoop.}. It is built, and Hadoop's classes loaded, only when the first such location is read.
 *
 * <p>Files are named in reports as the location the table gives plus the path below it, so a sample reads
 * {@code hdfs://nn:8020/ads/event_date=2026-01-02/part-0.avro row 17}, not a rewritten form of it.
 */
public final class HadoopSourceFileSystem implements SourceFileSystem {
    private static final List<String> PREFIXES = List.of("fs.", "dfs.", "hadoop.");

    private final Map<String, String> settings;
    private volatile Configuration configuration;
    /** One FileSystem per scheme and authority; Hadoop's own cache decides whether they are shared. */
    private final Map<String, FileSystem> fileSystems = new ConcurrentHashMap<>();

    /** With the Hadoop keys of {@code settings} (the others are ignored). */
    public HadoopSourceFileSystem(Map<String, String> settings) {
        requireNonNull(settings, "settings is null");
        Map<String, String> hadoop = new TreeMap<>();
        settings.forEach((k, v) -> {
            if (PREFIXES.stream().anyMatch(k::startsWith)) {
                hadoop.put(k, requireNonNull(v, "the value of setting " + k + " is null"));
            }
        });
        this.settings = Map.copyOf(hadoop);
    }

    /** The Hadoop settings this file system applies over Hadoop's defaults. */
    public Map<String, String> hadoopSettings() {
        return settings;
    }

    @Override
    public boolean accepts(String location) {
        String scheme = LocalSourceFileSystem.scheme(location);
        return scheme != null && !scheme.equals("file");
    }

    @Override
    public SourceFile resolve(String location) {
        requireNonNull(location, "location is null");
        Path path = toPath(location);
        FileSystem fs = fileSystem(location, path);
        FileStatus status;
        try {
            status = fs.getFileStatus(path);
        } catch (FileNotFoundException e) {
            throw new HaechiException(ErrorCode.SOURCE_NOT_FOUND, "source location '" + location
                    + "' does not exist");
        } catch (IOException | RuntimeException e) {
            throw new HaechiException(ErrorCode.SOURCE_READ_FAILED, "cannot reach the source location '" + location
                    + "': " + describe(e), e);
        }
        String name = path.getName().isEmpty() ? location : path.getName();
        return file(withoutTrailingSlash(location), name, status);
    }

    @Override
    public List<SourceFile> list(SourceFile directory) throws IOException {
        Path path = toPath(directory.path());
        FileStatus[] children = fileSystem(directory.path(), path).listStatus(path);
        Arrays.sort(children, Comparator.comparing(s -> s.getPath().getName()));
        String prefix = directory.path().endsWith("/") ? directory.path() : directory.path() + "/";
        List<SourceFile> out = new ArrayList<>(children.length);
        for (FileStatus child : children) {
            String name = child.getPath().getName();
            out.add(file(prefix + name, name, child));
        }
        return out;
    }

    @Override
    public InputStream open(SourceFile file) throws IOException {
        Path path = toPath(file.path());
        return new BufferedInputStream(fileSystem(file.path(), path).open(path), 1 << 16);
    }

    @Override
    public SeekableByteChannel openSeekable(SourceFile file) throws IOException {
        Path path = toPath(file.path());
        return new HadoopSeekableChannel(fileSystem(file.path(), path).open(path), file.length());
    }

    private static SourceFile file(String path, String name, FileStatus status) {
        return new SourceFile(path, name, status.isDirectory(), status.isDirectory() ? 0 : status.getLen());
    }

    private static Path toPath(String location) {
        try {
            // Path(String), not URI.create: names such as "region=a%2Fb" or "a b" stay the literal names they are.
            return new Path(location);
        } catch (IllegalArgumentException e) {
            throw new HaechiException(ErrorCode.SOURCE_NOT_FOUND, "'" + location + "' is not a valid file system URI: "
                    + e.getMessage(), e);
        }
    }

    private FileSystem fileSystem(String location, Path path) {
        java.net.URI uri = path.toUri();
        String key = uri.getScheme() + "://" + (uri.getAuthority() == null ? "" : uri.getAuthority());
        FileSystem cached = fileSystems.get(key);
        if (cached != null) {
            return cached;
        }
        return fileSystems.computeIfAbsent(key, k -> connect(location, path));
    }

    private FileSystem connect(String location, Path path) {
        String scheme = path.toUri().getScheme();
        try {
            return path.getFileSystem(configuration());
        } catch (UnsupportedFileSystemException e) {
            throw new HaechiException(ErrorCode.UNSUPPORTED_SOURCE, "cannot read '" + location
                    + "': no Hadoop FileSystem serves the scheme '" + scheme + ":' (" + e.getMessage()
                    + "); hdfs:, viewfs:, webhdfs: and the other schemes of hadoop-client come with Haechi, others "
                    + "need their jar on the classpath (s3a: hadoop-aws) and, if it does not register itself, the "
                    + "setting fs." + scheme + ".impl", e);
        } catch (IOException | RuntimeException e) {
            throw new HaechiException(ErrorCode.SOURCE_READ_FAILED, "cannot reach the source location '" + location
                    + "': " + describe(e), e);
        }
    }

    private Configuration configuration() {
        Configuration c = configuration;
        if (c == null) {
            synchronized (this) {
                c = configuration;
                if (c == null) {
                    c = new Configuration();
                    for (Map.Entry<String, String> e : settings.entrySet()) {
                        c.set(e.getKey(), e.getValue());
                    }
                    configuration = c;
                }
            }
        }
        return c;
    }

    /** The location without trailing slashes, so that children join with one; a root ("hdfs://nn/") stays whole. */
    static String withoutTrailingSlash(String location) {
        int authority = location.indexOf("://");
        int pathStart = authority < 0 ? location.indexOf(':') + 1 : location.indexOf('/', authority + 3);
        if (pathStart < 0) {
            return location;
        }
        String s = location;
        while (s.length() > pathStart + 1 && s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** The exception and its root cause, which is what tells a user whether the name node or the name is wrong. */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String first = e.getClass().getSimpleName() + ": " + e.getMessage();
        return root == e ? first : first + " (caused by " + root.getClass().getSimpleName() + ": "
                + root.getMessage() + ")";
    }
}
