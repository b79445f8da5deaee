package io.haechi.server.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;

/** The API's one JSON mapper, and how SQL and source values appear in JSON. */
final class ApiJson {
    static final ObjectMapper MAPPER = JsonMapper.builder().build();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSSSSS]",
            Locale.ROOT);

    private ApiJson() {
    }

    /** Parses JSON text that Haechi itself wrote (a stored descriptor). */
    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Haechi wrote JSON it cannot read back: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A value of a source row or an SQL result as JSON shows it: numbers as numbers (DECIMAL exactly), DATE as
     * {@code yyyy-MM-dd}, TIMESTAMP as {@code yyyy-MM-dd HH:mm:ss[.fff]} without trailing zeros, bytes as base64.
     */
    static Object value(Object v) {
        if (v == null || v instanceof Boolean || v instanceof String || v instanceof Integer || v instanceof Long
                || v instanceof Short || v instanceof Byte || v instanceof BigDecimal) {
            return v;
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? d.toString() : d;
        }
        if (v instanceof Float f) {
            return f.isNaN() || f.isInfinite() ? f.toString() : f;
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (v instanceof Timestamp t) {
            return timestamp(t.toLocalDateTime());
        }
        if (v instanceof Time t) {
            return t.toLocalTime().toString();
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        if (v instanceof LocalDateTime t) {
            return timestamp(t);
        }
        if (v instanceof LocalTime t) {
            return t.toString();
        }
        if (v instanceof byte[] b) {
            return Base64.getEncoder().encodeToString(b);
        }
        return v.toString();
    }

    private static String timestamp(LocalDateTime t) {
        String text = t.format(TIMESTAMP);
        if (text.contains(".")) {
            text = text.replaceAll("0+$", "");
            if (text.endsWith(".")) {
                text = text.substring(0, text.length() - 1);
            }
        }
        return text;
    }
}
