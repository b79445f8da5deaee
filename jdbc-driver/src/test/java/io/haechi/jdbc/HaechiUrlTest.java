package io.haechi.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HaechiUrlTest {
    @Test
    void parsesHostPortProjectAndProperties() throws SQLException {
        HaechiUrl url = HaechiUrl.parse("jdbc:haechi://db.example.com:9000/ads;user=ann;password=a=b");
        assertThat(url).isEqualTo(new HaechiUrl("db.example.com", 9000, "ads",
                Map.of("user", "ann", "password", "a=b")));
        assertThat(url.httpUrl()).isEqualTo("http://db.example.com:9000");
        assertThat(url.toString()).isEqualTo("jdbc:haechi://db.example.com:9000/ads");
        assertThat(HaechiUrl.parse("jdbc:haechi://localhost/ssb")).isEqualTo(new HaechiUrl("localhost",
                HaechiUrl.DEFAULT_PORT, "ssb", Map.of()));
        assertThat(HaechiUrl.parse("jdbc:haechi://[::1]:8765/ssb;").httpUrl()).isEqualTo("http://[::1]:8765");
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " # ", quoteCharacter = '"', value = {
        "jdbc:haechi:url=http://h:1 # it must start with jdbc:haechi://",
        "jdbc:haechi://h:8765 # it names no project",
        "jdbc:haechi://h:8765/ # it names no project",
        "jdbc:haechi://h:8765/a/b # the project 'a/b' is not a single name",
        "jdbc:haechi://h:port/a # the port 'port' is not a number in 1..65535",
        "jdbc:haechi://h:70000/a # the port '70000' is not a number in 1..65535",
        "jdbc:haechi://:8765/a # it names no host",
        "jdbc:haechi://h:8765/a;user # 'user' is not key=value",
    })
    void malformedUrlsShowTheExpectedForm(String url, String why) {
        assertThatThrownBy(() -> HaechiUrl.parse(url)).isInstanceOf(SQLException.class)
                .hasMessage("invalid Haechi JDBC URL '" + url + "': " + why + "; expected " + HaechiUrl.FORM)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
    }

    @Test
    void passwordsAreNotEchoed() {
        assertThatThrownBy(() -> HaechiUrl.parse("jdbc:haechi://h:x/a;password=secret"))
                .hasMessageNotContaining("secret").hasMessageContaining("password=***");
    }

    @Test
    void keysOutsideTheAllowedSetAreRefused() {
        for (String key : new String[] {"model", "factory", "httpclient_factory", "url", "serialization"}) {
            assertThatThrownBy(() -> HaechiUrl.parse("jdbc:haechi://h:1/a;" + key + "=x"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageStartingWith("connection property '" + key + "' is not supported by the Haechi driver")
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08004");
        }
    }

    @Test
    void theDriverIsRegisteredAndBranded() throws SQLException {
        Driver driver = DriverManager.getDriver("jdbc:haechi://127.0.0.1:1/ssb");
        assertThat(driver).isInstanceOf(HaechiDriver.class);
        assertThat(Collections.list(DriverManager.getDrivers())).hasAtLeastOneElementOfType(HaechiDriver.class);
        assertThat(driver.acceptsURL("jdbc:avatica:remote:url=http://h:1")).isFalse();
        assertThat(driver.connect("jdbc:postgresql://h/db", new Properties())).isNull();
    }

    @Test
    void anUnreachableServerIsAConnectionError() {
        // Port 1 on loopback: nothing listens there.
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:haechi://127.0.0.1:1/ssb"))
                .isInstanceOf(java.sql.SQLNonTransientConnectionException.class)
                .hasMessageStartingWith("cannot reach the Haechi server at jdbc:haechi://127.0.0.1:1/ssb")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
    }

    @Test
    void serverStackTracesAreCutToTheirMessage() {
        assertThat(ClientErrors.shortMessage(java.util.List.of("java.lang.IllegalStateException: it broke\n\tat x.y"),
                "fallback")).isEqualTo("it broke");
        assertThat(ClientErrors.shortMessage(java.util.List.of("Object 'X' not found"), "fallback"))
                .isEqualTo("Object 'X' not found");
        assertThat(ClientErrors.shortMessage(java.util.List.of(), "fallback")).isEqualTo("fallback");
    }
}
