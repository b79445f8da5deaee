package io.haechi.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.model.Examples;
import io.haechi.model.cube.CubeDesc;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.star.ModelDesc;
import io.haechi.model.validate.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonDescriptorsTest {
    @ParameterizedTest
    @ValueSource(strings = {"ssb/tables.json", "ssb/model.json", "ssb/cube-kylin.json", "ssb/cube-per-query.json",
        "ads/tables.json", "ads/model.json", "ads/cube.json"})
    void everyExampleRoundTripsByteForByte(String file) {
        String text = Examples.text(file);
        List<Descriptor> docs = JsonDescriptors.readAll(text, file);
        assertThat(JsonDescriptors.writeAll(docs)).isEqualTo(text);
        assertThat(JsonDescriptors.readAll(JsonDescriptors.writeAll(docs), file)).isEqualTo(docs);
    }

    @Test
    void examplesAreValid() {
        Validator v = new Validator();
        for (String cube : List.of("ssb/cube-kylin.json", "ssb/cube-per-query.json")) {
            assertThat(v.validateCube(Examples.cube(cube), Examples.model("ssb"), Examples.tables("ssb")).issues())
                    .as(cube).isEmpty();
        }
        assertThat(v.validateCube(Examples.cube("ads/cube.json"), Examples.model("ads"), Examples.tables("ads"))
                .issues()).isEmpty();
        assertThat(Examples.tables("ssb")).extracting(t -> t.name())
                .containsExactly("lineorder", "dates", "customer", "supplier", "part");
        assertThat(Examples.tables("ads").get(0).columns()).extracting(c -> c.name()).containsExactly("event_date",
                "event_hour", "advertiser_id", "campaign_id", "ad_group_id", "creative_id", "publisher_id",
                "placement_id", "device_type", "os", "region", "city", "age_band", "gender", "user_id", "impressions",
                "clicks", "conversions", "cost_micros", "conv_value_micros");
    }

    @Test
    void theSsbRevenueMeasureIsTheExpressionNotTheComputedColumn() {
        CubeDesc kylin = Examples.cube("ssb/cube-kylin.json");
        assertThat(kylin.measures().get(1).argument().orElseThrow().toString())
                .isEqualTo("lo_extendedprice * lo_discount");
        ModelDesc ssb = Examples.model("ssb");
        assertThat(ssb.computedColumns().get(0).expression().toString()).isEqualTo("lo_extendedprice * lo_discount");
    }

    private static HaechiException failure(String json) {
        try {
            JsonDescriptors.readAll(json, "f.json");
        } catch (HaechiException e) {
            return e;
        }
        throw new AssertionError("no error for " + json);
    }

    @Test
    void unknownFieldsAreErrorsNamingTheDocumentAndPath() {
        HaechiException e = failure("{\"kind\": \"model\", \"schemaVersion\": 1, \"name\": \"m\", "
                + "\"factTable\": \"f\", "
                + "\"lookups\": [{\"table\": \"t\", \"joinType\": \"LEFT\", \"foreignKey\": [\"a\"], "
                + "\"primaryKey\": [\"b\"], \"jion\": 1}]}");
        assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_JSON);
        assertThat(e.getMessage()).isEqualTo("f.json (model 'm'): unknown field 'lookups[0].jion'; expected one of: "
                + "table, alias, joinType, joinFrom, foreignKey, primaryKey");
        assertThat(failure("[{\"kind\": \"table\", \"schemaVersion\": 1, \"name\": \"t\", \"columns\": [], "
                + "\"colour\": \"red\"}]").getMessage()).isEqualTo("f.json[0] (table 't'): unknown field 'colour'; "
                + "expected one of: kind, schemaVersion, name, location, format, columns");
    }

    @Test
    void schemaVersionMustBeOne() {
        HaechiException e = failure("{\"kind\": \"cube\", \"schemaVersion\": 2, \"name\": \"c\"}");
        assertThat(e.errorCode()).isEqualTo(ErrorCode.UNSUPPORTED_SCHEMA_VERSION);
        assertThat(e.getMessage()).isEqualTo("f.json (cube 'c'): schemaVersion 2 is not supported; this Haechi reads "
                + "schemaVersion 1");
        assertThat(failure("{\"kind\": \"cube\", \"schemaVersion\": \"1\", \"name\": \"c\"}").errorCode())
                .isEqualTo(ErrorCode.UNSUPPORTED_SCHEMA_VERSION);
        assertThat(failure("{\"kind\": \"cube\", \"name\": \"c\"}").getMessage()).isEqualTo("f.json (cube 'c'): "
                + "missing required field 'schemaVersion' (this Haechi writes 1)");
    }

    @Test
    void errorsCarryTheFieldPathAsAnIssue() {
        HaechiException unknown = failure("{\"kind\": \"model\", \"schemaVersion\": 1, \"name\": \"m\", "
                + "\"factTable\": \"f\", \"lookups\": [{\"table\": \"t\", \"jion\": 1}]}");
        assertThat(unknown.issues()).singleElement().satisfies(i -> {
            assertThat(i.path()).isEqualTo("lookups[0].jion");
            assertThat(i.code()).isEqualTo(ErrorCode.INVALID_JSON);
        });
        assertThat(failure("{\"kind\": \"cube\", \"schemaVersion\": 1, \"name\": \"c\", \"model\": \"m\", "
                + "\"dimensions\": [], \"measures\": [], \"aggregationGroups\": [{\"mandatory\": [\"a\"]}]}")
                .issues()).extracting(i -> i.path()).containsExactly("aggregationGroups[0].includes");
        HaechiException badType = failure("{\"kind\": \"table\", \"schemaVersion\": 1, \"name\": \"t\", "
                + "\"columns\": [{\"name\": \"a\", \"type\": \"INTEGRAL\"}]}");
        assertThat(badType.issues()).singleElement().satisfies(i -> {
            assertThat(i.path()).isEqualTo("columns[0].type");
            assertThat(i.code()).isEqualTo(ErrorCode.INVALID_TYPE);
        });
        assertThat(failure("{\"kind\": \"model\", \"schemaVersion\": 1, \"name\": \"bad name\", "
                + "\"factTable\": \"f\"}").issues()).extracting(i -> i.path()).containsExactly("");
        assertThat(failure("{\"schemaVersion\": 1}").issues()).extracting(i -> i.path()).containsExactly("kind");
        assertThat(failure("{\"kind\": \"cube\", \"name\": \"c\"}").issues()).extracting(i -> i.path())
                .containsExactly("schemaVersion");
    }

    @Test
    void missingRequiredFieldsNameTheirPath() {
        assertThat(failure("{\"kind\": \"cube\", \"schemaVersion\": 1, \"name\": \"c\", \"model\": \"m\", "
                + "\"dimensions\": [], \"measures\": [], \"aggregationGroups\": [{\"includes\": [\"a\"]}, "
                + "{\"mandatory\": [\"a\"]}]}").getMessage()).isEqualTo("f.json (cube 'c'): missing required field "
                + "'aggregationGroups[1].includes'");
        assertThat(failure("{\"kind\": \"table\", \"schemaVersion\": 1, \"name\": \"t\", \"columns\": "
                + "[{\"name\": \"a\"}]}").getMessage()).isEqualTo("f.json (table 't'): missing required field "
                + "'columns[0].type'");
        assertThat(failure("{\"schemaVersion\": 1}").getMessage())
                .isEqualTo("f.json: missing required field 'kind' (table, model or cube)");
    }

    @Test
    void wrongValuesNameTheirPath() {
        assertThat(failure("{\"kind\": \"table\", \"schemaVersion\": 1, \"name\": \"t\", \"columns\": "
                + "[{\"name\": \"a\", \"type\": \"INT\", \"nullable\": \"yes\"}]}").getMessage())
                .isEqualTo("f.json (table 't'): 'columns[0].nullable' must be true or false, got the string \"yes\"");
        HaechiException badType = failure("{\"kind\": \"table\", \"schemaVersion\": 1, \"name\": \"t\", \"columns\": "
                + "[{\"name\": \"a\", \"type\": \"INTEGRAL\"}]}");
        assertThat(badType.errorCode()).isEqualTo(ErrorCode.INVALID_TYPE);
        assertThat(badType.getMessage()).startsWith("f.json (table 't'): 'columns[0].type': 'INTEGRAL' is not a "
                + "column type");
        HaechiException badExpr = failure("{\"kind\": \"cube\", \"schemaVersion\": 1, \"name\": \"c\", \"model\": "
                + "\"m\", \"dimensions\": [], \"measures\": [{\"name\": \"r\", \"function\": \"SUM\", \"argument\": "
                + "\"a *\"}]}");
        assertThat(badExpr.errorCode()).isEqualTo(ErrorCode.INVALID_EXPRESSION);
        assertThat(badExpr.getMessage()).isEqualTo("f.json (cube 'c'): 'measures[0].argument': invalid expression "
                + "'a *' at position 4: expected an operand (a column, a literal, '(', CASE or CAST) but found end of "
                + "input");
        assertThat(failure("{\"kind\": \"model\", \"schemaVersion\": 1, \"name\": \"m\", \"factTable\": \"f\", "
                + "\"lookups\": [{\"table\": \"t\", \"joinType\": \"OUTER\", \"foreignKey\": [\"a\"], "
                + "\"primaryKey\": [\"b\"]}]}").getMessage()).isEqualTo("f.json (model 'm'): 'lookups[0].joinType': "
                + "'OUTER' is not a join type; expected INNER or LEFT");
        assertThat(failure("{\"kind\": \"model\", \"schemaVersion\": 1, \"name\": \"bad name\", \"factTable\": "
                + "\"f\"}").getMessage()).isEqualTo("f.json (model 'bad name'): model name 'bad name' is not a valid "
                + "name: use letters, digits and '_', starting with a letter or '_', at most 128");
    }

    @Test
    void syntaxErrorsDuplicateKeysAndUnknownKinds() {
        HaechiException syntax = failure("{\"kind\": \"table\",\n \"name\": }");
        assertThat(syntax.errorCode()).isEqualTo(ErrorCode.INVALID_JSON);
        assertThat(syntax.getMessage()).startsWith("f.json: not valid JSON at line 2, column 10");
        assertThat(failure("{\"kind\": \"table\", \"kind\": \"model\"}").getMessage())
                .startsWith("f.json: not valid JSON").contains("Duplicate field 'kind'");
        assertThat(failure("{\"kind\": \"view\", \"schemaVersion\": 1}").getMessage())
                .isEqualTo("f.json: unknown kind 'view'; expected table, model or cube");
        assertThat(failure("").getMessage()).isEqualTo("f.json: is empty; expected a JSON object or array");
    }

    @Test
    void readersOfOneKindRefuseOtherDocuments() {
        assertThatThrownBy(() -> JsonDescriptors.readModel(Examples.text("ssb/tables.json"), "tables.json"))
                .hasMessageStartingWith("tables.json: expected one model document, found [table 'lineorder', ");
        assertThatThrownBy(() -> JsonDescriptors.readTables(Examples.text("ssb/model.json"), "model.json"))
                .hasMessage("model.json: expected only table documents, found model 'ssb'");
    }

    @Test
    void writingIsStableAndOmitsDefaults() {
        String minimal = "{\"kind\": \"cube\", \"schemaVersion\": 1, \"name\": \"c\", \"model\": \"m\", "
                + "\"dimensions\": [{\"name\": \"a\", \"table\": \"t\", \"column\": \"a\", \"derived\": false}], "
                + "\"measures\": [{\"name\": \"n\", \"function\": \"count\"}], "
                + "\"aggregationGroups\": [{\"includes\": [\"a\"], \"mandatory\": [], \"dimCap\": 0}]}";
        String written = JsonDescriptors.writeAll(JsonDescriptors.readAll(minimal, "m.json"));
        assertThat(written).isEqualTo("""
                {
                  "kind": "cube",
                  "schemaVersion": 1,
                  "name": "c",
                  "model": "m",
                  "dimensions": [
                    {"name": "a", "table": "t", "column": "a"}
                  ],
                  "measures": [
                    {"name": "n", "function": "COUNT"}
                  ],
                  "aggregationGroups": [
                    {
                      "includes": ["a"]
                    }
                  ]
                }
                """);
        assertThat(JsonDescriptors.writeAll(JsonDescriptors.readAll(written, "w.json"))).isEqualTo(written);
    }
}
