package io.haechi.datagen.io;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.ColumnDesc;
import io.haechi.model.table.TableDesc;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Maps a {@link TableDesc} to an Avro record schema: SMALLINT/INT to {@code int}, BIGINT to {@code long},
 * CHAR/VARCHAR to {@code string}, DOUBLE to {@code double}, BOOLEAN to {@code boolean}, DATE to {@code int} with
 * the {@code date} logical type (days since 1970-01-01). Nullable columns become a union with {@code null} first.
 */
public final class AvroSchemas {
    /** The namespace of every generated record schema. */
    public static final String NAMESPACE = "io.haechi.datagen";

    private AvroSchemas() {
    }

    public static Schema of(TableDesc table) {
        List<Schema.Field> fields = new ArrayList<>();
        for (ColumnDesc c : table.columns()) {
            Schema type = typeOf(table, c);
            if (c.nullable()) {
                type = Schema.createUnion(Schema.create(Schema.Type.NULL), type);
            }
            fields.add(new Schema.Field(c.name(), type, null, (Object) null));
        }
        return Schema.createRecord(table.name(), null, NAMESPACE, false, fields);
    }

    private static Schema typeOf(TableDesc table, ColumnDesc c) {
        return switch (c.type().name()) {
            case SMALLINT, INT -> Schema.create(Schema.Type.INT);
            case BIGINT -> Schema.create(Schema.Type.LONG);
            case CHAR, VARCHAR -> Schema.create(Schema.Type.STRING);
            case DOUBLE -> Schema.create(Schema.Type.DOUBLE);
            case BOOLEAN -> Schema.create(Schema.Type.BOOLEAN);
            case DATE -> LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
            default -> throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "column " + table.name() + "."
                    + c.name() + " has type " + c.type() + ", which the generators cannot write to Avro");
        };
    }
}
