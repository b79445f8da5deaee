package io.haechi.server.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.haechi.server.runtime.HaechiSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP BASIC authentication from a users file, seen from the driver-jar JVM. */
class JdbcAuthTest {
    @TempDir
    static Path dir;
    private static JdbcServer server;
    private static DriverJarClient client;

    @BeforeAll
    static void start() throws Exception {
        Path users = dir.resolve("users.properties");
        Files.writeString(users, "analyst: s3cret," + JdbcServer.ROLE + "\nguest: guestpw,other\n",
                StandardCharsets.UTF_8);
        server = new JdbcServer(new CalciteProjects(), new HaechiSettings(Map.of(HaechiSettings.JDBC_PORT, "0",
                HaechiSettings.JDBC_AUTH_USERS, users.toString()))).start();
        client = DriverJarClient.run("auth", "127.0.0.1", server.port(), CalciteProjects.PROJECT);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void credentialsInTheUrlOrThePropertiesLogIn() {
        String expected = "OK " + TinyStar.dates().size();
        assertThat(client.one("auth.url")).isEqualTo(expected);
        assertThat(client.one("auth.properties")).isEqualTo(expected);
    }

    @Test
    void missingOrWrongCredentialsAreRefused() {
        assertThat(client.one("auth.none")).isEqualTo("28P01|0|SQLInvalidAuthorizationSpecException|"
                + "authentication failed: check user and password");
        assertThat(client.one("auth.wrongpassword")).isEqualTo(client.one("auth.none"));
        assertThat(client.one("auth.norole")).isEqualTo("28000|0|SQLInvalidAuthorizationSpecException|"
                + "user not authorised to use this server");
    }
}
