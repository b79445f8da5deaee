package io.haechi.builder.source;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Local files through {@code java.nio.file}: plain paths and {@code file:} URIs. */
public final class LocalSourceFileSystem implements SourceFileSystem {
    public static final LocalSourceFileSystem INSTANCE = new LocalSourceFileSystem();

    private LocalSourceFileSystem() {
    }

    @Override
    public boolean accepts(String location) {
        String scheme = scheme(location);
        return scheme == null || scheme.equals("file");
    }

    @Override
    public SourceFile resolve(String location) {
        Path path = toPath(location);
        if (!Files.exists(path)) {
            throw new HaechiException(ErrorCode.SOURCE_NOT_FOUND, "source location '" + location + "' does not exist");
        }
        return toFile(path);
    }

    @Override
    public List<SourceFile> list(SourceFile directory) throws IOException {
        List<SourceFile> out = new ArrayList<>();
        try (Stream<Path> children = Files.list(Path.of(directory.path()))) {
            children.sorted(Comparator.comparing(p -> p.getFileName().toString())).forEach(p -> out.add(toFile(p)));
        }
        return out;
    }

    @Override
    public InputStream open(SourceFile file) throws IOException {
        return new BufferedInputStream(Files.newInputStream(Path.of(file.path())), 1 << 16);
    }

    @Override
    public SeekableByteChannel openSeekable(SourceFile file) throws IOException {
        return Files.newByteChannel(Path.of(file.path()), StandardOpenOption.READ);
    }

    private static SourceFile toFile(Path path) {
        boolean dir = Files.isDirectory(path);
        long length;
        try {
            length = dir ? 0 : Files.size(path);
        } catch (IOException e) {
            throw new HaechiException(ErrorCode.SOURCE_READ_FAILED, "cannot read the size of '" + path + "': " + e, e);
        }
        Path name = path.getFileName();
        return new SourceFile(path.toString(), name == null ? path.toString() : name.toString(), dir, length);
    }

    private static Path toPath(String location) {
        if (location.isEmpty()) {
            throw new HaechiException(ErrorCode.SOURCE_NOT_FOUND, "the table has no source location");
        }
        if ("file".equals(scheme(location))) {
            try {
                return Path.of(URI.create(location)).toAbsolutePath().normalize();
            } catch (IllegalArgumentException e) {
                throw new HaechiException(ErrorCode.SOURCE_NOT_FOUND, "'" + location + "' is not a valid file: URI ("
                        + e.getMessage() + "); write file:///absolute/path", e);
            }
        }
        return Path.of(location).toAbsolutePath().normalize();
    }

    /** The URI scheme of a location, lower case, or null for a plain path (a Windows drive letter is no scheme). */
    static String scheme(String location) {
        int colon = location.indexOf(':');
        if (colon < 2) {
            return null;
        }
        for (int i = 0; i < colon; i++) {
            char c = location.charAt(i);
            boolean ok = Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.';
            if (!ok || (i == 0 && !Character.isLetter(c))) {
                return null;
            }
        }
        return location.substring(0, colon).toLowerCase(Locale.ROOT);
    }
}
