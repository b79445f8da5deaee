package io.haechi.query.jdbc;

import io.haechi.query.rewrite.CubeRewriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/** Opens server-side Calcite connections with Haechi's SQL dialect settings and the cube pre-pass. */
public final class CalciteConnections {
    private final EngineDriver driver;

    public CalciteConnections(CubeRewriter rewriter, PlanCache plans) {
        this.driver = new EngineDriver(rewriter, plans);
    }

    /**
     * A bare connection; the caller adds the project schema. Unquoted identifiers fold to lower case and match
     * case-insensitively (as in PostgreSQL), SUM over integers is BIGINT ({@code HaechiTypeSystem}), time zone UTC.
     */
    public Connection open(Properties extra) throws SQLException {
        Properties p = new Properties();
        p.setProperty("quoting", "DOUBLE_QUOTE");
        p.setProperty("unquotedCasing", "TO_LOWER");
        p.setProperty("quotedCasing", "UNCHANGED");
        p.setProperty("caseSensitive", "false");
        p.setProperty("typeSystem", "io.haechi.query.schema.HaechiTypeSystem#INSTANCE");
        p.setProperty("timeZone", "UTC");
        p.setProperty("fun", "standard,postgresql");
        // GROUP BY 1, 2 and GROUP BY an alias, as analysts write them (and PostgreSQL accepts).
        p.setProperty("conformance", "LENIENT");
        if (extra != null) {
            p.putAll(extra);
        }
        return driver.connect(EngineDriver.PREFIX, p);
    }

}
