package io.haechi.server.web;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.AbstractHandler;

/**
 * The web UI's files, from the classpath folder {@value #ROOT} (the {@code web-wizard} jar). {@code /} is
 * {@code index.html}; files under {@code assets/} (Vite's content-hashed names) are cached for a year, everything
 * else is revalidated by ETag. A GET of a path that is no file and has no extension gets {@code index.html}, so the
 * UI's own routes work on reload (SPA fallback). Without a packaged UI, {@code /} explains where the API is. Only
 * files under {@value #ROOT} are reachable: '.' and '..' segments, backslashes and NUL are refused.
 */
final class StaticAssets extends AbstractHandler {
    static final String ROOT = "haechi-web/";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("htm", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"), Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("map", "application/json; charset=utf-8"),
            Map.entry("webmanifest", "application/manifest+json; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"), Map.entry("ttf", "font/ttf"),
            Map.entry("wasm", "application/wasm"));

    /** What the UI's pages may load: only this server, inline styles allowed (charting libraries set them). */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' "
            + "'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    private record Asset(byte[] bytes, String contentType, String etag) {
    }

    private final ClassLoader loader;
    private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

    StaticAssets(ClassLoader loader) {
        this.loader = requireNonNull(loader, "loader is null");
    }

    /** Whether the UI is packaged (its index.html is on the classpath). */
    boolean uiPackaged() {
        return asset("index.html").isPresent();
    }

    @Override
    public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        base.setHandled(true);
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        securityHeaders(response);
        if (!method.equals("GET") && !method.equals("HEAD")) {
            response.setHeader("Allow", "GET, HEAD");
            plain(response, 405, method + " is not supported here; the API is under /api");
            return;
        }
        Optional<String> path = relativePath(request.getRequestURI());
        if (path.isEmpty()) {
            plain(response, 400, "bad path");
            return;
        }
        String p = path.get();
        Optional<Asset> asset = p.isEmpty() || p.endsWith("/") ? asset(p + "index.html") : asset(p);
        boolean immutable = p.startsWith("assets/");
        if (asset.isEmpty() && !lastSegment(p).contains(".")) {
            asset = asset("index.html");
            immutable = false;
            if (asset.isEmpty()) {
                notPackaged(response, p.isEmpty() ? 200 : 404);
                return;
            }
        }
        if (asset.isEmpty()) {
            plain(response, 404, "no such file: /" + p);
            return;
        }
        Asset a = asset.get();
        response.setHeader("ETag", a.etag());
        response.setHeader("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
        String match = request.getHeader("If-None-Match");
        if (match != null && match.contains(a.etag())) {
            response.setStatus(304);
            return;
        }
        response.setStatus(200);
        response.setContentType(a.contentType());
        response.setContentLength(a.bytes().length);
        if (method.equals("GET")) {
            try (OutputStream out = response.getOutputStream()) {
                out.write(a.bytes());
            }
        }
    }

    private static void securityHeaders(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }

    /** The path below the root, decoded; empty when it has a segment that could leave the folder. */
    static Optional<String> relativePath(String rawUri) {
        List<String> segments;
        try {
            segments = ApiHandler.decodedSegments(rawUri);
        } catch (HttpFailure e) {
            return Optional.empty();
        }
        for (String s : segments) {
            if (s.isEmpty() || s.contains("\\") || s.indexOf('\0') >= 0 || s.contains("/") || s.startsWith(".")) {
                return Optional.empty();
            }
        }
        String joined = String.join("/", segments);
        return Optional.of(rawUri.endsWith("/") && !joined.isEmpty() ? joined + "/" : joined);
    }

    private static String lastSegment(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    private Optional<Asset> asset(String path) {
        return cache.computeIfAbsent(path, this::load);
    }

    private Optional<Asset> load(String path) {
        URL url = loader.getResource(ROOT + path);
        if (url == null) {
            return Optional.empty();
        }
        try {
            if (!isFile(url)) {
                return Optional.empty();
            }
            byte[] bytes;
            try (InputStream in = url.openStream()) {
                bytes = in.readAllBytes();
            }
            String ext = lastSegment(path).contains(".") ? path.substring(path.lastIndexOf('.') + 1)
                    .toLowerCase(Locale.ROOT) : "";
            String type = TYPES.getOrDefault(ext, "application/octet-stream");
            return Optional.of(new Asset(bytes, type, "\"" + sha1(bytes) + "\""));
        } catch (IOException | URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** A directory on the classpath is no asset (a jar entry ending in '/', or a directory of target/classes). */
    private static boolean isFile(URL url) throws IOException, URISyntaxException {
        switch (url.getProtocol()) {
            case "file":
                return Files.isRegularFile(Path.of(url.toURI()));
            case "jar":
                URLConnection c = url.openConnection();
                c.setUseCaches(false);
                return c instanceof JarURLConnection j && j.getJarEntry() != null && !j.getJarEntry().isDirectory();
            default:
                return false;
        }
    }

    private static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }

    private static void plain(HttpServletResponse response, int status, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(bytes);
        }
    }

    private static void notPackaged(HttpServletResponse response, int status) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        byte[] bytes = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Haechi</title></head>
                <body>
                <h1>Haechi</h1>
                <p>The web UI is not packaged in this build: the <code>web-wizard</code> module's jar holds no
                <code>haechi-web/index.html</code> (build it with <code>mvn -pl web-wizard -am package</code>, which
                needs Node 20 and npm).</p>
                <p>The REST API works without it: <a href="/api/health">/api/health</a>,
                <a href="/api/projects">/api/projects</a>, and its description
                <a href="/api/openapi.json">/api/openapi.json</a>.</p>
                </body></html>
                """.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(bytes);
        }
    }
}
