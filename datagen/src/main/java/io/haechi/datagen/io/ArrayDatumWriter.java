package io.haechi.datagen.io;

import static java.util.Objects.requireNonNull;

import io.haechi.model.table.ColumnDesc;
import io.haechi.model.table.TableDesc;
import io.haechi.model.table.TypeName;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.Encoder;

/**
 * Encodes an {@code Object[]} row straight to Avro binary in the layout of {@link AvroSchemas#of}, without building
 * a {@code GenericRecord} per row (the generators write tens of millions of rows).
 */
final class ArrayDatumWriter implements DatumWriter<Object[]> {
    private final TypeName[] types;
    private final boolean[] nullable;

    ArrayDatumWriter(TableDesc table) {
        List<ColumnDesc> columns = table.columns();
        types = new TypeName[columns.size()];
        nullable = new boolean[columns.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = columns.get(i).type().name();
            nullable[i] = columns.get(i).nullable();
        }
    }

    @Override
    public void setSchema(Schema schema) {
        requireNonNull(schema, "schema is null");
    }

    @Override
    public void write(Object[] row, Encoder out) throws IOException {
        if (row.length != types.length) {
            throw new IllegalArgumentException("row has " + row.length + " values, the table " + types.length);
        }
        for (int i = 0; i < types.length; i++) {
            Object v = row[i];
            if (nullable[i]) {
                out.writeIndex(v == null ? 0 : 1);
                if (v == null) {
                    continue;
                }
            }
            switch (types[i]) {
                case SMALLINT, INT -> out.writeInt((Integer) v);
                case BIGINT -> out.writeLong((Long) v);
                case CHAR, VARCHAR -> out.writeString((String) v);
                case DOUBLE -> out.writeDouble((Double) v);
                case BOOLEAN -> out.writeBoolean((Boolean) v);
                case DATE -> out.writeInt((int) ((LocalDate) v).toEpochDay());
                default -> throw new IllegalStateException("unsupported type " + types[i]);
            }
        }
    }
}
