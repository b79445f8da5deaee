package io.haechi.server.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which cubes served a query, read from its EXPLAIN text: every {@code CubeScan(...)} operator (cube, cuboid, key
 * ranges, filters, segments, estimated rows) and every {@code PushdownScan(...)} (the fact table read raw, and why).
 * The operators' items are {@code name=[value]} with nested brackets, as Calcite's plan writer prints them.
 */
record PlanSummary(List<Map<String, String>> scans, List<Map<String, String>> pushdowns) {
    static PlanSummary parse(String plan) {
        List<Map<String, String>> scans = new ArrayList<>();
        List<Map<String, String>> pushdowns = new ArrayList<>();
        for (String line : plan.split("\\R")) {
            String t = line.trim();
            if (t.startsWith("CubeScan(")) {
                scans.add(items(t.substring("CubeScan(".length())));
            } else if (t.startsWith("PushdownScan(")) {
                pushdowns.add(items(t.substring("PushdownScan(".length())));
            }
        }
        return new PlanSummary(List.copyOf(scans), List.copyOf(pushdowns));
    }

    /** {@code a=[x], b=[[y, z]])} → {a: x, b: [y, z]}. */
    static Map<String, String> items(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int eq = text.indexOf("=[", i);
            if (eq < 0) {
                break;
            }
            String name = text.substring(i, eq).trim();
            int depth = 0;
            int j = eq + 1;
            for (; j < n; j++) {
                char c = text.charAt(j);
                if (c == '[') {
                    depth++;
                } else if (c == ']') {
                    depth--;
                    if (depth == 0) {
                        break;
                    }
                }
            }
            out.put(name, text.substring(eq + 2, Math.min(j, n)));
            i = j + 1;
            while (i < n && (text.charAt(i) == ',' || text.charAt(i) == ' ')) {
                i++;
            }
            if (i < n && text.charAt(i) == ')') {
                break;
            }
        }
        return out;
    }

    /** {@code [a, b]} → [a, b]; {@code []} → []. */
    static List<String> list(String value) {
        String v = value.trim();
        if (v.startsWith("[") && v.endsWith("]")) {
            v = v.substring(1, v.length() - 1).trim();
        }
        if (v.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String s : v.split(",\\s*")) {
            out.add(s.trim());
        }
        return out;
    }

    /** The Realization object of the contract; {@code missReasons} non-empty means no cube could answer. */
    ObjectNode realization(List<String> missReasons) {
        ObjectNode out = ApiJson.NODES.objectNode();
        out.put("answerable", missReasons.isEmpty());
        ArrayNode scanList = out.putArray("scans");
        List<String> served = new ArrayList<>();
        for (Map<String, String> s : scans) {
            ObjectNode n = scanList.addObject();
            String cube = s.getOrDefault("cube", "");
            List<String> cuboid = list(s.getOrDefault("cuboid", "[]"));
            n.put("cube", cube);
            ArrayNode dims = n.putArray("cuboid");
            cuboid.forEach(dims::add);
            number(n, "segments", s.get("segments"));
            number(n, "estimatedRows", s.get("estimatedRows"));
            for (String item : List.of("keyRanges", "residual", "postFilter")) {
                if (s.containsKey(item)) {
                    n.put(item, s.get(item));
                }
            }
            served.add("cube " + cube + ", cuboid (" + String.join(", ", cuboid) + ")");
        }
        ArrayNode push = out.putArray("pushdown");
        ArrayNode reasons = out.putArray("reasons");
        List<String> all = new ArrayList<>(missReasons);
        for (Map<String, String> p : pushdowns) {
            List<String> table = list(p.getOrDefault("table", "[]"));
            push.add(table.isEmpty() ? "" : table.get(table.size() - 1));
            String because = p.getOrDefault("noCubeBecause", "");
            if (!because.isBlank()) {
                all.add(because.startsWith("[") ? because.substring(1, because.length() - 1) : because);
            }
        }
        all.forEach(reasons::add);
        String summary;
        if (!missReasons.isEmpty()) {
            summary = "no cube can answer it: " + String.join("; ", missReasons);
        } else if (!pushdowns.isEmpty()) {
            summary = (served.isEmpty() ? "" : "served by " + String.join(" and ", served) + "; ")
                    + "pushed down to the raw tables " + push.toString().replace("\"", "");
        } else if (!served.isEmpty()) {
            summary = "served by " + String.join(" and ", served);
        } else {
            summary = "no cube needed: the query reads no fact table";
        }
        out.put("summary", summary);
        return out;
    }

    private static void number(ObjectNode n, String field, String value) {
        if (value == null) {
            return;
        }
        try {
            n.put(field, Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            n.put(field, value);
        }
    }
}
