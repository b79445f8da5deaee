package io.haechi.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.haechi.model.ValidationIssue;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Strict reading of one JSON object: the allowed field names are fixed up front (any other is an error), required
 * fields must be there, and every error names the document and the field path.
 */
final class JsonFields {
    private final JsonNode node;
    private final String path;
    private final String document;

    private JsonFields(JsonNode node, String path, String document, List<String> allowed) {
        this.path = path;
        this.document = document;
        if (!node.isObject()) {
            throw error(path, path.isEmpty() ? "a document must be a JSON object, got " + type(node)
                    : "'" + path + "' must be an object, got " + type(node));
        }
        this.node = node;
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw error(at(name), "unknown field '" + at(name) + "'; expected one of: "
                        + String.join(", ", allowed));
            }
        }
    }

    static JsonFields of(JsonNode node, String path, String document, List<String> allowed) {
        return new JsonFields(node, path, document, allowed);
    }

    String document() {
        return document;
    }

    String at(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    boolean has(String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    String text(String field) {
        return optText(field).orElseThrow(() -> missing(field));
    }

    Optional<String> optText(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode v = node.get(field);
        if (!v.isTextual()) {
            throw error(at(field), "'" + at(field) + "' must be a string, got " + type(v));
        }
        return Optional.of(v.textValue());
    }

    boolean bool(String field, boolean otherwise) {
        if (!has(field)) {
            return otherwise;
        }
        JsonNode v = node.get(field);
        if (!v.isBoolean()) {
            throw error(at(field), "'" + at(field) + "' must be true or false, got " + type(v));
        }
        return v.booleanValue();
    }

    int integer(String field, int otherwise) {
        if (!has(field)) {
            return otherwise;
        }
        JsonNode v = node.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw error(at(field), "'" + at(field) + "' must be an integer, got " + type(v));
        }
        return v.intValue();
    }

    /** The objects of an array field, each read with {@code allowed} fields. */
    List<JsonFields> objects(String field, boolean required, List<String> allowed) {
        List<JsonFields> out = new ArrayList<>();
        JsonNode array = array(field, required);
        for (int i = 0; i < array.size(); i++) {
            out.add(of(array.get(i), at(field) + "[" + i + "]", document, allowed));
        }
        return out;
    }

    Optional<JsonFields> object(String field, List<String> allowed) {
        return has(field) ? Optional.of(of(node.get(field), at(field), document, allowed)) : Optional.empty();
    }

    List<String> texts(String field, boolean required) {
        return strings(array(field, required), at(field));
    }

    List<List<String>> textLists(String field) {
        JsonNode array = array(field, false);
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode inner = array.get(i);
            if (!inner.isArray()) {
                throw error(at(field) + "[" + i + "]", "'" + at(field) + "[" + i
                        + "]' must be an array of dimension names, got " + type(inner));
            }
            out.add(strings(inner, at(field) + "[" + i + "]"));
        }
        return out;
    }

    private List<String> strings(JsonNode array, String where) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode v = array.get(i);
            if (!v.isTextual()) {
                throw error(where + "[" + i + "]", "'" + where + "[" + i + "]' must be a string, got " + type(v));
            }
            out.add(v.textValue());
        }
        return out;
    }

    private JsonNode array(String field, boolean required) {
        if (!has(field)) {
            if (required) {
                throw missing(field);
            }
            return ((ObjectNode) node).arrayNode();
        }
        JsonNode v = node.get(field);
        if (!v.isArray()) {
            throw error(at(field), "'" + at(field) + "' must be an array, got " + type(v));
        }
        return v;
    }

    /** Parses a field's value with {@code parser}, prefixing its errors with the document and field path. */
    <T> T parsed(String field, Function<String, T> parser) {
        String value = text(field);
        return at(field, () -> parser.apply(value));
    }

    <T> Optional<T> optParsed(String field, Function<String, T> parser) {
        return has(field) ? Optional.of(parsed(field, parser)) : Optional.empty();
    }

    /** Runs {@code build}, prefixing a HaechiException with the document and {@code where}. */
    <T> T at(String where, Supplier<T> build) {
        try {
            return build.get();
        } catch (HaechiException e) {
            throw new HaechiException(e.errorCode(), document + ": '" + at(where) + "': " + e.getMessage(),
                    List.of(new ValidationIssue(at(where), e.getMessage(), e.errorCode())), e);
        }
    }

    /** Runs a record constructor for this object, prefixing its errors with the object's path. */
    <T> T build(Supplier<T> build) {
        try {
            return build.get();
        } catch (HaechiException e) {
            throw new HaechiException(e.errorCode(), document + (path.isEmpty() ? "" : ": '" + path + "'") + ": "
                    + e.getMessage(), List.of(new ValidationIssue(path, e.getMessage(), e.errorCode())), e);
        }
    }

    HaechiException missing(String field) {
        return error(at(field), "missing required field '" + at(field) + "'");
    }

    /** An INVALID_JSON failure about the field at {@code fieldPath} ('' for the object as a whole). */
    HaechiException error(String fieldPath, String message) {
        return new HaechiException(ErrorCode.INVALID_JSON, document + ": " + message,
                List.of(new ValidationIssue(fieldPath, message, ErrorCode.INVALID_JSON)));
    }

    private static String type(JsonNode v) {
        return v.isTextual() ? "the string " + v : v.getNodeType().name().toLowerCase(Locale.ROOT)
                + (v.isContainerNode() ? "" : " " + v);
    }
}
