package io.haechi.server.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.server.runtime.HaechiSettings;
import io.haechi.server.sql.SqlLimits;
import java.io.StringWriter;
import java.io.PrintWriter;
import java.util.Map;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.NoSuchConnectionException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.remote.Service.ErrorResponse;
import org.junit.jupiter.api.Test;

/** The endpoint in-process: settings, addresses, start failures, and the checks no remote client can skip. */
class JdbcServerTest {
    @Test
    void settingsHaveLoopbackDefaults() {
        HaechiSettings defaults = new HaechiSettings(Map.of());
        assertThat(defaults.jdbcHost()).isEqualTo("127.0.0.1");
        assertThat(defaults.jdbcPort()).isEqualTo(8765);
        assertThat(defaults.jdbcAuthUsers()).isEmpty();
        assertThatThrownBy(() -> new HaechiSettings(Map.of(HaechiSettings.JDBC_PORT, "70000")).jdbcPort())
                .hasMessage("setting haechi.jdbc.port must be in 0..65535, got 70000");
        assertThatThrownBy(() -> new HaechiSettings(Map.of(HaechiSettings.JDBC_PORT, "any")).jdbcPort())
                .hasMessage("setting haechi.jdbc.port must be a whole number, got 'any'");
    }

    @Test
    void aTakenPortIsReportedAndTheFirstServerKeepsServing() {
        try (JdbcServer first = new JdbcServer(new CalciteProjects(),
                new HaechiSettings(Map.of(HaechiSettings.JDBC_PORT, "0"))).start()) {
            JdbcServer second = new JdbcServer(new CalciteProjects(),
                    new HaechiSettings(Map.of(HaechiSettings.JDBC_PORT, String.valueOf(first.port()))));
            assertThatThrownBy(second::start).isInstanceOf(HaechiException.class)
                    .hasMessage("cannot listen for JDBC on 127.0.0.1:" + first.port()
                            + ": the address is in use (setting haechi.jdbc.port)")
                    .extracting(e -> ((HaechiException) e).errorCode()).isEqualTo(ErrorCode.PORT_IN_USE);
            assertThat(first.boundAddresses()).hasSize(1);
        }
    }

    @Test
    void urlsNameAReachableHost() {
        try (JdbcServer any = new JdbcServer(new CalciteProjects(), new HaechiSettings(Map.of(
                HaechiSettings.JDBC_PORT, "0", HaechiSettings.JDBC_HOST, "0.0.0.0"))).start()) {
            assertThat(any.url("ads")).isEqualTo("jdbc:haechi://localhost:" + any.port() + "/ads");
            assertThat(any.boundAddresses().get(0).getAddress().isAnyLocalAddress()).isTrue();
        }
    }

    @Test
    void everyWayToRunSqlPassesTheLimits() throws Exception {
        HaechiMeta meta = new HaechiMeta(new CalciteProjects(), new SqlLimits(20, 2), "0.1.0");
        Meta.ConnectionHandle ch = new Meta.ConnectionHandle("c1");
        Meta.StatementHandle sh = new Meta.StatementHandle("c1", 1, null);
        String tooLong = "SELECT 1 FROM LINEORDER";
        assertThatThrownBy(() -> meta.prepare(ch, tooLong, -1)).hasMessageStartingWith("statement too long");
        assertThatThrownBy(() -> meta.prepareAndExecute(sh, tooLong, -1, -1, null))
                .hasMessageStartingWith("statement too long");
        assertThatThrownBy(() -> meta.prepareAndExecuteBatch(sh, java.util.List.of("SELECT 1", tooLong)))
                .hasMessageStartingWith("statement too long");
        assertThatThrownBy(() -> meta.syncResults(sh, new QueryState(tooLong), 0))
                .hasMessageStartingWith("statement too long");
        assertThatThrownBy(() -> meta.prepare(ch, "x IN (1,2,3)", -1))
                .hasMessageStartingWith("statement too complex");
    }

    @Test
    void clientsSeeShortMessagesAndAvaticasReconnectCode() {
        ClientFacingException lost = ErrorReporting.toClient(new NoSuchConnectionException("Connection not found"));
        assertThat(lost.getErrorCode()).isEqualTo(ErrorResponse.MISSING_CONNECTION_ERROR_CODE);
        assertThat(lost.getSqlState()).isEqualTo("08003");
        assertThat(lost.getErrorMessage()).startsWith("the connection is closed on the server");
        ClientFacingException internal = ErrorReporting.toClient(new RuntimeException(
                new IllegalStateException("region offline")));
        assertThat(internal.getSqlState()).isEqualTo("XX000");
        StringWriter printed = new StringWriter();
        internal.printStackTrace(new PrintWriter(printed));
        assertThat(printed.toString()).isEqualTo("region offline");
    }
}
