package io.haechi.server.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientPropertiesTest {
    private static final List<String> PROJECTS = List.of("ads", "ssb");

    @Test
    void projectUserAndPasswordPassAvaticaKeysAreDropped() {
        ClientProperties.Accepted accepted = ClientProperties.check(Map.of("project", "ssb", "user", "ann",
                "password", "pw", "url", "http://x", "serialization", "PROTOBUF", "authentication", "BASIC",
                "avatica_user", "ann", "avatica_password", "pw", "timeZone", "UTC"), PROJECTS);
        assertThat(accepted.project()).isEqualTo("ssb");
        assertThat(accepted.properties()).containsOnly(Map.entry("user", "ann"), Map.entry("password", "pw"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"model", "schemaFactory", "schema.ssb.factory", "fun", "lex", "parserFactory", "typeSystem",
        "caseSensitive", "Model", "conformance", "quoting"})
    void anyOtherKeyRefusesTheConnection(String key) {
        assertThatThrownBy(() -> ClientProperties.check(Map.of("project", "ssb", key, "x"), PROJECTS))
                .isInstanceOf(HaechiException.class)
                .hasMessage("connection property '" + key + "' is not allowed; a client may set only project, user "
                        + "and password")
                .extracting(e -> ((HaechiException) e).errorCode()).isEqualTo(ErrorCode.PROPERTY_NOT_ALLOWED);
    }

    @Test
    void theProjectMustBeNamedAndServed() {
        assertThatThrownBy(() -> ClientProperties.check(Map.of("user", "ann"), PROJECTS))
                .hasMessage("the connection names no project; use jdbc:haechi://HOST:PORT/PROJECT; projects: ads, ssb")
                .extracting(e -> ((HaechiException) e).errorCode()).isEqualTo(ErrorCode.UNKNOWN_PROJECT);
        assertThatThrownBy(() -> ClientProperties.check(Map.of("project", "SSB"), PROJECTS))
                .hasMessage("unknown project 'SSB'; projects: ads, ssb");
        assertThatThrownBy(() -> ClientProperties.check(Map.of("project", "ssb"), List.of()))
                .hasMessage("unknown project 'ssb'; the server has no project yet");
    }
}
