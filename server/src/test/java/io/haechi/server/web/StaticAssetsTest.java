package io.haechi.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The UI's files as the web-wizard jar would put them on the classpath: content types, caching (hashed assets
 * immutable, the rest revalidated by ETag), the SPA fallback for the UI's routes, and nothing outside the folder.
 */
class StaticAssetsTest {
    @TempDir
    static Path dir;
    private static Server jetty;
    private static int port;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path root = dir.resolve("cp").resolve("haechi-web");
        Files.createDirectories(root.resolve("assets"));
        Files.writeString(root.resolve("index.html"), "<!doctype html><title>Haechi UI</title>");
        Files.writeString(root.resolve("assets").resolve("index-1a2b3c.js"), "console.log('ui')");
        Files.writeString(root.resolve("assets").resolve("index-1a2b3c.css"), "body{}");
        Files.writeString(root.resolve("favicon.svg"), "<svg/>");
        Files.writeString(dir.resolve("cp").resolve("secret.txt"), "not for the web");
        URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("cp").toUri().toURL()}, null);
        jetty = new Server();
        ServerConnector c = new ServerConnector(jetty);
        c.setHost("127.0.0.1");
        c.setPort(0);
        jetty.addConnector(c);
        jetty.setHandler(new StaticAssets(loader));
        jetty.start();
        port = c.getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.stop();
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void filesComeWithTheirTypesAndCaching() throws Exception {
        HttpResponse<String> index = get("/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("Haechi UI");
        assertThat(index.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(index.headers().firstValue("Cache-Control").orElseThrow()).isEqualTo("no-cache");
        assertThat(index.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'");

        HttpResponse<String> js = get("/assets/index-1a2b3c.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.body()).isEqualTo("console.log('ui')");
        assertThat(js.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(js.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");
        assertThat(get("/assets/index-1a2b3c.css").headers().firstValue("Content-Type").orElseThrow())
                .startsWith("text/css");
        assertThat(get("/favicon.svg").headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/svg+xml");

        String etag = index.headers().firstValue("ETag").orElseThrow();
        assertThat(get("/", "If-None-Match", etag).statusCode()).isEqualTo(304);
    }

    @Test
    void theUiRoutesFallBackToIndexButMissingFilesDoNot() throws Exception {
        HttpResponse<String> route = get("/cubes/ad_events/wizard");
        assertThat(route.statusCode()).isEqualTo(200);
        assertThat(route.body()).contains("Haechi UI");
        assertThat(get("/assets/").body()).contains("Haechi UI");
        assertThat(get("/assets/gone-9z9z.js").statusCode()).isEqualTo(404);
        assertThat(get("/assets/index-1a2b3c.js", "Accept", "*/*").statusCode()).isEqualTo(200);
    }

    @Test
    void nothingOutsideTheFolderIsReachable() throws Exception {
        assertThat(get("/../secret.txt").statusCode()).isIn(400, 404);
        assertThat(get("/%2e%2e/secret.txt").statusCode()).isEqualTo(400);
        assertThat(get("/assets/..%2f..%2fsecret.txt").statusCode()).isEqualTo(400);
        assertThat(get("/.hidden").statusCode()).isEqualTo(400);
        assertThat(get("/assets%5c..%5csecret.txt").statusCode()).isEqualTo(400);
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }
}
