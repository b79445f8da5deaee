package io.haechi.builder.source;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.ColumnDesc;
import io.haechi.model.table.SourceFormat;
import io.haechi.model.table.TableDesc;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;

/**
 * Infers a table's columns from the writer schemas of its Avro files (what {@code haechi table register} does):
 * the first file's top-level fields become the columns (types per {@link AvroTypes}), and every other file must
 * agree field for field; the error names the first file that does not and how it differs. Only file headers are
 * read.
 */
public final class AvroSchemaInference {
    private final SourceFileSystems fileSystems;

    public AvroSchemaInference(SourceFileSystems fileSystems) {
        this.fileSystems = requireNonNull(fileSystems, "fileSystems is null");
    }

    /** Infers from local files or any Hadoop URI (with Hadoop's default configuration). */
    public static TableDesc infer(String location, String tableName) {
        return new AvroSchemaInference(SourceFileSystems.standard()).inferTable(location, tableName);
    }

    /** The table at {@code location} (a file or a directory of {@code .avro} files, partitioned or not). */
    public TableDesc inferTable(String location, String tableName) {
        requireNonNull(location, "location is null");
        SourceFileSystem fs = fileSystems.forLocation(location);
        List<SourceSplit> splits = new SplitLister(fs, AvroSourceReader::isAvroFile, "Avro (.avro)")
                .list(location, null);
        String firstFile = null;
        List<ColumnDesc> columns = null;
        for (SourceSplit split : splits) {
            String path = split.file().path();
            List<ColumnDesc> fileColumns = columns(fs, split.file());
            if (columns == null) {
                columns = fileColumns;
                firstFile = path;
            } else if (!columns.equals(fileColumns)) {
                throw new HaechiException(ErrorCode.SCHEMA_INFERENCE_FAILED, "the Avro file '" + path
                        + "' does not agree with '" + firstFile + "': " + difference(columns, fileColumns));
            }
        }
        return new TableDesc(tableName, location, SourceFormat.AVRO, columns);
    }

    private static List<ColumnDesc> columns(SourceFileSystem fs, SourceFile file) {
        Schema schema;
        try (InputStream in = fs.open(file);
             DataFileStream<GenericRecord> stream = new DataFileStream<>(in, new GenericDatumReader<>())) {
            schema = stream.getSchema();
        } catch (IOException | RuntimeException e) {
            throw new HaechiException(ErrorCode.SCHEMA_INFERENCE_FAILED,
                    "cannot read the Avro header of '" + file.path() + "': " + e.getMessage(), e);
        }
        String what = "'" + file.path() + "'";
        if (schema.getType() != Schema.Type.RECORD) {
            throw new HaechiException(ErrorCode.SCHEMA_INFERENCE_FAILED, "the Avro file " + what
                    + " holds " + schema.getType().getName() + " values, not records");
        }
        List<ColumnDesc> out = new ArrayList<>();
        for (Schema.Field f : schema.getFields()) {
            out.add(AvroTypes.column(f, "the Avro file " + what));
        }
        return out;
    }

    private static String difference(List<ColumnDesc> expected, List<ColumnDesc> actual) {
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            if (i >= actual.size()) {
                return "it lacks the field '" + expected.get(i).name() + "' (field " + (i + 1) + ")";
            }
            if (i >= expected.size()) {
                return "it has the extra field '" + actual.get(i).name() + "' (field " + (i + 1) + ")";
            }
            ColumnDesc e = expected.get(i);
            ColumnDesc a = actual.get(i);
            if (!e.name().equals(a.name())) {
                return "field " + (i + 1) + " is '" + a.name() + "' there, '" + e.name() + "' in the first file";
            }
            if (!e.type().equals(a.type())) {
                return "field '" + a.name() + "' is " + a.type() + " there, " + e.type() + " in the first file";
            }
            if (e.nullable() != a.nullable()) {
                return "field '" + a.name() + "' is " + (a.nullable() ? "nullable" : "not nullable")
                        + " there, " + (e.nullable() ? "nullable" : "not nullable") + " in the first file";
            }
        }
        return "the schemas differ";
    }
}
