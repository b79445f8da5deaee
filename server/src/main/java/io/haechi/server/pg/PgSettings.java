package io.haechi.server.pg;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A session's run-time settings (PostgreSQL's GUCs), as SET, SHOW and RESET see them and as ParameterStatus reports
 * them. Names are case-insensitive. Values Haechi depends on are checked: the encoding is UTF8 and dates are ISO,
 * because that is what it sends. Other settings a client or tool sets (statement_timeout, search_path,
 * extra_float_digits, ...) are kept and shown, and change nothing else.
 */
final class PgSettings {
    /** The settings PostgreSQL reports with ParameterStatus, in its spelling. */
    static final List<String> REPORTED = List.of("server_version", "server_encoding", "client_encoding",
            "application_name", "DateStyle", "TimeZone", "IntervalStyle", "integer_datetimes",
            "standard_conforming_strings", "is_superuser", "session_authorization", "default_transaction_read_only",
            "in_hot_standby");
    private static final Map<String, String> SPELLING = spelling();
    private static final Set<String> UTF8 = Set.of("utf8", "utf-8", "unicode");

    private final Map<String, String> defaults = new TreeMap<>();
    private final Map<String, String> values = new TreeMap<>();

    PgSettings(String serverVersion, String user, String schema) {
        defaults.put("server_version", serverVersion);
        defaults.put("server_version_num", "150000");
        defaults.put("server_encoding", "UTF8");
        defaults.put("client_encoding", "UTF8");
        defaults.put("application_name", "");
        defaults.put("datestyle", "ISO, MDY");
        defaults.put("timezone", "UTC");
        defaults.put("intervalstyle", "postgres");
        defaults.put("integer_datetimes", "on");
        defaults.put("standard_conforming_strings", "on");
        defaults.put("is_superuser", "off");
        defaults.put("session_authorization", user);
        defaults.put("default_transaction_read_only", "on");
        defaults.put("transaction_read_only", "on");
        defaults.put("in_hot_standby", "off");
        defaults.put("transaction_isolation", "read committed");
        defaults.put("default_transaction_isolation", "read committed");
        defaults.put("extra_float_digits", "1");
        defaults.put("search_path", schema);
        defaults.put("max_identifier_length", "63");
        defaults.put("max_index_keys", "32");
        defaults.put("statement_timeout", "0");
        defaults.put("lc_collate", "C.UTF-8");
        defaults.put("lc_ctype", "C.UTF-8");
        defaults.put("bytea_output", "hex");
        defaults.put("block_size", "8192");
        values.putAll(defaults);
    }

    /** The current value, or null when the setting does not exist. */
    String get(String name) {
        return values.get(name.toLowerCase(Locale.ROOT));
    }

    /** Sets {@code name}; returns the name as ParameterStatus reports it when it is a reported setting, else null. */
    String set(String name, String value) {
        String key = name.toLowerCase(Locale.ROOT);
        String v = value;
        switch (key) {
            case "client_encoding":
                if (!UTF8.contains(v.toLowerCase(Locale.ROOT))) {
                    throw new PgError(PgError.FEATURE_NOT_SUPPORTED, "client_encoding " + v + " is not supported: "
                            + "Haechi sends and reads UTF8 only");
                }
                v = "UTF8";
                break;
            case "datestyle":
                if (!v.toUpperCase(Locale.ROOT).startsWith("ISO")) {
                    throw new PgError(PgError.INVALID_PARAMETER_VALUE, "DateStyle " + v + " is not supported: "
                            + "Haechi writes dates as ISO");
                }
                v = v.contains(",") ? v : "ISO, MDY";
                break;
            case "server_version", "server_version_num", "server_encoding", "integer_datetimes", "is_superuser",
                    "session_authorization", "in_hot_standby", "max_identifier_length", "max_index_keys",
                    "block_size", "lc_collate", "lc_ctype":
                throw new PgError("55P02", "parameter \"" + name + "\" cannot be changed");
            case "transaction_read_only", "default_transaction_read_only":
                if (!Set.of("on", "true", "1", "yes").contains(v.toLowerCase(Locale.ROOT))) {
                    throw new PgError(PgError.READ_ONLY, "Haechi serves cubes read-only: " + name + " stays on");
                }
                v = "on";
                break;
            default:
                if (!key.matches("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?")) {
                    throw new PgError(PgError.UNDEFINED_OBJECT, "unrecognized configuration parameter \"" + name
                            + "\"");
                }
                break;
        }
        values.put(key, v);
        return SPELLING.get(key);
    }

    /** RESET name: back to the session's start value; returns the reported name as {@link #set} does. */
    String reset(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        String d = defaults.get(key);
        if (d == null) {
            values.remove(key);
            return null;
        }
        values.put(key, d);
        return SPELLING.get(key);
    }

    void resetAll() {
        values.clear();
        values.putAll(defaults);
    }

    /** The values reported with ParameterStatus, in PostgreSQL's spelling. */
    Map<String, String> reported() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : REPORTED) {
            out.put(name, get(name));
        }
        return out;
    }

    /** A live read-only view for the catalog (pg_settings, current_setting). */
    Map<String, String> view() {
        return java.util.Collections.unmodifiableMap(values);
    }

    private static Map<String, String> spelling() {
        Map<String, String> m = new TreeMap<>();
        REPORTED.forEach(n -> m.put(n.toLowerCase(Locale.ROOT), n));
        return m;
    }
}
