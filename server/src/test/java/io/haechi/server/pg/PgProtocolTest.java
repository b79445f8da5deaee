package io.haechi.server.pg;

import static io.haechi.server.pg.RawClient.concat;
import static io.haechi.server.pg.RawClient.cstring;
import static io.haechi.server.pg.RawClient.int16;
import static io.haechi.server.pg.RawClient.int32;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.server.jdbc.CalciteProjects;
import io.haechi.server.jdbc.TinyStar;
import io.haechi.server.runtime.HaechiSettings;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The protocol over a small in-memory project ({@link TinyStar} behind plain Calcite connections): psql with several
 * statements in one Query, startup values, session statements, cancel, authentication, and hostile input, after
 * which the server keeps serving and holds no connection or thread for the clients that left.
 */
class PgProtocolTest {
    private static final String DB = CalciteProjects.PROJECT;
    private static PgServer server;

    @TempDir
    static Path tmp;

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

    private static Connection pgjdbc(PgServer s, String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + s.port() + "/" + DB, p);
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void psqlRunsSeveralStatementsAndKeepsGoingAfterAnError() throws Exception {
        Clients.Run run = Clients.psql(server.port(), DB, "analyst",
                "select count(*) as n from lineorder; select 1 + 1 as two;\nselec 1;\nshow server_version;\n\\dt\n\\q\n",
                Map.of());
        assertThat(run.output()).contains(" " + TinyStar.FACT_ROWS + "\n").contains("   2\n")
                .contains("ERROR:  syntax error at or near \"SELEC\"")
                .contains("15.0 (Haechi 0.1.0-test)")
                .contains("SSB    | DATES     | table | analyst").contains("SSB    | LINEORDER | table | analyst");
        assertThat(run.exit()).isZero();
    }

