package io.haechi.model.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.haechi.model.ValidationIssue;
import io.haechi.model.cube.CubeDesc;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.star.ModelDesc;
import io.haechi.model.table.TableDesc;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes table, model and cube documents. A text holds one document (a JSON object) or a JSON array of
 * them ({@code haechi apply -f FILE}). Every document has {@code kind} ({@code table}, {@code model}, {@code cube})
 * and {@code schemaVersion} ({@value #SCHEMA_VERSION}). Reading is strict: unknown fields, missing required fields,
 * wrong JSON types and duplicate keys are {@link ErrorCode#INVALID_JSON} naming the source, the document and the
 * field path; another schemaVersion is {@link ErrorCode#UNSUPPORTED_SCHEMA_VERSION}. Writing is deterministic (fixed
 * field order, two-space indent, trailing newline), so {@code write(read(x))} is a fixed point.
 */
public final class JsonDescriptors {
    public static final int SCHEMA_VERSION = 1;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    private JsonDescriptors() {
    }

    /**
     * Reads every document in {@code json}.
     *
     * @param source names the input in messages, e.g. the file path
     */
    public static List<Descriptor> readAll(String json, String source) {
        requireNonNull(json, "json is null");
        requireNonNull(source, "source is null");
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new HaechiException(ErrorCode.INVALID_JSON, source + ": not valid JSON"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": "
                    + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new HaechiException(ErrorCode.INVALID_JSON, source + ": is empty; expected a JSON object or array");
        }
        List<Descriptor> out = new ArrayList<>();
        if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                out.add(document(root.get(i), source + "[" + i + "]"));
            }
        } else {
            out.add(document(root, source));
        }
        return out;
    }

    public static TableDesc readTable(String json, String source) {
        return ((Descriptor.Table) single(json, source, "table")).table();
    }

    public static ModelDesc readModel(String json, String source) {
        return ((Descriptor.Model) single(json, source, "model")).model();
    }

    public static CubeDesc readCube(String json, String source) {
        return ((Descriptor.Cube) single(json, source, "cube")).cube();
    }

    /** Reads a text that must hold only tables (e.g. {@code tables.json}). */
    public static List<TableDesc> readTables(String json, String source) {
        List<TableDesc> out = new ArrayList<>();
        for (Descriptor d : readAll(json, source)) {
            if (!(d instanceof Descriptor.Table t)) {
                throw new HaechiException(ErrorCode.INVALID_JSON, source + ": expected only table documents, found "
                        + d.kind() + " '" + d.name() + "'");
            }
            out.add(t.table());
        }
        return out;
    }

    private static Descriptor single(String json, String source, String kind) {
        List<Descriptor> all = readAll(json, source);
        if (all.size() != 1 || !all.get(0).kind().equals(kind)) {
            throw new HaechiException(ErrorCode.INVALID_JSON, source + ": expected one " + kind + " document, found "
                    + all.stream().map(d -> d.kind() + " '" + d.name() + "'").toList());
        }
        return all.get(0);
    }

    private static Descriptor document(JsonNode node, String source) {
        if (!node.isObject()) {
            throw invalid(source, "", "a document must be a JSON object");
        }
        JsonNode kindNode = node.get("kind");
        if (kindNode == null || !kindNode.isTextual()) {
            throw invalid(source, "kind", "missing required field 'kind' (table, model or cube)");
        }
        String kind = kindNode.textValue();
        JsonNode nameNode = node.get("name");
        String label = source + " (" + kind + (nameNode != null && nameNode.isTextual()
                ? " '" + nameNode.textValue() + "'" : "") + ")";
        List<String> fields = switch (kind) {
            case "table" -> TableJson.FIELDS;
            case "model" -> ModelJson.FIELDS;
            case "cube" -> CubeJson.FIELDS;
            default -> throw invalid(source, "kind", "unknown kind '" + kind + "'; expected table, model or cube");
        };
        JsonNode version = node.get("schemaVersion");
        if (version == null || version.isNull()) {
            throw invalid(label, "schemaVersion", "missing required field 'schemaVersion' (this Haechi writes "
                    + SCHEMA_VERSION + ")");
        }
        if (!version.isIntegralNumber() || version.asInt() != SCHEMA_VERSION || !version.canConvertToInt()) {
            String message = "schemaVersion " + version + " is not supported; this Haechi reads schemaVersion "
                    + SCHEMA_VERSION;
            throw new HaechiException(ErrorCode.UNSUPPORTED_SCHEMA_VERSION, label + ": " + message,
                    List.of(new ValidationIssue("schemaVersion", message, ErrorCode.UNSUPPORTED_SCHEMA_VERSION)));
        }
        JsonFields f = JsonFields.of(node, "", label, fields);
        return switch (kind) {
            case "table" -> new Descriptor.Table(TableJson.read(f));
            case "model" -> new Descriptor.Model(ModelJson.read(f));
            default -> new Descriptor.Cube(CubeJson.read(f));
        };
    }

    private static HaechiException invalid(String source, String path, String message) {
        return new HaechiException(ErrorCode.INVALID_JSON, source + ": " + message,
                List.of(new ValidationIssue(path, message, ErrorCode.INVALID_JSON)));
    }

    public static String write(Descriptor d) {
        return JsonText.write(node(d));
    }

    public static String write(TableDesc t) {
        return JsonText.write(TableJson.write(t));
    }

    public static String write(ModelDesc m) {
        return JsonText.write(ModelJson.write(m));
    }

    public static String write(CubeDesc c) {
        return JsonText.write(CubeJson.write(c));
    }

    /** Writes one document as an object, several as an array. */
    public static String writeAll(List<? extends Descriptor> documents) {
        if (documents.size() == 1) {
            return write(documents.get(0));
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        documents.forEach(d -> array.add(node(d)));
        return JsonText.write(array);
    }

    private static ObjectNode node(Descriptor d) {
        if (d instanceof Descriptor.Table t) {
            return TableJson.write(t.table());
        }
        if (d instanceof Descriptor.Model m) {
            return ModelJson.write(m.model());
        }
        return CubeJson.write(((Descriptor.Cube) d).cube());
    }

    static ObjectNode header(String kind, String name) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("kind", kind);
        o.put("schemaVersion", SCHEMA_VERSION);
        o.put("name", name);
        return o;
    }
}
