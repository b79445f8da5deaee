package io.haechi.server.web;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.haechi.model.ValidationIssue;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One API request as an endpoint sees it: the path parameters of its route, the query parameters, the headers it
 * needs and the body. The getters check what they read and fail with INVALID_ARGUMENT naming the parameter or
 * field path, so endpoints never see unchecked input.
 */
final class ApiRequest {
    private final String method;
    private final String path;
    private final Map<String, String> pathParameters;
    private final Map<String, List<String>> query;
    private final Map<String, String> headers;
    private final byte[] body;

    ApiRequest(String method, String path, Map<String, String> pathParameters, Map<String, List<String>> query,
            Map<String, String> headers, byte[] body) {
        this.method = requireNonNull(method, "method is null");
        this.path = requireNonNull(path, "path is null");
        this.pathParameters = Map.copyOf(pathParameters);
        this.query = Map.copyOf(query);
        this.headers = Map.copyOf(headers);
        this.body = requireNonNull(body, "body is null");
    }

    String method() {
        return method;
    }

    String path() {
        return path;
    }

    /** A path parameter of the route, as decoded from the URL. */
    String param(String name) {
        String v = pathParameters.get(name);
        if (v == null) {
            throw new IllegalStateException("the route has no parameter " + name);
        }
        return v;
    }

    /** A header, by its lower-case name. */
    Optional<String> header(String lowerCaseName) {
        return Optional.ofNullable(headers.get(lowerCaseName));
    }

    Optional<String> query(String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw invalid(name, "query parameter '" + name + "' is given " + values.size() + " times; give it once");
        }
        return Optional.of(values.get(0));
    }

    long longQuery(String name, long otherwise, long min, long max) {
        Optional<String> v = query(name);
        if (v.isEmpty()) {
            return otherwise;
        }
        long n;
        try {
            n = Long.parseLong(v.get().trim());
        } catch (NumberFormatException e) {
            throw invalid(name, "query parameter '" + name + "' must be a whole number, got '" + v.get() + "'");
        }
        if (n < min || n > max) {
            throw invalid(name, "query parameter '" + name + "' must be in " + min + ".." + max + ", got " + n);
        }
        return n;
    }

    int intQuery(String name, int otherwise, int min, int max) {
        return (int) longQuery(name, otherwise, min, max);
    }

    boolean boolQuery(String name) {
        Optional<String> v = query(name);
        if (v.isEmpty()) {
            return false;
        }
        return switch (v.get()) {
            case "true", "1", "" -> true;
            case "false", "0" -> false;
            default -> throw invalid(name, "query parameter '" + name + "' must be true or false, got '" + v.get()
                    + "'");
        };
    }

    Optional<LocalDate> dateQuery(String name) {
        return query(name).map(v -> date(name, v, "query parameter '" + name + "'"));
    }

    /**
     * The version a PUT or DELETE replaces: {@code ?version=N} or {@code If-Match: "N"}; required, because an
     * update that does not say what it replaces could overwrite someone's change.
     */
    long expectedVersion() {
        Optional<String> match = header("if-match").map(String::trim);
        if (match.isPresent() && query("version").isEmpty()) {
            String tag = match.get();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tag = tag.substring(1, tag.length() - 1);
            }
            try {
                long v = Long.parseLong(tag);
                if (v >= 1) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw invalid("If-Match", "If-Match must be the ETag of a GET (a version such as \"3\"), got "
                    + match.get());
        }
        if (query("version").isEmpty()) {
            throw invalid("version", "the version being replaced is required: ?version=N (or If-Match: \"N\") "
                    + "with N from the GET");
        }
        return longQuery("version", 0, 1, Long.MAX_VALUE);
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as a JSON tree; a body that is missing or not JSON is a 400 naming where it breaks. */
    JsonNode json() {
        if (body.length == 0) {
            throw invalid("", "the request needs a JSON body");
        }
        try {
            JsonNode node = ApiJson.MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw invalid("", "the request needs a JSON body");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw invalid("", "the body is not valid JSON" + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + ": " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw invalid("", "the body cannot be read: " + e.getMessage());
        }
    }

    /** The body as a JSON object whose fields are all among {@code allowed}. */
    ObjectNode object(Set<String> allowed) {
        JsonNode node = json();
        if (!node.isObject()) {
            throw invalid("", "the body must be a JSON object, got " + node.getNodeType().name().toLowerCase(
                    java.util.Locale.ROOT));
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw invalid(name, "unknown field '" + name + "'; expected one of: " + String.join(", ",
                        allowed.stream().sorted().toList()));
            }
        }
        return (ObjectNode) node;
    }

    /** A text field of a body object, or empty when absent or null. */
    static Optional<String> text(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw invalid(field, "'" + field + "' must be a string, got " + v.getNodeType().name()
                    .toLowerCase(java.util.Locale.ROOT));
        }
        return Optional.of(v.textValue());
    }

    static String requiredText(ObjectNode body, String field) {
        String v = text(body, field).orElseThrow(() -> invalid(field, "missing required field '" + field + "'"));
        if (v.isBlank()) {
            throw invalid(field, "'" + field + "' must not be empty");
        }
        return v;
    }

    static boolean bool(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw invalid(field, "'" + field + "' must be true or false");
        }
        return v.booleanValue();
    }

    static Optional<Integer> integer(ObjectNode body, String field, int min, int max) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min || v.intValue() > max) {
            throw invalid(field, "'" + field + "' must be a whole number in " + min + ".." + max + ", got " + v);
        }
        return Optional.of(v.intValue());
    }

    static LocalDate date(String field, String value, String what) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw invalid(field, what + " must be a date yyyy-MM-dd, got '" + value + "'");
        }
    }

    /** Checks that {@code value} is a name (a letter or '_', then letters, digits, '_'); a 400 on {@code field}. */
    static String identifier(String field, String value, String what) {
        try {
            return io.haechi.model.Names.checkIdentifier(value, what);
        } catch (HaechiException e) {
            throw invalid(field, e.getMessage());
        }
    }

    /** INVALID_ARGUMENT about one field or parameter. */
    static HaechiException invalid(String field, String message) {
        return new HaechiException(ErrorCode.INVALID_ARGUMENT, message, List.of(new ValidationIssue(field, message,
                ErrorCode.INVALID_ARGUMENT)));
    }
}