    @Test
    void startupReportsWhatClientsNeedAndAnswersSslRequestWithN() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.out.writeInt(8);
            c.out.writeInt(80877103);
            c.out.flush();
            assertThat(c.in.readUnsignedByte()).isEqualTo('N');
            List<RawClient.Message> startup = c.startup("analyst", DB);
            assertThat(startup.get(0).type()).isEqualTo('R');
            Map<String, String> status = RawClient.parameterStatus(startup);
            assertThat(status).containsEntry("client_encoding", "UTF8").containsEntry("DateStyle", "ISO, MDY")
                    .containsEntry("integer_datetimes", "on").containsEntry("standard_conforming_strings", "on")
                    .containsEntry("server_encoding", "UTF8").containsKey("TimeZone");
            assertThat(status.get("server_version")).matches("1[2-9]\\.\\d+ \\(Haechi .*\\)");
            assertThat(startup).extracting(RawClient.Message::type).contains('K');
            assertThat(startup.get(startup.size() - 1).text()).isEqualTo("I");
        }
    }

    @Test
    void sessionStatementsClientsSendAreAccepted() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.startup("analyst", DB);
            List<RawClient.Message> r = c.query("SET DateStyle = 'ISO';SET extra_float_digits = 2;"
                    + "show transaction_isolation");
            assertThat(r).extracting(RawClient.Message::type).containsExactly('S', 'C', 'C', 'T', 'D', 'C', 'Z');
            assertThat(r.get(4).text()).contains("read committed");
            r = c.query("BEGIN; SAVEPOINT _EXEC_SVP_1; select 1; RELEASE _EXEC_SVP_1; COMMIT");
            assertThat(tags(r)).containsExactly("BEGIN", "SAVEPOINT", "SELECT 1", "RELEASE", "COMMIT");
            assertThat(r.stream().filter(m -> m.type() == 'Z').findFirst().orElseThrow().text()).isEqualTo("I");
            r = c.query("BEGIN; DECLARE big CURSOR WITHOUT HOLD FOR select lo_orderkey from lineorder; "
                    + "FETCH FORWARD 3 FROM big; FETCH FORWARD 2000 FROM big; CLOSE big; COMMIT");
            assertThat(tags(r)).containsExactly("BEGIN", "DECLARE CURSOR", "FETCH 3",
                    "FETCH " + (TinyStar.FACT_ROWS - 3), "CLOSE CURSOR", "COMMIT");
            r = c.query("insert into lineorder values (1)");
            assertThat(error(r).field('C')).isEqualTo("25006");
            r = c.query("DEALLOCATE \"_PLAN0x1\"");
            assertThat(error(r).field('C')).isEqualTo("26000");
            r = c.query("select version(), current_schema(), current_database()");
            assertThat(r.stream().filter(m -> m.type() == 'D').findFirst().orElseThrow().text())
                    .contains("PostgreSQL 15.0 (Haechi 0.1.0-test)").contains(DB);
            r = c.query("SET application_name = 'probe'");
            assertThat(RawClient.parameterStatus(r)).containsEntry("application_name", "probe");
        }
    }

    @Test
    void anErrorInATransactionBlockHoldsUntilRollback() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.startup("analyst", DB);
            List<RawClient.Message> r = c.query("BEGIN; select nope from lineorder");
            assertThat(error(r).field('C')).isEqualTo("42703");
            assertThat(r.get(r.size() - 1).text()).isEqualTo("E");
            r = c.query("select 1");
            assertThat(error(r).field('C')).isEqualTo("25P02");
            r = c.query("ROLLBACK");
            assertThat(tags(r)).containsExactly("ROLLBACK");
            assertThat(r.get(r.size() - 1).text()).isEqualTo("I");
            assertThat(tags(c.query("select 1"))).containsExactly("SELECT 1");
        }
    }

    @Test
    void aCancelRequestCancelsTheRunningQueryAndTheConnectionGoesOn() throws Exception {
        long before = server.stats().cancelled();
        try (Connection c = pgjdbc(server, "analyst", null); Statement st = c.createStatement()) {
            Thread canceller = new Thread(() -> {
                try {
                    Thread.sleep(1500);
                    st.cancel();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            canceller.start();
            long start = System.nanoTime();
            assertThatThrownBy(() -> st.executeQuery("select count(*) from pg_catalog.generate_series(1, 2000000000)"))
                    .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState())
                    .isEqualTo("57014");
            canceller.join();
            // Counting two billion rows takes minutes; the cancel ended it within seconds.
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(60);
            assertThat(server.stats().cancelled()).isGreaterThan(before);
            assertThat(count(c, "select count(*) from lineorder")).isEqualTo(TinyStar.FACT_ROWS);
        }
    }

    @Test
    void theExtendedProtocolRecoversAtSyncAfterABindWithTheWrongParameterCount() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.startup("analyst", DB);
            c.send('P', concat(cstring("s1"), cstring("select count(*) from lineorder where lo_quantity > $1"),
                    int16(0)));
            // Two values for one parameter, then messages that must be skipped until Sync.
            c.send('B', concat(cstring(""), cstring("s1"), int16(0), int16(2), int32(1), "5".getBytes(),
                    int32(1), "6".getBytes(), int16(0)));
            c.send('E', concat(cstring(""), int32(0)));
            c.send('S', new byte[0]);
            List<RawClient.Message> r = c.untilReady();
            assertThat(r).extracting(RawClient.Message::type).containsExactly('1', 'E', 'Z');
            assertThat(r.get(1).field('C')).isEqualTo("08P01");
            assertThat(r.get(1).field('M')).isEqualTo("bind message supplies 2 parameters, but prepared statement "
                    + "\"s1\" requires 1");
            c.send('B', concat(cstring(""), cstring("s1"), int16(0), int16(1), int32(2), "49".getBytes(), int16(0)));
            c.send('D', concat(new byte[] {'P'}, cstring("")));
            c.send('E', concat(cstring(""), int32(0)));
            c.send('S', new byte[0]);
            r = c.untilReady();
            assertThat(r).extracting(RawClient.Message::type).containsExactly('2', 'T', 'D', 'C', 'Z');
            assertThat(tags(r)).containsExactly("SELECT 1");
        }
    }

    @Test
    void hostileInputGetsAnErrorOrAClosedConnectionAndOthersAreStillServed() throws Exception {
        // A malformed startup packet: a length below the minimum.
        try (RawClient c = new RawClient(server.port())) {
            c.out.writeInt(3);
            c.out.writeInt(0);
            c.out.flush();
            RawClient.Message m = c.untilClosed().get(0);
            assertThat(m.field('C')).isEqualTo("08P01");
            assertThat(m.field('M')).startsWith("invalid length of startup packet");
        }
        // A startup packet whose parameters do not end.
        try (RawClient c = new RawClient(server.port())) {
            c.out.writeInt(16);
            c.out.writeInt(196608);
            c.out.write("user\0abc".getBytes());
            c.out.flush();
            assertThat(c.untilClosed().get(0).field('M')).startsWith("invalid startup packet layout");
        }
        // A message length of 2 GB: refused from its header, nothing buffered.
        try (RawClient c = new RawClient(server.port())) {
            c.startup("analyst", DB);
            c.out.writeByte('Q');
            c.out.writeInt(Integer.MAX_VALUE);
            c.out.write("select 1".getBytes());
            c.out.flush();
            RawClient.Message m = c.untilClosed().get(0);
            assertThat(m.field('C')).isEqualTo("54000");
            assertThat(m.field('M')).contains("over the limit of " + (16 << 20) + " bytes");
        }
        // An unknown message type.
        try (RawClient c = new RawClient(server.port())) {
            c.startup("analyst", DB);
            c.send('!', new byte[] {1, 2, 3});
            RawClient.Message m = c.untilClosed().get(0);
            assertThat(m.field('C')).isEqualTo("08P01");
            assertThat(m.field('M')).isEqualTo("invalid frontend message type '!'");
        }
        // An unknown database.
        try (RawClient c = new RawClient(server.port())) {
            byte[] params = "user\0a\0database\0x\0\0".getBytes();
            c.out.write(concat(int32(8 + params.length), int32(196608), params));
            c.out.flush();
            RawClient.Message m = c.untilClosed().get(0);
            assertThat(m.field('C')).isEqualTo("3D000");
            assertThat(m.field('M')).isEqualTo("database \"x\" does not exist; databases (Haechi projects): SSB");
        }
        try (Connection c = pgjdbc(server, "analyst", null)) {
            assertThat(count(c, "select count(*) from dates")).isEqualTo(TinyStar.dates().size());
        }
    }

    @Test
    void aThousandConnectionsOpenedAndDroppedLeaveNothingBehind() throws Exception {
        int threadsBefore = Thread.activeCount();
        for (int i = 0; i < 1000; i++) {
            try (Socket s = new Socket("127.0.0.1", server.port())) {
                OutputStream o = s.getOutputStream();
                switch (i % 4) {
                    case 0 -> { }
                    case 1 -> {
                        byte[] params = ("user\0analyst\0database\0" + DB + "\0\0").getBytes();
                        o.write(concat(int32(8 + params.length), int32(196608), params));
                    }
                    case 2 -> o.write(new byte[] {0, 0, 0, 8, 4, (byte) 210, 22, 47});
                    default -> o.write(new byte[] {0, 0, 1});
                }
                o.flush();
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (server.openConnections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(server.openConnections()).isZero();
        // Sessions run on a pool that shrinks when idle; no thread per dropped connection stays.
        assertThat(Thread.activeCount()).isLessThan(threadsBefore + 50);
        try (Connection c = pgjdbc(server, "analyst", null)) {
            assertThat(count(c, "select count(*) from lineorder")).isEqualTo(TinyStar.FACT_ROWS);
        }
    }

    @Test
    void usersOfTheUsersFileLogInWithScramMd5OrCleartext() throws Exception {
        Path users = tmp.resolve("users.properties");
        Files.writeString(users, "alice: s3cret,haechi\nbob: bobpw,other\n");
        for (String method : new String[] {"scram-sha-256", "md5", "password"}) {
            try (PgServer s = new PgServer(new CalciteProjects(), new HaechiSettings(Map.of(HaechiSettings.PG_PORT,
                    "0", HaechiSettings.AUTH_USERS, users.toString(), HaechiSettings.PG_AUTH_METHOD, method)),
                    "0.1.0-test").start()) {
                try (Connection c = pgjdbc(s, "alice", "s3cret")) {
                    assertThat(count(c, "select count(*) from dates")).as(method).isEqualTo(TinyStar.dates().size());
                }
                assertThatThrownBy(() -> pgjdbc(s, "alice", "wrong")).as(method).isInstanceOf(SQLException.class)
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("28P01");
                assertThatThrownBy(() -> pgjdbc(s, "mallory", "s3cret")).as(method)
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("28P01");
                assertThatThrownBy(() -> pgjdbc(s, "bob", "bobpw")).as(method)
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("28000");
                // libpq (psql) too, with the password from the environment.
                Clients.Run run = Clients.psql(s.port(), DB, "alice", "select count(*) from dates;\n",
                        Map.of("PGPASSWORD", "s3cret"));
                assertThat(run.output()).as(method).contains(" " + TinyStar.dates().size() + "\n");
            }
        }
    }

    @Test
    void theOlderJdbcUsersKeyStillWorksAndTwoDifferentFilesAreRefused() throws Exception {
        Path users = tmp.resolve("jdbc-users.properties");
        Files.writeString(users, "carol: pw,haechi\n");
        try (PgServer s = new PgServer(new CalciteProjects(), new HaechiSettings(Map.of(HaechiSettings.PG_PORT, "0",
                HaechiSettings.JDBC_AUTH_USERS, users.toString())), "0.1.0-test").start()) {
            try (Connection c = pgjdbc(s, "carol", "pw")) {
                assertThat(count(c, "select 1")).isEqualTo(1);
            }
            assertThatThrownBy(() -> pgjdbc(s, "carol", "nope")).isInstanceOf(SQLException.class);
        }
        assertThatThrownBy(() -> new HaechiSettings(Map.of(HaechiSettings.JDBC_AUTH_USERS, "a",
                HaechiSettings.AUTH_USERS, "b")).authUsers()).hasMessageContaining("name different users files");
    }

    @Test
    void aPreparedStatementRunsManyTimesWithANamedStatementAndBinaryResults() throws Exception {
        long named = server.stats().namedStatements();
        long binary = server.stats().binaryResults();
        try (Connection c = pgjdbc(server, "analyst", null);
                PreparedStatement ps = c.prepareStatement("select lo_shipmode, count(*), sum(lo_revenue), "
                        + "avg(lo_discount) from lineorder where lo_quantity > ? group by lo_shipmode order by 1")) {
            List<String> first = null;
            for (int i = 0; i < 10; i++) {
                ps.setInt(1, 10);
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs.getString(1) + "|" + rs.getLong(2) + "|" + rs.getBigDecimal(3) + "|"
                                + rs.getDouble(4));
                    }
                }
                assertThat(rows).hasSize(TinyStar.SHIP_MODES.length);
                if (first == null) {
                    first = rows;
                }
                // Text results (first runs) and binary results (after pgjdbc's prepareThreshold) agree.
                assertThat(rows).as("run %d", i).isEqualTo(first);
            }
        }
        assertThat(server.stats().namedStatements()).isGreaterThan(named);
        assertThat(server.stats().binaryResults()).isGreaterThan(binary);
    }

    @Test
    void tlsIsOfferedWhenConfiguredAndCanBeRequired() throws Exception {
        Path cert = tmp.resolve("cert.pem");
        Path key = tmp.resolve("key.pem");
        Clients.Run made = Clients.run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                key.toString(), "-out", cert.toString(), "-days", "1", "-subj", "/CN=localhost"), Map.of(), null, 60);
        assertThat(made.exit()).as(made.output()).isZero();
        try (PgServer s = new PgServer(new CalciteProjects(), new HaechiSettings(Map.of(HaechiSettings.PG_PORT, "0",
                HaechiSettings.PG_SSL_CERT, cert.toString(), HaechiSettings.PG_SSL_KEY, key.toString(),
                HaechiSettings.PG_SSL_REQUIRE, "true")), "0.1.0-test").start()) {
            Clients.Run tls = Clients.run(List.of("psql", "-X", "host=127.0.0.1 port=" + s.port() + " dbname=" + DB
                    + " user=analyst sslmode=require"), Map.of(), "\\conninfo\nselect count(*) from dates;\n", 60);
            assertThat(tls.output()).contains("SSL connection (protocol: TLS").contains(" "
                    + TinyStar.dates().size() + "\n");
            Clients.Run plain = Clients.run(List.of("psql", "-X", "host=127.0.0.1 port=" + s.port() + " dbname=" + DB
                    + " user=analyst sslmode=disable"), Map.of(), "select 1;\n", 60);
            assertThat(plain.output()).contains("this server requires TLS");
            assertThat(plain.exit()).isNotZero();
        }
    }

    private static List<String> tags(List<RawClient.Message> messages) {
        List<String> out = new ArrayList<>();
        for (RawClient.Message m : messages) {
            if (m.type() == 'C') {
                out.add(m.text().replace("\0", ""));
            }
            if (m.type() == 'E') {
                out.add("ERROR " + m.field('C') + " " + m.field('M'));
            }
        }
        return out;
    }

    private static RawClient.Message error(List<RawClient.Message> messages) {
        return messages.stream().filter(m -> m.type() == 'E').findFirst()
                .orElseThrow(() -> new AssertionError("no error in " + tags(messages)));
    }
}
