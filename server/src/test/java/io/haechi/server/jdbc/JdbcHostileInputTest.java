package io.haechi.server.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.haechi.model.error.ErrorCode;
import io.haechi.server.runtime.HaechiSettings;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile and broken input from a separate JVM: class-loading connection properties, unknown projects, bad SQL, a
 * 10 MB statement and a 10,000-item IN list. Each gets a clean SQLException and the next connection still works.
 */
class JdbcHostileInputTest {
    private static final CalciteProjects PROJECTS = new CalciteProjects();
    private static JdbcServer server;
    private static DriverJarClient client;
    private static long factRows;

    @BeforeAll
    static void start() throws Exception {
        server = new JdbcServer(PROJECTS, new HaechiSettings(Map.of(HaechiSettings.JDBC_PORT, "0"))).start();
        client = DriverJarClient.run("hostile", "127.0.0.1", server.port(), CalciteProjects.PROJECT);
        factRows = TinyStar.lineorder().size();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"model", "schemaFactory", "schema.x", "fun", "lex"})
    void aClientCannotSetEngineProperties(String key) {
        String[] f = client.one("hostile.raw." + key).split("\\|", 3);
        assertThat(f[0]).isEqualTo("08004");
        assertThat(f[1]).isEqualTo(String.valueOf(ErrorCode.PROPERTY_NOT_ALLOWED.code()));
        assertThat(f[2]).isEqualTo("connection property '" + key
                + "' is not allowed; a client may set only project, user and password");
    }

    @Test
    void onlyWhitelistedPropertiesReachTheEngine() {
        assertThat(client.one("hostile.raw.allowed")).isEqualTo(String.valueOf(TinyStar.dates().size()));
        assertThat(PROJECTS.seen).isNotEmpty();
        for (Properties p : PROJECTS.seen) {
            assertThat(p.stringPropertyNames()).isSubsetOf("user", "password");
        }
        assertThat(PROJECTS.seen).anySatisfy(p -> assertThat(p.getProperty("user")).isEqualTo("analyst"));
    }

    @Test
    void theDriverRefusesEnginePropertiesItself() {
        String[] f = client.one("hostile.driver.model").split("\\|", 4);
        assertThat(f[0]).isEqualTo("08004");
        assertThat(f[3]).startsWith("connection property 'model' is not supported by the Haechi driver");
    }

    @Test
    void anUnknownProjectIsNamedWithTheProjectsThereAre() {
        String[] f = client.one("hostile.unknownproject").split("\\|", 4);
        assertThat(f[0]).isEqualTo("3D000");
        assertThat(f[1]).isEqualTo(String.valueOf(ErrorCode.UNKNOWN_PROJECT.code()));
        assertThat(f[3]).isEqualTo("unknown project 'NOPE'; projects: SSB");
    }

    @Test
    void aUrlWithoutProjectShowsTheExpectedForm() {
        String[] f = client.one("hostile.noproject").split("\\|", 4);
        assertThat(f[0]).isEqualTo("08001");
        assertThat(f[3]).contains("it names no project")
                .contains("expected jdbc:haechi://HOST:PORT/PROJECT[;user=USER;password=PASSWORD]");
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " # ", value = {
        "syntax # 42601 # 0 # Incorrect syntax near the keyword 'FROM' at line 1, column 8",
        "unknowntable # 42P01 # 0 # Object 'NOSUCH' not found (line 1, column 15)",
        "unknowncolumn # 42703 # 0 # Column 'NOSUCH' not found in any table (line 1, column 8)",
        "unknownfunction # 42883 # 0 # No match found for function signature NOSUCH(<NUMERIC>) (line 1, column 8)",
        "inlist # 54001 # 6005 # statement too complex: an IN list has more than 1,000 items "
                + "(setting haechi.sql.max.in.list); use a join or a range instead",
    })
    void badStatementsGetCleanErrorsAndTheServerKeepsServing(String test, String state, int code, String message) {
        for (String key : new String[] {"hostile." + test, "hostile.prepare." + test}) {
            String[] f = client.one(key).split("\\|", 4);
            assertThat(f[0]).as(key).isEqualTo(state);
            assertThat(f[1]).as(key).isEqualTo(String.valueOf(code));
            assertThat(f[3]).as(key).isEqualTo(message);
        }
        assertThat(client.one("after." + test)).isEqualTo(String.valueOf(factRows));
    }

    @Test
    void aTenMegabyteStatementIsRefusedBeforeParsing() {
        int length = "SELECT COUNT(*) FROM LINEORDER WHERE LO_SHIPMODE = '".length() + (10 << 20) + 1;
        badStatementsGetCleanErrorsAndTheServerKeepsServing("tenmegabytes", "54000",
                ErrorCode.STATEMENT_TOO_LONG.code(), String.format(java.util.Locale.ROOT,
                        "statement too long: %,d characters, the limit is 1,000,000 (setting haechi.sql.max.length)",
                        length));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"divisionbyzero; 22012; division by zero",
        "badcast; 22018; invalid number: "})
    void executionErrorsHaveDataExceptionStates(String test, String state, String messageStart) {
        String[] f = client.one("hostile." + test).split("\\|", 4);
        assertThat(f[0]).isEqualTo(state);
        assertThat(f[2]).isEqualTo("SQLDataException");
        assertThat(f[3]).startsWith(messageStart);
        assertThat(client.one("after." + test)).isEqualTo(String.valueOf(factRows));
    }
}
