package io.haechi.model.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** JSON of segment documents: stable field names, a schema version, unknown fields refused. */
final class SegmentJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("kind", "schemaVersion", "name", "cube", "from", "to", "status",
            "storageId", "shardCount", "jobId", "rowsPerCuboid", "sourceRows", "bytesStored", "leftJoinMisses");

    private SegmentJson() {
    }

    static String write(SegmentDesc s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("kind", "segment");
        n.put("schemaVersion", 1);
        n.put("name", s.name());
        n.put("cube", s.cube());
        n.put("from", s.from().toString());
        n.put("to", s.to().toString());
        n.put("status", s.status().name());
        n.put("storageId", s.storageId());
        n.put("shardCount", s.shardCount());
        n.put("jobId", s.jobId());
        ObjectNode rows = n.putObject("rowsPerCuboid");
        new TreeMap<>(s.rowsPerCuboid()).forEach((cuboid, count) -> rows.put(Long.toString(cuboid), count));
        n.put("sourceRows", s.sourceRows());
        n.put("bytesStored", s.bytesStored());
        if (!s.leftJoinMisses().isEmpty()) {
            ObjectNode misses = n.putObject("leftJoinMisses");
            new TreeMap<>(s.leftJoinMisses()).forEach(misses::put);
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(n);
        } catch (IOException e) {
            throw new HaechiException(ErrorCode.INTERNAL_ERROR, "cannot write segment " + s.name(), e);
        }
    }

    static SegmentDesc read(String json, String source) {
        try {
            JsonNode n = MAPPER.readTree(json);
            for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
                String f = it.next();
                if (!FIELDS.contains(f)) {
                    throw new HaechiException(ErrorCode.INVALID_JSON, source + ": unknown field '" + f + "'");
                }
            }
            if (n.path("schemaVersion").asInt(0) != 1) {
                throw new HaechiException(ErrorCode.UNSUPPORTED_SCHEMA_VERSION,
                        source + ": segment schemaVersion " + n.path("schemaVersion") + " is not 1");
            }
            Map<Long, Long> rows = new TreeMap<>();
            n.path("rowsPerCuboid").fields().forEachRemaining(e -> rows.put(Long.parseLong(e.getKey()),
                    count(e.getValue(), source, "rowsPerCuboid." + e.getKey())));
            Map<String, Long> misses = new TreeMap<>();
            n.path("leftJoinMisses").fields().forEachRemaining(e -> misses.put(e.getKey(),
                    count(e.getValue(), source, "leftJoinMisses." + e.getKey())));
            return new SegmentDesc(text(n, "name", source), text(n, "cube", source),
                    LocalDate.parse(text(n, "from", source)), LocalDate.parse(text(n, "to", source)),
                    SegmentStatus.valueOf(text(n, "status", source)), text(n, "storageId", source),
                    n.path("shardCount").asInt(),
                    text(n, "jobId", source), rows, n.path("sourceRows").asLong(), n.path("bytesStored").asLong(),
                    misses);
        } catch (IOException | RuntimeException e) {
            if (e instanceof HaechiException he) {
                throw he;
            }
            throw new HaechiException(ErrorCode.INVALID_JSON, source + ": not a valid segment document: " + e, e);
        }
    }

    /** A row count of a segment document: a whole number, at least 0 (never read as 0 when it is something else). */
    private static long count(JsonNode value, String source, String path) {
        if (!value.canConvertToExactIntegral() || value.asLong() < 0) {
            throw new HaechiException(ErrorCode.INVALID_JSON, source + ": " + path + " must be a row count (a whole "
                    + "number >= 0), got " + value);
        }
        return value.asLong();
    }

    /** The document that keeps a READY segment's dictionaries (base64 of the builder's dictionary file). */
    static String writeDictionaries(byte[] bytes) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("kind", "segment_dictionaries");
        n.put("schemaVersion", 1);
        n.put("bytes", Base64.getEncoder().encodeToString(bytes));
        try {
            return MAPPER.writeValueAsString(n);
        } catch (IOException e) {
            throw new HaechiException(ErrorCode.INTERNAL_ERROR, "cannot write segment dictionaries", e);
        }
    }

    static byte[] readDictionaries(String json, String source) {
        try {
            JsonNode n = MAPPER.readTree(json);
            if (n.path("schemaVersion").asInt(0) != 1) {
                throw new HaechiException(ErrorCode.UNSUPPORTED_SCHEMA_VERSION,
                        source + ": schemaVersion " + n.path("schemaVersion") + " is not 1");
            }
            return Base64.getDecoder().decode(text(n, "bytes", source));
        } catch (IOException | IllegalArgumentException e) {
            throw new HaechiException(ErrorCode.INVALID_JSON, source + ": not a valid dictionaries document: " + e, e);
        }
    }

    private static String text(JsonNode n, String field, String source) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new HaechiException(ErrorCode.INVALID_JSON, source + ": field '" + field + "' is missing");
        }
        return v.asText();
    }
}
