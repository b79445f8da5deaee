package io.haechi.server.pg.catalog;

import static io.haechi.server.pg.catalog.CatalogData.INFORMATION_SCHEMA_OID;
import static io.haechi.server.pg.catalog.CatalogData.OWNER_OID;
import static io.haechi.server.pg.catalog.CatalogData.PG_CATALOG_OID;
import static io.haechi.server.pg.catalog.CatalogData.SCHEMA_OID;

import io.haechi.server.pg.PgType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The relations of {@code pg_catalog} and {@code information_schema} that psql, psqlODBC, pgjdbc and psycopg2 query
 * (clients-appendix-sql.md), with PostgreSQL's column names. They list the project's model tables and columns, the
 * PostgreSQL types Haechi sends, the projects as databases, and the session's settings; the objects Haechi has no
 * notion of (indexes, constraints, triggers, policies, publications, partitions, descriptions, functions) are empty
 * relations of the right shape, so the clients' joins over them simply find nothing.
 */
final class PgCatalogTables {
    /** OIDs of the catalog relations themselves, for {@code 'pg_class'::regclass}. */
    static final Map<String, Integer> CATALOG_OIDS = Map.ofEntries(Map.entry("pg_class", 1259),
            Map.entry("pg_attribute", 1249), Map.entry("pg_type", 1247), Map.entry("pg_proc", 1255),
            Map.entry("pg_namespace", 2615), Map.entry("pg_constraint", 2606), Map.entry("pg_description", 2609),
            Map.entry("pg_index", 2610), Map.entry("pg_database", 1262), Map.entry("pg_attrdef", 2604),
            Map.entry("pg_trigger", 2620), Map.entry("pg_am", 2601), Map.entry("pg_settings", 12000));

    private PgCatalogTables() {
    }

