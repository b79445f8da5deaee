package io.haechi.server.web;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an endpoint answers: a status, a body (anything Jackson writes: records, maps, lists, JSON trees; null for
 * none) and extra headers.
 */
record ApiResponse(int status, Object body, Map<String, String> headers) {
    ApiResponse {
        requireNonNull(headers, "headers is null");
        headers = Map.copyOf(headers);
    }

    static ApiResponse ok(Object body) {
        return new ApiResponse(200, body, Map.of());
    }

    static ApiResponse created(Object body, String location) {
        return new ApiResponse(201, body, Map.of("Location", location));
    }

    static ApiResponse accepted(Object body, String location) {
        return new ApiResponse(202, body, Map.of("Location", location));
    }

    static ApiResponse noContent() {
        return new ApiResponse(204, null, Map.of());
    }

    ApiResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ApiResponse(status, body, h);
    }

    /** The response with {@code ETag: "version"}, the version a client sends back to update. */
    ApiResponse withVersion(long version) {
        return withHeader("ETag", "\"" + version + "\"");
    }
}
