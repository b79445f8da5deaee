package io.haechi.builder.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.DataType;
import io.haechi.model.table.SourceFormat;
import io.haechi.model.table.TableDesc;
import java.nio.file.Path;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AvroSchemaInferenceTest {
    @TempDir
    Path dir;

    @Test
    void infersNameLocationFormatAndNullability() throws Exception {
        AvroFixtures.write(dir.resolve("event_date=2026-01-01/a.avro"), AvroFixtures.EVENT, 1, 1,
                AvroSourceReaderTest::event);
        AvroFixtures.write(dir.resolve("event_date=2026-01-02/a.avro"), AvroFixtures.EVENT, 1, 1,
                AvroSourceReaderTest::event);
        TableDesc t = AvroSchemaInference.infer(dir.toString(), "ad_event");
        assertThat(t.name()).isEqualTo("ad_event");
        assertThat(t.location()).isEqualTo(dir.toString());
        assertThat(t.format()).isEqualTo(SourceFormat.AVRO);
        assertThat(t.columns()).extracting(c -> c.name() + ":" + c.type() + ":" + c.nullable())
                .containsExactly("event_date:DATE:false", "campaign_id:INT:false", "clicks:BIGINT:false",
                        "name:VARCHAR:true");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "nested record;{\"type\":\"record\",\"name\":\"inner\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]};"
                + "record (nested types are not supported",
        "array;{\"type\":\"array\",\"items\":\"int\"};array (nested types",
        "map;{\"type\":\"map\",\"values\":\"int\"};map (nested types",
        "two-type union;[\"int\",\"string\"];a union of several non-null types",
        "plain bytes;\"bytes\";bytes without a decimal logical type",
        "time of day;{\"type\":\"int\",\"logicalType\":\"time-millis\"};int with logical type time-millis",
        "wide decimal;{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":40,\"scale\":2};"
                + "at most 38 digits",
    })
    void unsupportedTypesNameTheFieldAndFile(String what, String fieldSchema, String detail) throws Exception {
        Schema schema = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"r\",\"fields\":["
                + "{\"name\":\"ok\",\"type\":\"int\"},{\"name\":\"bad_field\",\"type\":" + fieldSchema + "}]}");
        Path file = AvroFixtures.write(dir.resolve("r.avro"), schema, 0, 1, (r, i) -> { });
        assertThatThrownBy(() -> AvroSchemaInference.infer(file.toString(), "r"))
                .isInstanceOfSatisfying(HaechiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SCHEMA_INFERENCE_FAILED))
                .hasMessageContaining("field 'bad_field' of the Avro file '" + file + "'")
                .hasMessageContaining(detail);
    }

    @Test
    void theFirstDisagreeingFileIsNamed() throws Exception {
        Schema wider = SchemaBuilder.record("event").fields()
                .name("event_date").type(LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT))).noDefault()
                .requiredLong("campaign_id").requiredLong("clicks").optionalString("name").endRecord();
        AvroFixtures.write(dir.resolve("a.avro"), AvroFixtures.EVENT, 1, 1, AvroSourceReaderTest::event);
        AvroFixtures.write(dir.resolve("b.avro"), AvroFixtures.EVENT, 1, 1, AvroSourceReaderTest::event);
        Path c = AvroFixtures.write(dir.resolve("c.avro"), wider, 0, 1, (r, i) -> { });
        AvroFixtures.write(dir.resolve("d.avro"), wider, 0, 1, (r, i) -> { });
        assertThatThrownBy(() -> AvroSchemaInference.infer(dir.toString(), "t"))
                .isInstanceOfSatisfying(HaechiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SCHEMA_INFERENCE_FAILED))
                .hasMessage("the Avro file '" + c + "' does not agree with '" + dir.resolve("a.avro")
                        + "': field 'campaign_id' is BIGINT there, INT in the first file");
    }

    @Test
    void missingFieldAndNullabilityDifferencesAreNamed() throws Exception {
        Schema fewer = SchemaBuilder.record("event").fields()
                .name("event_date").type(LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT))).noDefault()
                .requiredInt("campaign_id").requiredLong("clicks").endRecord();
        AvroFixtures.write(dir.resolve("a/x.avro"), AvroFixtures.EVENT, 0, 1, (r, i) -> { });
        AvroFixtures.write(dir.resolve("a/y.avro"), fewer, 0, 1, (r, i) -> { });
        assertThatThrownBy(() -> AvroSchemaInference.infer(dir.resolve("a").toString(), "t"))
                .hasMessageEndingWith("it lacks the field 'name' (field 4)");

        Schema nullableClicks = SchemaBuilder.record("event").fields()
                .name("event_date").type(LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT))).noDefault()
                .requiredInt("campaign_id").optionalLong("clicks").optionalString("name").endRecord();
        AvroFixtures.write(dir.resolve("b/x.avro"), AvroFixtures.EVENT, 0, 1, (r, i) -> { });
        AvroFixtures.write(dir.resolve("b/y.avro"), nullableClicks, 0, 1, (r, i) -> { });
        assertThatThrownBy(() -> AvroSchemaInference.infer(dir.resolve("b").toString(), "t"))
                .hasMessageEndingWith("field 'clicks' is nullable there, not nullable in the first file");
    }

    @Test
    void decimalsMapToTheirPrecisionAndScale() throws Exception {
        Schema schema = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"r\",\"fields\":["
                + "{\"name\":\"price\",\"type\":[\"null\",{\"type\":\"fixed\",\"name\":\"f\",\"size\":8,"
                + "\"logicalType\":\"decimal\",\"precision\":18,\"scale\":3}]}]}");
        Path file = AvroFixtures.write(dir.resolve("r.avro"), schema, 0, 1, (r, i) -> { });
        TableDesc t = AvroSchemaInference.infer(file.toString(), "r");
        assertThat(t.columns().get(0).type()).isEqualTo(DataType.decimal(18, 3));
        assertThat(t.columns().get(0).nullable()).isTrue();
    }
}
