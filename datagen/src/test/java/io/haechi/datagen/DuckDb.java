package io.haechi.datagen;

import io.haechi.model.table.ColumnDesc;
import io.haechi.model.table.TableDesc;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** Test support: DuckDB (the oracle) loaded from the generated Avro files, read back with the Avro library. */
public final class DuckDb {
    private DuckDb() {
    }

    public static Connection open() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = c.createStatement()) {
            s.execute("SET threads = 2");
        }
        return c;
    }

    /** Every file under {@code dir} with the extension, sorted by path. */
    public static List<Path> files(Path dir, String extension) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith("." + extension)).sorted().toList();
        }
    }

    /** Reads every Avro file under {@code dir} back with the Avro library. */
    public static List<GenericRecord> readAvro(Path dir) throws IOException {
        List<GenericRecord> rows = new ArrayList<>();
        for (Path f : files(dir, "avro")) {
            try (DataFileReader<GenericRecord> r = new DataFileReader<>(f.toFile(), new GenericDatumReader<>())) {
                for (GenericRecord rec : r) {
                    rows.add(rec);
                }
            }
        }
        return rows;
    }

    /** Creates {@code table} in DuckDB and appends every row of the Avro files under {@code dir}. */
    public static long load(Connection c, TableDesc table, Path dir) throws IOException, SQLException {
        StringBuilder ddl = new StringBuilder("CREATE TABLE " + table.name() + " (");
        for (int i = 0; i < table.columns().size(); i++) {
            ColumnDesc col = table.columns().get(i);
            ddl.append(i > 0 ? ", " : "").append(col.name()).append(' ').append(sqlType(col));
        }
        try (Statement s = c.createStatement()) {
            s.execute(ddl.append(")").toString());
        }
        long rows = 0;
        try (DuckDBAppender a = c.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA,
                table.name())) {
            for (Path f : files(dir, "avro")) {
                try (DataFileReader<GenericRecord> r = new DataFileReader<>(f.toFile(),
                        new GenericDatumReader<>())) {
                    GenericRecord rec = null;
                    while (r.hasNext()) {
                        rec = r.next(rec);
                        a.beginRow();
                        for (int i = 0; i < table.columns().size(); i++) {
                            Object v = rec.get(i);
                            switch (table.columns().get(i).type().name()) {
                                case SMALLINT -> a.append((short) (int) (Integer) v);
                                case INT -> a.append((int) (Integer) v);
                                case BIGINT -> a.append((long) (Long) v);
                                case DATE -> a.append(LocalDate.ofEpochDay((Integer) v));
                                case DOUBLE -> a.append((double) (Double) v);
                                default -> a.append(v.toString());
                            }
                        }
                        a.endRow();
                        rows++;
                    }
                }
            }
        }
        return rows;
    }

    private static String sqlType(ColumnDesc col) {
        return switch (col.type().name()) {
            case SMALLINT -> "SMALLINT";
            case INT -> "INTEGER";
            case BIGINT -> "BIGINT";
            case DATE -> "DATE";
            case DOUBLE -> "DOUBLE";
            default -> "VARCHAR";
        };
    }

    public static long longValue(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static double doubleValue(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    public static String stringValue(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The first two columns of a query as a map (string key, double value), in result order. */
    public static Map<String, Double> map(Connection c, String sql) throws SQLException {
        Map<String, Double> m = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                m.put(rs.getString(1), rs.getDouble(2));
            }
        }
        return m;
    }

    /** SHA-256 of every file under {@code dir}, keyed by relative path. */
    public static Map<String, String> digests(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                m.put(dir.relativize(p).toString(), sha256(p));
            }
        }
        return m;
    }

    private static String sha256(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
