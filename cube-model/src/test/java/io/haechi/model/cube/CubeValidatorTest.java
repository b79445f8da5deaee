package io.haechi.model.cube;

import static org.assertj.core.api.Assertions.assertThat;

import io.haechi.model.Examples;
import io.haechi.model.ValidationIssue;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.expr.ColumnRef;
import io.haechi.model.expr.Expr;
import io.haechi.model.star.ModelValidator;
import io.haechi.model.star.StarSchema;
import io.haechi.model.table.ColumnDesc;
import io.haechi.model.table.DataType;
import io.haechi.model.table.SourceFormat;
import io.haechi.model.table.TableDesc;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class CubeValidatorTest {
    private static final StarSchema SSB = ModelValidator.validate(Examples.model("ssb"), Examples.tables("ssb"))
            .orThrow("ssb");
    private static final CubeDesc KYLIN = Examples.cube("ssb/cube-kylin.json");

    /** A mutable copy of a cube's lists, to make one change and rebuild. */
    private static final class Edit {
        String model = KYLIN.model();
        List<DimensionDesc> dims = new ArrayList<>(KYLIN.dimensions());
        List<MeasureDesc> measures = new ArrayList<>(KYLIN.measures());
        List<AggregationGroupDesc> groups = new ArrayList<>(KYLIN.aggregationGroups());
        List<List<String>> mandatoryCuboids = new ArrayList<>(KYLIN.mandatoryCuboids());
        List<String> rowKey = new ArrayList<>(KYLIN.rowKey());
        Optional<String> shardBy = KYLIN.shardBy();

        CubeDesc build() {
            return new CubeDesc("c", model, dims, measures, groups, mandatoryCuboids, rowKey, shardBy);
        }
    }

    private static List<String> issues(Consumer<Edit> change) {
        Edit e = new Edit();
        change.accept(e);
        return CubeValidator.validate(e.build(), SSB).issues().stream().map(ValidationIssue::toString).toList();
    }

    private static AggregationGroupDesc group(List<String> includes, List<String> mandatory,
            List<List<String>> hierarchies, List<List<String>> joints) {
        return new AggregationGroupDesc(includes, mandatory, hierarchies, joints, 0);
    }

    @Test
    void exampleCubesAreValidAndResolve() {
        CubeValidation v = CubeValidator.validate(KYLIN, SSB);
        assertThat(v.issues()).isEmpty();
        assertThat(v.dimensions()).hasSize(15);
        assertThat(v.dimensions().get(0).column()).isEqualTo(ColumnRef.of("customer", "c_city"));
        assertThat(v.measures()).extracting(m -> m.returnType().toString())
                .containsExactly("BIGINT", "BIGINT", "BIGINT", "BIGINT");
        assertThat(v.measures().get(1).argument().orElseThrow().columns())
                .containsExactly(ColumnRef.of("lineorder", "lo_extendedprice"),
                        ColumnRef.of("lineorder", "lo_discount"));
        assertThat(CubeValidator.validate(Examples.cube("ssb/cube-per-query.json"), SSB).issues()).isEmpty();
    }

    @Test
    void hierarchyDimensionMissingFromIncludes() {
        assertThat(issues(e -> e.groups.set(1, group(List.of("d_year", "d_yearmonthnum", "lo_quantity",
                "lo_discount"), List.of(), List.of(List.of("d_year", "d_yearmonth")), List.of()))))
                .containsExactly("aggregationGroups[1].hierarchies[0]: dimension 'd_yearmonth' is not in the group's "
                        + "includes");
    }

    @Test
    void jointAndMandatoryDimensionsMissingFromIncludes() {
        assertThat(issues(e -> e.groups.set(1, group(List.of("d_year", "lo_quantity"), List.of("c_city"),
                List.of(), List.of(List.of("lo_quantity", "lo_discount"))))))
                .containsExactly("aggregationGroups[1].mandatory[0]: dimension 'c_city' is not in the group's includes",
                        "aggregationGroups[1].joints[0]: dimension 'lo_discount' is not in the group's includes");
    }

    @Test
    void overlappingJointsAndJointInAHierarchy() {
        List<String> includes = List.of("d_year", "d_yearmonthnum", "lo_quantity", "lo_discount", "p_mfgr");
        assertThat(issues(e -> e.groups.set(1, group(includes, List.of(), List.of(List.of("d_year", "d_yearmonthnum")),
                List.of(List.of("lo_quantity", "lo_discount"), List.of("lo_discount", "p_mfgr"),
                        List.of("d_yearmonthnum", "p_mfgr"))))))
                .containsExactly(
                        "aggregationGroups[1].joints[1]: overlapping joint sets: dimension 'lo_discount' is already in"
                                + " joints[0]",
                        "aggregationGroups[1].joints[2]: dimension 'd_yearmonthnum' is already in hierarchies[0]; a "
                                + "dimension belongs to one hierarchy or joint at most",
                        "aggregationGroups[1].joints[2]: overlapping joint sets: dimension 'p_mfgr' is already in "
                                + "joints[1]");
    }

    @Test
    void mandatoryDimensionInAHierarchyAndShortRules() {
        List<String> includes = List.of("d_year", "d_yearmonthnum", "lo_quantity", "lo_discount");
        assertThat(issues(e -> e.groups.set(1, group(includes, List.of("d_year"),
                List.of(List.of("d_year", "d_yearmonthnum")), List.of(List.of("lo_quantity"))))))
                .containsExactly(
                        "aggregationGroups[1].hierarchies[0]: dimension 'd_year' is mandatory, so it cannot also be in "
                                + "a hierarchy",
                        "aggregationGroups[1].joints[0]: a joint needs at least 2 dimensions, got [lo_quantity]");
    }

    @Test
    void groupListsNameUnknownAndRepeatedDimensions() {
        assertThat(issues(e -> e.groups.set(1, new AggregationGroupDesc(List.of("d_year", "d_decade", "D_YEAR"),
                List.of(), List.of(), List.of(), -1))))
                .containsExactly("aggregationGroups[1].includes[1]: unknown dimension 'd_decade'",
                        "aggregationGroups[1].includes[2]: dimension 'D_YEAR' is listed twice",
                        "aggregationGroups[1].dimCap: dimCap must be 0 (no cap) or positive, got -1");
        assertThat(issues(e -> e.groups.set(1, AggregationGroupDesc.of(List.of()))))
                .containsExactly("aggregationGroups[1].includes: a group includes at least one dimension");
    }

    @Test
    void unknownTableAndColumnAndDuplicates() {
        assertThat(issues(e -> {
            e.dims.add(DimensionDesc.of("x1", "nation", "n_name"));
            e.dims.add(DimensionDesc.of("x2", "dates", "d_century"));
            e.dims.add(DimensionDesc.of("D_YEAR", "dates", "d_month"));
            e.dims.add(DimensionDesc.of("year_again", "dates", "D_YEAR"));
        })).containsExactly(
                "dimensions[15].table: 'nation' is not a table of model 'ssb' (the fact table 'lineorder' or a joined "
                        + "lookup alias)",
                "dimensions[16].column: table 'dates' has no column 'd_century'",
                "dimensions[17].name: dimension 'D_YEAR' is defined twice; dimension names are unique (ignoring case)",
                "dimensions[18].column: column dates.D_YEAR is already dimension 'd_year'");
    }

    @Test
    void derivedDimensionsNeedAJoinedLookupAndAStoredHost() {
        assertThat(issues(e -> e.dims.add(new DimensionDesc("c_phone", "customer", "c_phone", true,
                Optional.empty())))).containsExactly("dimensions[15].derived: derived dimension 'c_phone' is looked up "
                + "through lookup 'customer''s join key, so lineorder.lo_custkey (or customer.c_custkey) must be a "
                + "normal dimension of the cube; add it");
        assertThat(issues(e -> e.dims.add(new DimensionDesc("n", "nation", "n_name", true, Optional.empty()))))
                .containsExactly("dimensions[15].table: 'nation' is not a table of model 'ssb' (the fact table "
                        + "'lineorder' or a joined lookup alias); a derived dimension needs its lookup joined in the "
                        + "model");
        assertThat(issues(e -> e.dims.add(new DimensionDesc("q", "lineorder", "lo_tax", true, Optional.empty()))))
                .containsExactly("dimensions[15].derived: only lookup columns can be derived; 'lo_tax' is a column of "
                        + "the fact table 'lineorder'");
    }

    @Test
    void derivedDimensionWithItsHostResolves() {
        Edit e = new Edit();
        e.dims.add(DimensionDesc.of("lo_custkey", "lineorder", "lo_custkey"));
        e.dims.add(new DimensionDesc("c_phone", "customer", "c_phone", true, Optional.empty()));
        e.rowKey.add("lo_custkey");
        CubeValidation v = CubeValidator.validate(e.build(), SSB);
        assertThat(v.issues()).isEmpty();
        assertThat(v.dimensions()).filteredOn(d -> d.name().equals("c_phone")).singleElement()
                .satisfies(d -> assertThat(d.hostDimensions()).containsExactly("lo_custkey"));
    }

    @Test
    void derivedDimensionsAreNotStored() {
        List<String> found = issues(e -> {
            e.dims.add(DimensionDesc.of("lo_custkey", "lineorder", "lo_custkey"));
            e.dims.add(new DimensionDesc("c_phone", "customer", "c_phone", true,
                    Optional.of(DimensionEncoding.DICT)));
            e.rowKey.add("lo_custkey");
            e.rowKey.add("c_phone");
            e.groups.set(1, AggregationGroupDesc.of(List.of("d_year", "c_phone")));
            e.mandatoryCuboids.add(List.of("c_phone"));
            e.shardBy = Optional.of("c_phone");
        });
        String notStored = "'c_phone' is a derived dimension; derived dimensions are not stored, so they cannot be in "
                + "the row key, an aggregation group, a mandatory cuboid or shardBy (use its host dimension instead)";
        assertThat(found).containsExactly(
                "dimensions[16].encoding: derived dimension 'c_phone' is not stored, so it takes no encoding",
                "rowKey[16]: " + notStored, "shardBy: " + notStored,
                "aggregationGroups[1].includes[1]: " + notStored, "mandatoryCuboids[0][0]: " + notStored);
    }

    @Test
    void computedColumnCanBeADimension() {
        Edit e = new Edit();
        e.dims.add(DimensionDesc.of("v_revenue", "lineorder", "v_revenue"));
        e.rowKey.add("v_revenue");
        CubeValidation v = CubeValidator.validate(e.build(), SSB);
        assertThat(v.issues()).isEmpty();
        assertThat(v.dimensions().get(15).computed()).isTrue();
        assertThat(v.dimensions().get(15).type()).isEqualTo(DataType.BIGINT);
    }

    @Test
    void encodingsMustFitTheColumnType() {
        assertThat(issues(e -> e.dims.set(0, new DimensionDesc("c_city", "customer", "c_city", false,
                Optional.of(DimensionEncoding.parse("integer:4")))))).containsExactly("dimensions[0].encoding: "
                + "encoding 'integer:4' does not fit customer.c_city of type VARCHAR(10) (integer: integer columns, "
                + "date: DATE, fixed_length: strings, dict: any)");
    }

    private static MeasureDesc measure(String name, MeasureFunction f, String argument, DataType returnType) {
        return new MeasureDesc(name, f, Optional.ofNullable(argument).map(Expr::parse),
                Optional.ofNullable(returnType));
    }

    @Test
    void measureArgumentTypesMustFitTheFunction() {
        List<String> found = issues(e -> {
            e.measures.add(measure("m1", MeasureFunction.SUM, "lo_shipmode", null));
            e.measures.add(measure("m2", MeasureFunction.COUNT_DISTINCT, "lo_revenue * 1.5", null));
            e.measures.add(measure("m3", MeasureFunction.MIN, "lo_orderdate > 5", null));
            e.measures.add(measure("m4", MeasureFunction.MAX, null, null));
            e.measures.add(measure("m5", MeasureFunction.SUM, "lo_revenue", DataType.INT));
            e.measures.add(measure("m6", MeasureFunction.SUM, "d_year", null));
            e.measures.add(measure("d_year", MeasureFunction.COUNT, null, null));
            e.measures.add(measure("m1", MeasureFunction.COUNT, null, null));
        });
        assertThat(found).containsExactly(
                "measures[4].argument: SUM needs a numeric argument (integer, DECIMAL or DOUBLE), but 'lo_shipmode' is "
                        + "VARCHAR(10)",
                "measures[5].argument: COUNT_DISTINCT takes a column, not an expression; define a computed column for "
                        + "'lo_revenue * 1.5'",
                "measures[6].argument: MIN needs a number, string, date or timestamp, but 'lo_orderdate > 5' is "
                        + "BOOLEAN",
                "measures[7].argument: MAX needs an argument (only COUNT may have none, meaning COUNT(*))",
                "measures[8].returnType: SUM(lo_revenue) returns BIGINT, not INT",
                "measures[9].argument: measures aggregate fact-table columns, but 'd_year' is a column of lookup "
                        + "'dates'",
                "measures[10].name: name 'd_year' is already used by a dimension; measure and dimension names are "
                        + "unique",
                "measures[11].name: name 'm1' is already used by another measure; measure and dimension names are "
                        + "unique");
    }

    @Test
    void measureResultTypes() {
        Edit e = new Edit();
        e.measures.add(measure("distinct_custs", MeasureFunction.COUNT_DISTINCT, "lo_custkey", null));
        e.measures.add(measure("max_mode", MeasureFunction.MAX, "lo_shipmode", null));
        e.measures.add(measure("taxed", MeasureFunction.SUM, "lo_revenue * 1.05", DataType.decimal(30, 2)));
        e.measures.add(measure("v", MeasureFunction.SUM, "v_revenue", null));
        CubeValidation v = CubeValidator.validate(e.build(), SSB);
        assertThat(v.issues()).isEmpty();
        assertThat(v.measures().subList(4, 8)).extracting(ResolvedMeasure::returnType).containsExactly(
                DataType.BIGINT, DataType.varchar(10), DataType.decimal(30, 2), DataType.BIGINT);
    }

    @Test
    void rowKeyListsEveryStoredDimensionOnce() {
        assertThat(issues(e -> {
            e.rowKey.remove("d_year");
            e.rowKey.remove("c_city");
            e.rowKey.add("s_city");
            e.rowKey.add("zzz");
        })).containsExactly("rowKey[13]: dimension 's_city' is already at rowKey[0]",
                "rowKey[14]: unknown dimension 'zzz'",
                "rowKey: the row key lists every normal dimension, but [c_city, d_year] are missing");
    }

    @Test
    void shardByAndMandatoryCuboidsNameDimensions() {
        assertThat(issues(e -> {
            e.shardBy = Optional.of("c_cty");
            e.mandatoryCuboids.add(List.of("c_city", "s_cty"));
        })).containsExactly("shardBy: unknown dimension 'c_cty'", "mandatoryCuboids[0][1]: unknown dimension 's_cty'");
        assertThat(issues(e -> e.shardBy = Optional.of("c_city"))).isEmpty();
    }

    @Test
    void modelNameMustMatch() {
        assertThat(issues(e -> e.model = "tpch")).containsExactly("model: cube 'c' is defined on model 'tpch' but was "
                + "given model 'ssb'");
    }

    @Test
    void aCubeNeedsAStoredDimension() {
        CubeDesc empty = new CubeDesc("c", "ssb", List.of(new DimensionDesc("c_phone", "customer", "c_phone", true,
                Optional.empty())), List.of(), List.of(), List.of(), List.of(), Optional.empty());
        assertThat(CubeValidator.validate(empty, SSB).issues()).extracting(ValidationIssue::toString).contains(
                "dimensions: a cube needs at least one normal (stored) dimension");
    }

    @Test
    void moreThan63StoredDimensionsIsRefused() {
        List<ColumnDesc> columns = new ArrayList<>();
        List<DimensionDesc> dims = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            columns.add(new ColumnDesc("c" + i, DataType.INT, true));
            dims.add(DimensionDesc.of("c" + i, "wide", "c" + i));
        }
        StarSchema wide = ModelValidator.validate(new io.haechi.model.star.ModelDesc("w", "wide", List.of(),
                Optional.empty(), Optional.empty(), List.of()), List.of(new TableDesc("wide", "", SourceFormat.AVRO,
                columns))).orThrow("w");
        CubeDesc cube = new CubeDesc("c", "w", dims, List.of(), List.of(), List.of(), List.of(), Optional.empty());
        assertThat(CubeValidator.validate(cube, wide).issues()).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo(ErrorCode.INVALID_DESCRIPTOR);
            assertThat(i.toString()).isEqualTo("dimensions: the cube has 64 normal (stored) dimensions, but a cuboid "
                    + "id has 63 bits: keep at most 63, e.g. by making lookup attributes derived");
        });
    }
}
