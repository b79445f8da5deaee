package io.haechi.server.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A readable SQL script test file: blocks of {@code -- name: X}, {@code -- cuboid: d1, d2} (the dimensions of the
 * cuboid the plan must read, any order) or {@code -- error: SQLSTATE text} (an expected failure), optional
 * {@code -- allow-empty: why} (DuckDB's answer may have no rows at this scale) and {@code -- params: v1 | v2} lines (each runs the query as a prepared statement with those values), then the query
 * ending with {@code ;}. Other comment lines are ignored.
 */
record SqlScript(String file, List<Case> cases) {
    record Case(String name, List<String> cuboid, String error, List<List<String>> params, boolean allowEmpty,
            String sql, int line) {
        boolean expectsError() {
            return error != null;
        }
    }

    static SqlScript load(String resource) throws IOException {
        try (InputStream in = SqlScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no test resource " + resource);
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static SqlScript parse(String file, String text) {
        List<Case> cases = new ArrayList<>();
        String name = null;
        List<String> cuboid = null;
        String error = null;
        boolean allowEmpty = false;
        List<List<String>> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        int start = 0;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String t = line.strip();
            if (t.startsWith("-- name:")) {
                name = t.substring(8).strip();
                start = i + 1;
            } else if (t.startsWith("-- cuboid:")) {
                String dims = t.substring(10).strip();
                cuboid = dims.isEmpty() ? List.of() : Arrays.stream(dims.split(",")).map(String::strip).toList();
            } else if (t.startsWith("-- error:")) {
                error = t.substring(9).strip();
            } else if (t.startsWith("-- allow-empty:")) {
                allowEmpty = true;
            } else if (t.startsWith("-- params:")) {
                params.add(Arrays.stream(t.substring(10).split("\\|")).map(String::strip).toList());
            } else if (t.startsWith("--") || (t.isEmpty() && sql.length() == 0)) {
                continue;
            } else {
                sql.append(line).append('\n');
                if (t.endsWith(";")) {
                    if (name == null || (cuboid == null && error == null)) {
                        throw new IllegalArgumentException(file + ":" + (i + 1) + ": a query needs '-- name:' and "
                                + "'-- cuboid:' or '-- error:' before it");
                    }
                    String q = sql.toString().strip();
                    cases.add(new Case(name, cuboid, error, List.copyOf(params), allowEmpty,
                            q.substring(0, q.length() - 1), start));
                    name = null;
                    cuboid = null;
                    error = null;
                    allowEmpty = false;
                    params = new ArrayList<>();
                    sql.setLength(0);
                }
            }
        }
        if (sql.length() > 0) {
            throw new IllegalArgumentException(file + ": the last query does not end with ';'");
        }
        return new SqlScript(file, cases);
    }
}
