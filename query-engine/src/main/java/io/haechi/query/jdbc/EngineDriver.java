package io.haechi.query.jdbc;

import io.haechi.query.rewrite.CubeRewriter;

/** Calcite's driver with {@link CubePrepare}; never registered with DriverManager (only the engine connects). */
final class EngineDriver extends org.apache.calcite.jdbc.Driver {
    static final String PREFIX = "jdbc:haechi-engine:";

    EngineDriver(CubeRewriter rewriter, PlanCache plans) {
        super(() -> new CubePrepare(rewriter, plans));
    }

    @Override
    protected String getConnectStringPrefix() {
        return PREFIX;
    }
}
