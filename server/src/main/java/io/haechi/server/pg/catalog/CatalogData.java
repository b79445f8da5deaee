package io.haechi.server.pg.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What the catalog shows a session: the databases (Haechi's projects), the connected project's schema and its model
 * tables with their columns as the engine exposes them, the user, and the session's settings. OIDs are assigned
 * here: stable for a given set of tables.
 *
 * @param database the connected project (the PostgreSQL database name)
 * @param databases every project a client may connect to
 * @param schema the schema the tables are in (the project's name, as over JDBC)
 * @param relations the model tables, sorted by name
 */
public record CatalogData(String database, List<String> databases, String schema, List<Relation> relations) {
    /** pg_namespace OIDs. */
    public static final int PG_CATALOG_OID = 11;
    public static final int SCHEMA_OID = 2200;
    public static final int INFORMATION_SCHEMA_OID = 13000;
    /** The first OID of a model table (PostgreSQL's first user OID). */
    public static final int FIRST_RELATION_OID = 16384;
    /** The owner of everything (pg_authid OID of the connected user). */
    public static final int OWNER_OID = 10;

    public CatalogData {
        requireNonNull(database, "database is null");
        databases = List.copyOf(databases);
        requireNonNull(schema, "schema is null");
        relations = List.copyOf(relations);
    }

    /** A model table. */
    public record Relation(int oid, String name, List<Attribute> attributes) {
        public Relation {
            requireNonNull(name, "name is null");
            attributes = List.copyOf(attributes);
        }
    }

    /**
     * A column: its PostgreSQL type OID, length and modifier, and whether it may be NULL.
     *
     * @param typeOid pg_type OID
     * @param length pg_type.typlen of the type
     * @param typmod the type modifier (varchar length + 4, numeric precision/scale), -1 for none
     */
    public record Attribute(String name, int typeOid, short length, int typmod, boolean notNull) {
        public Attribute {
            requireNonNull(name, "name is null");
        }
    }
}
