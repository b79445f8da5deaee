package io.haechi.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Deterministic pretty-printing in 120 columns: two-space indent and {@code "field": value}. A flat object (scalar
 * values) or an array of scalars (or of scalar arrays) stays on one line when it fits; otherwise objects take one
 * field per line, arrays of objects one element per line, and scalar arrays are filled line by line. Field order is
 * the node's insertion order, which the writers fix. Ends with a newline.
 */
final class JsonText {
    private static final int WIDTH = 120;

    private JsonText() {
    }

    static String write(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        value(node, sb, "", 0);
        return sb.append('\n').toString();
    }

    /** Appends {@code node}; {@code column} is where it starts on the current line. */
    private static void value(JsonNode node, StringBuilder sb, String indent, int column) {
        if (node.isContainerNode() && flat(node)) {
            String compact = compact(node);
            // +1 for a following comma
            if (column + compact.length() + 1 <= WIDTH) {
                sb.append(compact);
                return;
            }
        }
        if (node.isObject()) {
            object(node, sb, indent);
        } else if (node.isArray()) {
            array(node, sb, indent);
        } else {
            sb.append(node.toString());
        }
    }

    private static boolean flat(JsonNode node) {
        for (JsonNode child : node) {
            if (child.isObject() || child.isArray() && (node.isObject() || !scalars(child))) {
                return false;
            }
        }
        return true;
    }

    private static boolean scalars(JsonNode array) {
        for (JsonNode child : array) {
            if (child.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    private static String compact(JsonNode node) {
        if (node.isObject()) {
            StringBuilder sb = new StringBuilder("{");
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                sb.append(TextNode.valueOf(f.getKey())).append(": ").append(compact(f.getValue()));
                sb.append(fields.hasNext() ? ", " : "");
            }
            return sb.append('}').toString();
        }
        if (node.isArray()) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < node.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(compact(node.get(i)));
            }
            return sb.append(']').toString();
        }
        return node.toString();
    }

    private static void object(JsonNode node, StringBuilder sb, String indent) {
        String inner = indent + "  ";
        sb.append("{\n");
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String key = TextNode.valueOf(f.getKey()) + ": ";
            sb.append(inner).append(key);
            value(f.getValue(), sb, inner, inner.length() + key.length());
            sb.append(fields.hasNext() ? ",\n" : "\n");
        }
        sb.append(indent).append('}');
    }

    private static void array(JsonNode node, StringBuilder sb, String indent) {
        String inner = indent + "  ";
        sb.append("[\n");
        boolean fill = !node.isEmpty() && flat(node);
        int column = 0;
        for (int i = 0; i < node.size(); i++) {
            String last = i + 1 < node.size() ? "," : "";
            if (fill) {
                String item = compact(node.get(i)) + last;
                if (column > 0 && column + 1 + item.length() > WIDTH) {
                    sb.append('\n');
                    column = 0;
                }
                if (column == 0) {
                    sb.append(inner).append(item);
                    column = inner.length() + item.length();
                } else {
                    sb.append(' ').append(item);
                    column += 1 + item.length();
                }
            } else {
                sb.append(inner);
                value(node.get(i), sb, inner, inner.length());
                sb.append(last).append('\n');
            }
        }
        if (fill) {
            sb.append('\n');
        }
        sb.append(indent).append(']');
    }
}
