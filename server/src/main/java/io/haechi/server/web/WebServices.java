package io.haechi.server.web;

import static java.util.Objects.requireNonNull;

import io.haechi.server.runtime.BuildQueue;
import io.haechi.server.runtime.HaechiContext;
import java.time.Instant;
import java.util.Optional;

/**
 * What the endpoints work with: the context (catalog, store, engine, settings), the server's build queue, and what
 * the health endpoint reports about this server.
 *
 * @param context the store, catalog and query engine
 * @param builds runs builds in this server
 * @param started when the server started
 * @param jdbcUrl the JDBC URL with {@code PROJECT} for the project, when a JDBC endpoint runs beside
 * @param version Haechi's version
 */
record WebServices(HaechiContext context, BuildQueue builds, Instant started, Optional<String> jdbcUrl,
        String version) {
    WebServices {
        requireNonNull(context, "context is null");
        requireNonNull(builds, "builds is null");
        requireNonNull(started, "started is null");
        requireNonNull(jdbcUrl, "jdbcUrl is null");
        requireNonNull(version, "version is null");
    }
}
