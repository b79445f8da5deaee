package io.haechi.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.remote.Driver;

/**
 * The Haechi JDBC driver. Accepts {@code jdbc:haechi://host:port/project[;user=..;password=..]}, talks Avatica's
 * protobuf protocol over HTTP to a Haechi server, and turns the server's errors into {@link java.sql.SQLException}s
 * whose SQLState, error code and short message are the server's (see {@link ClientErrors}).
 *
 * <p>Only {@code project} and {@code user} reach the server as connection properties; {@code user}/{@code password}
 * are also sent as HTTP BASIC credentials when the server asks for them.
 */
public class HaechiDriver extends Driver {
    static {
        new HaechiDriver().register();
    }

    public HaechiDriver() {
        super();
    }

    @Override
    protected String getConnectStringPrefix() {
        return HaechiUrl.PREFIX;
    }

    @Override
    protected DriverVersion createDriverVersion() {
        return DriverVersion.load(HaechiDriver.class, "io/haechi/jdbc/haechi-jdbc.properties",
                "Haechi JDBC Driver", "unknown version", "Haechi", "unknown version");
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        return url != null && url.startsWith(HaechiUrl.PREFIX);
    }

    /** Rows per result frame unless the URL or the properties say {@code fetch_size}. */
    public static final int DEFAULT_FETCH_SIZE = 10_000;

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        HaechiUrl parsed = HaechiUrl.parse(url);
        Properties given = info == null ? new Properties() : info;
        Properties avatica = new Properties();
        for (String key : given.stringPropertyNames()) {
            avatica.setProperty(HaechiUrl.checkKey(key), given.getProperty(key));
        }
        parsed.properties().forEach(avatica::setProperty);
        // Rows per frame: Avatica's default of 100 costs a round trip per 100 rows; a dashboard's result (a few
        // thousand rows at most) then comes back with the execute call itself.
        avatica.putIfAbsent("fetch_size", String.valueOf(DEFAULT_FETCH_SIZE));
        String user = avatica.getProperty("user");
        String password = (String) avatica.remove("password");
        if (user != null && !user.isEmpty()) {
            avatica.setProperty("authentication", "BASIC");
            avatica.setProperty("avatica_user", user);
            avatica.setProperty("avatica_password", password == null ? "" : password);
        } else {
            avatica.remove("user");
        }
        // Avatica keeps its own keys (url, serialization, authentication, ...) on the client; project and user travel.
        avatica.setProperty("url", parsed.httpUrl());
        avatica.setProperty("serialization", "PROTOBUF");
        avatica.setProperty("project", parsed.project());
        try {
            Connection connection = super.connect(HaechiUrl.PREFIX, avatica);
            return ClientErrors.wrap(connection);
        } catch (SQLException | RuntimeException e) {
            throw ClientErrors.translate(e, parsed);
        }
    }
}
