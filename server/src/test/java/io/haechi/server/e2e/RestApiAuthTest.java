package io.haechi.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.haechi.server.runtime.BuildQueue;
import io.haechi.server.runtime.HaechiContext;
import io.haechi.server.runtime.HaechiSettings;
import io.haechi.server.web.WebServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the JDBC users file configured, the web endpoint asks for the same credentials (HTTP BASIC, role haechi) on
 * the UI and every API path but the health check.
 */
class RestApiAuthTest {
    @TempDir
    static Path dir;
    private static HaechiContext ctx;
    private static BuildQueue builds;
    private static WebServer server;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        Path users = dir.resolve("users.properties");
        Files.writeString(users, "analyst: s3cret," + WebServer.ROLE + "\nguest: guestpw,other\n",
                StandardCharsets.UTF_8);
        ctx = E2e.context(dir.resolve("haechi"), Map.of(HaechiSettings.WEB_PORT, "0",
                HaechiSettings.JDBC_AUTH_USERS, users.toString()));
        builds = new BuildQueue(ctx);
        server = WebServer.over(ctx, builds, Optional.empty()).start();
        api = new ApiClient(server.port());
    }

    @AfterAll
    static void stop() throws Exception {
        E2e.closeAll(server, builds, ctx);
    }

    private static ApiClient.Response as(String user, String password, String path) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return api.send(api.request(path).header("Authorization", "Basic " + token).GET());
    }

    @Test
    void theUiAndTheApiNeedTheJdbcUsersCredentials() {
        assertThat(server.authenticates()).isTrue();
        ApiClient.Response health = api.get("/api/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("authentication").asBoolean()).isTrue();

        ApiClient.Response anonymous = api.get("/api/projects");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWithIgnoringCase("basic realm=");
        assertThat(anonymous.body().path("code").asInt()).isEqualTo(6002);
        assertThat(api.get("/").status()).isEqualTo(401);
        assertThat(as("analyst", "wrong", "/api/projects").status()).isEqualTo(401);
        ApiClient.Response guest = as("guest", "guestpw", "/api/projects");
        assertThat(guest.status()).as("a user without the role").isEqualTo(403);
        assertThat(guest.body().path("name").asText()).isEqualTo("AUTHENTICATION_FAILED");
        ApiClient.Response analyst = as("analyst", "s3cret", "/api/projects");
        assertThat(analyst.status()).as("%s", analyst).isEqualTo(200);
        assertThat(analyst.body().isArray()).isTrue();
        assertThat(as("analyst", "s3cret", "/").status()).isEqualTo(200);
    }
}
