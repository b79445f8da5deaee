/**
 * The web endpoint: the REST API under {@code /api} (JSON; described by {@code openapi.json} in this package's
 * resources) and the web UI's static files, on one Jetty server beside the JDBC endpoint.
 */
package io.haechi.server.web;
