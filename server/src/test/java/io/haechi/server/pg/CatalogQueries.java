package io.haechi.server.pg;

import io.haechi.server.pg.catalog.CatalogData;
import io.haechi.server.pg.catalog.SessionView;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The captured client catalog queries (test resource) and an SSB-shaped catalog to run them on. */
final class CatalogQueries {
    record Case(String name, String sql) {
    }

    private CatalogQueries() {
    }

    static List<Case> load() throws IOException {
        String text;
        try (InputStream in = CatalogQueries.class.getResourceAsStream("/pg/client-catalog-queries.sql")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Case> out = new ArrayList<>();
        String name = null;
        StringBuilder sql = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.startsWith("--- ")) {
                if (name != null) {
                    out.add(new Case(name, sql.toString().strip()));
                }
                name = line.substring(4);
                sql.setLength(0);
            } else if (name != null) {
                sql.append(line).append('\n');
            }
        }
        if (name != null) {
            out.add(new Case(name, sql.toString().strip()));
        }
        return out;
    }

    /** SSB's five tables, with the OIDs the captures used for lineorder (16395), dates (16390) and part (16385). */
    static CatalogData ssb() {
        List<CatalogData.Relation> relations = List.of(
                new CatalogData.Relation(16386, "customer", List.of(attr("c_custkey", PgType.INT4, true),
                        attr("c_name", PgType.VARCHAR, false), attr("c_city", PgType.VARCHAR, false))),
                new CatalogData.Relation(16390, "dates", List.of(attr("d_datekey", PgType.INT4, true),
                        attr("d_year", PgType.INT4, false), attr("d_date", PgType.DATE, false))),
                new CatalogData.Relation(16395, "lineorder", List.of(attr("lo_orderkey", PgType.INT8, true),
                        attr("lo_orderdate", PgType.INT4, false), attr("lo_revenue", PgType.NUMERIC, false),
                        attr("lo_discount", PgType.FLOAT8, false), attr("lo_shipmode", PgType.VARCHAR, false))),
                new CatalogData.Relation(16385, "part", List.of(attr("p_partkey", PgType.INT4, true))),
                new CatalogData.Relation(16399, "supplier", List.of(attr("s_suppkey", PgType.INT4, true))));
        return new CatalogData("ssb", List.of("ads", "ssb"), "ssb", relations);
    }

    static CatalogData.Attribute attr(String name, PgType type, boolean notNull) {
        int typmod = type == PgType.VARCHAR ? 29 : type == PgType.NUMERIC ? ((15 << 16) | 2) + 4 : -1;
        return new CatalogData.Attribute(name, type.oid, type.length, typmod, notNull);
    }

    static SessionView session(CatalogData data) {
        Map<String, String> settings = new TreeMap<>(Map.of("server_version", "15.0", "max_index_keys", "32",
                "transaction_isolation", "read committed", "max_identifier_length", "63"));
        return new SessionView("analyst", 42, settings, () -> data, () -> false);
    }
}
