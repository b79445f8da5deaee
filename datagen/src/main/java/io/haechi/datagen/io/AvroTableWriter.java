package io.haechi.datagen.io;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.TableDesc;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumWriter;

/**
 * Writes one Avro object container file. The file is byte-identical for the same rows: the 16-byte sync marker
 * (random in Avro by default) is derived from a caller-given key, the header holds only the schema and codec, and
 * deflate output is deterministic.
 */
public final class AvroTableWriter implements TableWriter {
    /** Deflate level 1: the JDK's codec, so any Avro reader can decode the files; see the module README. */
    public static final int DEFLATE_LEVEL = 1;

    private final Path file;
    private final DataFileWriter<Object> writer;
    private final RowEncoder encoder;
    private long rows;

    /**
     * @param file the file to create (its parent directory must exist)
     * @param table the table whose rows are written
     * @param syncKey a string that makes the sync marker unique and repeatable, e.g. the file's relative path
     */
    public AvroTableWriter(Path file, TableDesc table, String syncKey) {
        this.file = requireNonNull(file, "file is null");
        requireNonNull(table, "table is null");
        requireNonNull(syncKey, "syncKey is null");
        this.encoder = new RowEncoder(table);
        this.writer = new DataFileWriter<>(new GenericDatumWriter<>());
        writer.setCodec(CodecFactory.deflateCodec(DEFLATE_LEVEL));
        try {
            OutputStream out = Files.newOutputStream(file);
            writer.create(AvroSchemas.of(table), out, syncMarker(syncKey));
        } catch (IOException e) {
            throw WriteFailures.of(file, e);
        }
    }

    @Override
    public void write(Object[] row) {
        try {
            writer.appendEncoded(encoder.encode(row));
            rows++;
        } catch (IOException | RuntimeException e) {
            throw new HaechiException(ErrorCode.GENERATOR_OUTPUT_FAILED,
                    "cannot write row " + (rows + 1) + " to " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw WriteFailures.of(file, e);
        }
    }

    static byte[] syncMarker(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(digest, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
