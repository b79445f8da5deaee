package io.haechi.server.pg;

import static org.assertj.core.api.Assertions.assertThat;

import io.haechi.server.jdbc.CalciteProjects;
import io.haechi.server.jdbc.TinyStar;
import io.haechi.server.runtime.HaechiSettings;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The protocol over a small in-memory project ({@link TinyStar} behind plain Calcite connections), with psql:
 * several statements in one Query, the catalog, an error that leaves the connection working.
 */
class PgProtocolTest {
    private static PgServer server;

    @BeforeAll
    static void start() {
        server = new PgServer(new CalciteProjects(), new HaechiSettings(Map.of(HaechiSettings.PG_PORT, "0")),
                "0.1.0-test").start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void psqlRunsSeveralStatementsAndKeepsGoingAfterAnError() throws Exception {
        Clients.Run run = Clients.psql(server.port(), CalciteProjects.PROJECT, "analyst",
                "select count(*) as n from lineorder; select 1 + 1 as two;\nselec 1;\nshow server_version;\n\\dt\n\\q\n",
                Map.of());
        assertThat(run.output()).contains(" " + TinyStar.FACT_ROWS + "\n").contains("   2\n")
                .contains("ERROR:  syntax error at or near \"SELEC\"")
                .contains("15.0 (Haechi 0.1.0-test)")
                .contains("SSB    | DATES     | table | analyst").contains("SSB    | LINEORDER | table | analyst");
        assertThat(run.exit()).isZero();
    }
}
