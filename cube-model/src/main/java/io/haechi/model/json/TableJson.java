package io.haechi.model.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.ColumnDesc;
import io.haechi.model.table.DataType;
import io.haechi.model.table.SourceFormat;
import io.haechi.model.table.TableDesc;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code kind: table} documents: name, location, format (avro, csv, parquet), columns (name, type, nullable). */
final class TableJson {
    static final List<String> FIELDS = List.of("kind", "schemaVersion", "name", "location", "format", "columns");
    private static final List<String> COLUMN = List.of("name", "type", "nullable");

    private TableJson() {
    }

    static TableDesc read(JsonFields f) {
        String name = f.text("name");
        String location = f.optText("location").orElse("");
        SourceFormat format = f.optParsed("format", TableJson::format).orElse(SourceFormat.AVRO);
        List<ColumnDesc> columns = new ArrayList<>();
        for (JsonFields c : f.objects("columns", true, COLUMN)) {
            String columnName = c.text("name");
            DataType type = c.parsed("type", DataType::parse);
            boolean nullable = c.bool("nullable", true);
            columns.add(c.build(() -> new ColumnDesc(columnName, type, nullable)));
        }
        return f.build(() -> new TableDesc(name, location, format, columns));
    }

    private static SourceFormat format(String text) {
        try {
            return SourceFormat.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new HaechiException(ErrorCode.INVALID_JSON, "'" + text + "' is not a format; expected avro, csv or "
                    + "parquet");
        }
    }

    static ObjectNode write(TableDesc t) {
        ObjectNode o = JsonDescriptors.header("table", t.name());
        o.put("location", t.location());
        o.put("format", t.format().name().toLowerCase(Locale.ROOT));
        ArrayNode columns = o.putArray("columns");
        for (ColumnDesc c : t.columns()) {
            ObjectNode n = JsonNodeFactory.instance.objectNode();
            n.put("name", c.name());
            n.put("type", c.type().toString());
            n.put("nullable", c.nullable());
            columns.add(n);
        }
        return o;
    }
}
