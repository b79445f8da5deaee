package io.haechi.builder.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

/** Writes small Avro files for tests with the Avro library itself. */
final class AvroFixtures {
    /** A small event schema: event_date (date), campaign_id (int), clicks (long), name (nullable string). */
    static final Schema EVENT = SchemaBuilder.record("event").fields()
            .name("event_date").type(org.apache.avro.LogicalTypes.date()
                    .addToSchema(Schema.create(Schema.Type.INT))).noDefault()
            .requiredInt("campaign_id")
            .requiredLong("clicks")
            .optionalString("name")
            .endRecord();

    private AvroFixtures() {
    }

    /**
     * Writes {@code rows} records, closing an Avro block after every {@code rowsPerBlock} records, with the
     * records made by {@code fill(record, i)}.
     */
    static Path write(Path file, Schema schema, int rows, int rowsPerBlock, RecordFiller fill) throws IOException {
        Files.createDirectories(file.getParent());
        GenericData data = new GenericData();
        data.addLogicalTypeConversion(new org.apache.avro.data.TimeConversions.DateConversion());
        data.addLogicalTypeConversion(new org.apache.avro.data.TimeConversions.TimestampMillisConversion());
        data.addLogicalTypeConversion(new org.apache.avro.data.TimeConversions.TimestampMicrosConversion());
        data.addLogicalTypeConversion(new org.apache.avro.data.TimeConversions.LocalTimestampMillisConversion());
        data.addLogicalTypeConversion(new org.apache.avro.Conversions.DecimalConversion());
        try (DataFileWriter<GenericRecord> w = new DataFileWriter<>(new GenericDatumWriter<>(schema, data))) {
            w.setSyncInterval(1 << 30);
            w.create(schema, file.toFile());
            for (int i = 0; i < rows; i++) {
                GenericRecord r = new GenericData.Record(schema);
                fill.fill(r, i);
                w.append(r);
                if ((i + 1) % rowsPerBlock == 0) {
                    w.sync();
                }
            }
        }
        return file;
    }

    /** Writes the given records in one block per record list entry count. */
    static Path writeRecords(Path file, Schema schema, List<GenericRecord> records) throws IOException {
        return write(file, schema, records.size(), Integer.MAX_VALUE, (r, i) -> {
            GenericRecord src = records.get(i);
            for (Schema.Field f : schema.getFields()) {
                r.put(f.pos(), src.get(f.pos()));
            }
        });
    }

    static GenericRecord record(Schema schema, Consumer<GenericRecord> fill) {
        GenericRecord r = new GenericData.Record(schema);
        fill.accept(r);
        return r;
    }

    /** Fills record number {@code i} (0-based). */
    @FunctionalInterface
    interface RecordFiller {
        void fill(GenericRecord record, int i);
    }
}