    static Map<String, CatalogTable> pgCatalog() {
        Map<String, CatalogTable> t = new LinkedHashMap<>();
        add(t, new CatalogTable("pg_namespace", "oid int, nspname text, nspowner int, nspacl text",
                d -> List.of(new Object[] {PG_CATALOG_OID, "pg_catalog", OWNER_OID, null},
                        new Object[] {SCHEMA_OID, d.schema(), OWNER_OID, null},
                        new Object[] {INFORMATION_SCHEMA_OID, "information_schema", OWNER_OID, null})));
        add(t, new CatalogTable("pg_class", "oid int, relname text, relnamespace int, reltype int, reloftype int, "
                + "relowner int, relam int, relfilenode int, reltablespace int, relpages int, reltuples real, "
                + "relallvisible int, reltoastrelid int, relhasindex bool, relisshared bool, relpersistence text, "
                + "relkind text, relnatts smallint, relchecks smallint, relhasrules bool, relhastriggers bool, "
                + "relhassubclass bool, relrowsecurity bool, relforcerowsecurity bool, relispopulated bool, "
                + "relreplident text, relispartition bool, relrewrite int, relfrozenxid int, relminmxid int, "
                + "relacl text[], reloptions text[], relpartbound text", PgCatalogTables::classes));
        add(t, new CatalogTable("pg_attribute", "attrelid int, attname text, atttypid int, attstattarget int, "
                + "attlen smallint, attnum smallint, attndims int, attcacheoff int, atttypmod int, attbyval bool, "
                + "attalign text, attstorage text, attcompression text, attnotnull bool, atthasdef bool, "
                + "atthasmissing bool, attidentity text, attgenerated text, attisdropped bool, attislocal bool, "
                + "attinhcount int, attcollation int, attacl text[], attoptions text[], attfdwoptions text[]",
                PgCatalogTables::attributes));
        add(t, new CatalogTable("pg_type", "oid int, typname text, typnamespace int, typowner int, typlen smallint, "
                + "typbyval bool, typtype text, typcategory text, typispreferred bool, typisdefined bool, "
                + "typdelim text, typrelid int, typsubscript text, typelem int, typarray int, typinput text, "
                + "typoutput text, typreceive text, typsend text, typmodin text, typmodout text, typanalyze text, "
                + "typalign text, typstorage text, typnotnull bool, typbasetype int, typtypmod int, typndims int, "
                + "typcollation int, typdefaultbin text, typdefault text, typacl text[]", d -> types()));
        add(t, new CatalogTable("pg_database", "oid int, datname text, datdba int, encoding int, "
                + "datlocprovider text, datistemplate bool, datallowconn bool, datconnlimit int, datfrozenxid int, "
                + "datminmxid int, dattablespace int, datcollate text, datctype text, daticulocale text, "
                + "datcollversion text, datacl text[]", PgCatalogTables::databases));
        add(t, new CatalogTable("pg_settings", "name text, setting text, unit text, category text, "
                + "short_desc text, extra_desc text, context text, vartype text, source text, min_val text, "
                + "max_val text, enumvals text[], boot_val text, reset_val text, sourcefile text, sourceline int, "
                + "pending_restart bool", d -> settings()));
        add(t, new CatalogTable("pg_roles", "oid int, rolname text, rolsuper bool, rolinherit bool, "
                + "rolcreaterole bool, rolcreatedb bool, rolcanlogin bool, rolreplication bool, rolconnlimit int, "
                + "rolpassword text, rolvaliduntil timestamp, rolbypassrls bool, rolconfig text[]",
                d -> List.<Object[]>of(new Object[] {OWNER_OID, SessionView.current().user(), false, true, false,
                    false, true, false, -1, "********", null, false, null})));
        add(t, new CatalogTable("pg_user", "usename text, usesysid int, usecreatedb bool, usesuper bool, "
                + "userepl bool, usebypassrls bool, passwd text, valuntil timestamp, useconfig text[]",
                d -> List.<Object[]>of(new Object[] {SessionView.current().user(), OWNER_OID, false, false, false,
                    false, "********", null, null})));
        add(t, new CatalogTable("pg_am", "oid int, amname text, amhandler text, amtype text",
                d -> List.of(new Object[] {2, "heap", "heap_tableam_handler", "t"},
                        new Object[] {403, "btree", "bthandler", "i"})));
        add(t, new CatalogTable("pg_collation", "oid int, collname text, collnamespace int, collowner int, "
                + "collprovider text, collisdeterministic bool, collencoding int, collcollate text, collctype text",
                d -> List.<Object[]>of(new Object[] {100, "default", PG_CATALOG_OID, OWNER_OID, "d", true, -1, null,
                    null})));
        add(t, new CatalogTable("pg_tablespace", "oid int, spcname text, spcowner int, spcacl text[], "
                + "spcoptions text[]", d -> List.<Object[]>of(new Object[] {1663, "pg_default", OWNER_OID, null,
                    null})));
        add(t, CatalogTable.empty("pg_index", "indexrelid int, indrelid int, indnatts smallint, "
                + "indnkeyatts smallint, indisunique bool, indnullsnotdistinct bool, indisprimary bool, "
                + "indisexclusion bool, indimmediate bool, indisclustered bool, indisvalid bool, "
                + "indcheckxmin bool, indisready bool, indislive bool, indisreplident bool, indkey int2[], "
                + "indcollation int4[], indclass int4[], indoption int2[], indexprs text, indpred text"));
        add(t, CatalogTable.empty("pg_constraint", "oid int, conname text, connamespace int, contype text, "
                + "condeferrable bool, condeferred bool, convalidated bool, conrelid int, contypid int, "
                + "conindid int, conparentid int, confrelid int, confupdtype text, confdeltype text, "
                + "confmatchtype text, conislocal bool, coninhcount int, connoinherit bool, conkey int2[], "
                + "confkey int2[], conpfeqop int4[], conppeqop int4[], conffeqop int4[], conexclop int4[], "
                + "conbin text"));
        add(t, CatalogTable.empty("pg_attrdef", "oid int, adrelid int, adnum smallint, adbin text"));
        add(t, CatalogTable.empty("pg_description", "objoid int, classoid int, objsubid int, description text"));
        add(t, CatalogTable.empty("pg_shdescription", "objoid int, classoid int, description text"));
        add(t, CatalogTable.empty("pg_proc", "oid int, proname text, pronamespace int, proowner int, "
                + "prolang int, procost real, prorows real, provariadic int, prosupport text, prokind text, "
                + "prosecdef bool, proleakproof bool, proisstrict bool, proretset bool, provolatile text, "
                + "proparallel text, pronargs smallint, pronargdefaults smallint, prorettype int, "
                + "proargtypes int4[], proallargtypes int4[], proargmodes text[], proargnames text[], "
                + "prosrc text, probin text, proacl text[]"));
        add(t, CatalogTable.empty("pg_inherits", "inhrelid int, inhparent int, inhseqno int, "
                + "inhdetachpending bool"));
        add(t, CatalogTable.empty("pg_trigger", "oid int, tgrelid int, tgparentid int, tgname text, tgfoid int, "
                + "tgtype smallint, tgenabled text, tgisinternal bool, tgconstrrelid int, tgconstrindid int, "
                + "tgconstraint int, tgdeferrable bool, tginitdeferred bool, tgnargs smallint, tgattr int2[], "
                + "tgqual text"));
        add(t, CatalogTable.empty("pg_policy", "oid int, polname text, polrelid int, polcmd text, "
                + "polpermissive bool, polroles int4[], polqual text, polwithcheck text"));
        add(t, CatalogTable.empty("pg_statistic_ext", "oid int, stxrelid int, stxname text, stxnamespace int, "
                + "stxowner int, stxstattarget int, stxkeys int2[], stxkind text[], stxexprs text"));
        add(t, CatalogTable.empty("pg_publication", "oid int, pubname text, pubowner int, puballtables bool, "
                + "pubinsert bool, pubupdate bool, pubdelete bool, pubtruncate bool, pubviaroot bool"));
        add(t, CatalogTable.empty("pg_publication_namespace", "oid int, pnpubid int, pnnspid int"));
        add(t, CatalogTable.empty("pg_publication_rel", "oid int, prpubid int, prrelid int, prqual text, "
                + "prattrs int2[]"));
        add(t, CatalogTable.empty("pg_rewrite", "oid int, rulename text, ev_class int, ev_type text, "
                + "ev_enabled text, is_instead bool, ev_qual text, ev_action text"));
        add(t, CatalogTable.empty("pg_extension", "oid int, extname text, extowner int, extnamespace int, "
                + "extrelocatable bool, extversion text"));
        add(t, CatalogTable.empty("pg_enum", "oid int, enumtypid int, enumsortorder real, enumlabel text"));
        add(t, CatalogTable.empty("pg_foreign_table", "ftrelid int, ftserver int, ftoptions text[]"));
        add(t, CatalogTable.empty("pg_depend", "classid int, objid int, objsubid int, refclassid int, "
                + "refobjid int, refobjsubid int, deptype text"));
        add(t, new CatalogTable("pg_tables", "schemaname text, tablename text, tableowner text, tablespace text, "
                + "hasindexes bool, hasrules bool, hastriggers bool, rowsecurity bool",
                d -> d.relations().stream().map(r -> new Object[] {d.schema(), r.name(), SessionView.current().user(),
                    null, false, false, false, false}).toList()));
        add(t, CatalogTable.empty("pg_views", "schemaname text, viewname text, viewowner text, definition text"));
        add(t, CatalogTable.empty("pg_matviews", "schemaname text, matviewname text, matviewowner text, "
                + "tablespace text, hasindexes bool, ispopulated bool, definition text"));
        return t;
    }

