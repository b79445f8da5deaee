package io.haechi.server.web;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;

/** {@code /api/health} and the API's own description, {@code /api/openapi.json}. */
final class HealthEndpoints {
    /** The OpenAPI document, the contract of every endpoint (a resource next to these classes). */
    static final String OPENAPI_RESOURCE = "openapi.json";

    private final WebServices services;
    private final boolean authentication;
    private final JsonNode openApi;

    HealthEndpoints(WebServices services, boolean authentication) {
        this.services = requireNonNull(services, "services is null");
        this.authentication = authentication;
        this.openApi = openApi();
    }

    void register(Router router) {
        router.add("GET", "/api/health", this::health);
        router.add("GET", "/api/openapi.json", request -> ApiResponse.ok(openApi));
    }

    static JsonNode openApi() {
        try (InputStream in = HealthEndpoints.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + OPENAPI_RESOURCE + " is missing from the jar");
            }
            return ApiJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + OPENAPI_RESOURCE, e);
        }
    }

    private ApiResponse health(ApiRequest request) {
        ObjectNode out = ApiJson.NODES.objectNode();
        String store;
        String message = null;
        try {
            services.context().catalog().projects();
            store = "UP";
        } catch (RuntimeException e) {
            store = "DOWN";
            message = String.valueOf(e.getMessage());
        }
        out.put("status", store);
        out.put("version", services.version());
        out.put("uptimeSeconds", Duration.between(services.started(), Instant.now()).toSeconds());
        out.put("store", store);
        if (message != null) {
            out.put("message", message);
        }
        services.jdbcUrl().ifPresent(u -> out.put("jdbcUrl", u));
        out.put("authentication", authentication);
        return new ApiResponse(store.equals("UP") ? 200 : 503, out, java.util.Map.of());
    }
}
