package io.haechi.builder.source;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * A Hadoop file system of the scheme {@code testfs:} for tests: {@code testfs:///p} is the local file
 * {@code <fs.testfs.root>/p}. The mapping proves that a reader went through Hadoop: the same path read as a local
 * path does not exist.
 */
public final class RootedLocalFileSystem extends RawLocalFileSystem {
    static final String SCHEME = "testfs";
    static final String ROOT_KEY = "fs.testfs.root";
    private static final URI URI_OF_ROOT = URI.create(SCHEME + ":///");

    private File root;

    /** The settings that make {@code testfs:} this file system, rooted at {@code root}, uncached by Hadoop. */
    static java.util.Map<String, String> settings(java.nio.file.Path root) {
        return java.util.Map.of(
                "fs." + SCHEME + ".impl", RootedLocalFileSystem.class.getName(),
                "fs." + SCHEME + ".impl.disable.cache", "true",
                ROOT_KEY, root.toAbsolutePath().toString());
    }

    @Override
    public void initialize(URI name, Configuration conf) throws IOException {
        super.initialize(name, conf);
        String r = conf.get(ROOT_KEY);
        if (r == null) {
            throw new IOException(ROOT_KEY + " is not set");
        }
        root = new File(r);
    }

    @Override
    public URI getUri() {
        return URI_OF_ROOT;
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public File pathToFile(Path path) {
        checkPath(path);
        Path absolute = path.isAbsolute() ? path : new Path(getWorkingDirectory(), path);
        return new File(root, absolute.toUri().getPath());
    }
}