    static Map<String, CatalogTable> informationSchema() {
        Map<String, CatalogTable> t = new LinkedHashMap<>();
        add(t, new CatalogTable("schemata", "catalog_name text, schema_name text, schema_owner text, "
                + "default_character_set_catalog text, default_character_set_schema text, "
                + "default_character_set_name text, sql_path text",
                d -> List.<Object[]>of(new Object[] {d.database(), d.schema(), SessionView.current().user(), null,
                    null, null, null})));
        add(t, new CatalogTable("tables", "table_catalog text, table_schema text, table_name text, table_type text, "
                + "self_referencing_column_name text, reference_generation text, user_defined_type_catalog text, "
                + "user_defined_type_schema text, user_defined_type_name text, is_insertable_into text, "
                + "is_typed text, commit_action text",
                d -> d.relations().stream().map(r -> new Object[] {d.database(), d.schema(), r.name(), "BASE TABLE",
                    null, null, null, null, null, "NO", "NO", null}).toList()));
        add(t, new CatalogTable("columns", "table_catalog text, table_schema text, table_name text, "
                + "column_name text, ordinal_position int, column_default text, is_nullable text, data_type text, "
                + "character_maximum_length int, character_octet_length int, numeric_precision int, "
                + "numeric_precision_radix int, numeric_scale int, datetime_precision int, udt_catalog text, "
                + "udt_schema text, udt_name text, is_identity text, is_generated text, is_updatable text",
                PgCatalogTables::columns));
        return t;
    }

    private static void add(Map<String, CatalogTable> tables, CatalogTable table) {
        tables.put(table.name(), table);
    }

    private static List<Object[]> classes(CatalogData d) {
        List<Object[]> out = new ArrayList<>();
        for (CatalogData.Relation r : d.relations()) {
            out.add(new Object[] {r.oid(), r.name(), SCHEMA_OID, 0, 0, OWNER_OID, 2, r.oid(), 0, 0, -1f, 0, 0,
                false, false, "p", "r", (short) r.attributes().size(), (short) 0, false, false, false, false, false,
                true, "d", false, 0, 0, 0, null, null, null});
        }
        return out;
    }

    private static List<Object[]> attributes(CatalogData d) {
        List<Object[]> out = new ArrayList<>();
        for (CatalogData.Relation r : d.relations()) {
            short num = 0;
            for (CatalogData.Attribute a : r.attributes()) {
                num++;
                boolean byValue = a.length() > 0 && a.length() <= 8;
                boolean text = PgType.byOid(a.typeOid()).map(t -> t.category == 'S').orElse(false);
                out.add(new Object[] {r.oid(), a.name(), a.typeOid(), -1, a.length(), num, 0, -1, a.typmod(),
                    byValue, byValue ? "i" : "i", byValue ? "p" : "x", "", a.notNull(), false, false, "", "", false,
                    true, 0, text ? 100 : 0, null, null, null});
            }
        }
        return out;
    }

    private static List<Object[]> types() {
        List<Object[]> out = new ArrayList<>();
        for (PgType t : PgType.values()) {
            if (t == PgType.UNKNOWN) {
                continue;
            }
            boolean array = t.isArray() && t != PgType.INT2VECTOR && t != PgType.OIDVECTOR;
            String io = array ? "array" : t.typname;
            boolean byValue = t.length > 0 && t.length <= 8;
            out.add(new Object[] {t.oid, t.typname, PG_CATALOG_OID, OWNER_OID, t.length, byValue, "b",
                String.valueOf(t.category), false, true, ",", 0, array ? "array_subscript_handler" : "-",
                array ? t.element().oid : 0, t.arrayOid, io + "_in", io + "_out", io + "_recv", io + "_send", "-",
                "-", "-", t.length == 8 ? "d" : t.length == 2 ? "s" : t.length == 1 ? "c" : "i",
                byValue ? "p" : "x", false, 0, -1, 0, t.category == 'S' ? 100 : 0, null, null, null});
        }
        return out;
    }

    private static List<Object[]> databases(CatalogData d) {
        List<Object[]> out = new ArrayList<>();
        int oid = 20_000;
        for (String db : d.databases()) {
            out.add(new Object[] {oid++, db, OWNER_OID, 6, "c", false, true, -1, 0, 1, 1663, "C.UTF-8", "C.UTF-8",
                null, null, null});
        }
        return out;
    }

    private static List<Object[]> settings() {
        List<Object[]> out = new ArrayList<>();
        SessionView s = SessionView.current();
        s.settings().forEach((name, value) -> out.add(new Object[] {name, value, null, "Haechi", name, null, "user",
            "string", "session", null, null, null, value, value, null, null, false}));
        return out;
    }

    private static List<Object[]> columns(CatalogData d) {
        List<Object[]> out = new ArrayList<>();
        for (CatalogData.Relation r : d.relations()) {
            int position = 0;
            for (CatalogData.Attribute a : r.attributes()) {
                position++;
                PgType type = PgType.byOid(a.typeOid()).orElse(PgType.TEXT);
                Integer chars = (type == PgType.VARCHAR || type == PgType.BPCHAR) && a.typmod() > 4
                        ? a.typmod() - 4 : null;
                Integer precision = null;
                Integer scale = null;
                switch (type) {
                    case INT2 -> { precision = 16; scale = 0; }
                    case INT4 -> { precision = 32; scale = 0; }
                    case INT8 -> { precision = 64; scale = 0; }
                    case FLOAT4 -> precision = 24;
                    case FLOAT8 -> precision = 53;
                    case NUMERIC -> {
                        if (a.typmod() > 4) {
                            precision = (a.typmod() - 4) >> 16;
                            scale = (a.typmod() - 4) & 0xffff;
                        }
                    }
                    default -> { }
                }
                String dataType = PgType.formatType(a.typeOid(), -1);
                out.add(new Object[] {d.database(), d.schema(), r.name(), a.name(), position, null,
                    a.notNull() ? "NO" : "YES", dataType, chars, chars == null ? null : chars * 4, precision,
                    precision == null ? null : (type == PgType.NUMERIC ? 10 : 2), scale, null, d.database(),
                    "pg_catalog", type.typname, "NO", "NEVER", "NO"});
            }
        }
        return out;
    }

    /** The OID a relation name has: a model table's, or a catalog relation's. */
    static Integer relationOid(CatalogData d, String name) {
        String bare = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        bare = bare.replace("\"", "");
        for (CatalogData.Relation r : d.relations()) {
            if (r.name().equals(bare)) {
                return r.oid();
            }
        }
        return CATALOG_OIDS.get(bare);
    }
}
