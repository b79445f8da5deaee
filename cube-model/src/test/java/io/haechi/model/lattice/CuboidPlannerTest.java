package io.haechi.model.lattice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.model.Examples;
import io.haechi.model.cube.AggregationGroupDesc;
import io.haechi.model.cube.CubeDesc;
import io.haechi.model.cube.DimensionDesc;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.star.ModelDesc;
import io.haechi.model.table.ColumnDesc;
import io.haechi.model.table.DataType;
import io.haechi.model.table.SourceFormat;
import io.haechi.model.table.TableDesc;
import io.haechi.model.validate.ValidatedCube;
import io.haechi.model.validate.ValidationReport;
import io.haechi.model.validate.Validator;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CuboidPlannerTest {
    private static final List<TableDesc> SSB_TABLES = Examples.tables("ssb");
    private static final ModelDesc SSB = Examples.model("ssb");

    @Test
    void kylinSsbCubeHas192And8CuboidsAnd199WithTheBase() {
        ValidationReport report = new Validator().validateCube(Examples.cube("ssb/cube-kylin.json"), SSB, SSB_TABLES);
        assertThat(report.issues()).isEmpty();
        assertThat(report.groups()).extracting(GroupCount::cuboids)
                .containsExactly(BigInteger.valueOf(4 * 4 * 4 * 3), BigInteger.valueOf(4 * 2));
        // group 2 shares the apex and {d_year} with group 1 (ssb.md section 4: 6 new)
        assertThat(report.totalCuboids()).hasValue(192 + 6 + 1);
        assertThat(report.summary()).contains("aggregation group 0: 192 cuboids (11 dimensions: 0 mandatory, "
                + "4 hierarchies, 0 joints, 0 normal, no dimCap)", "total: 199 distinct cuboids with the base");
    }

    @Test
    void perQueryCubeHasOneCuboidPerShapeAndTheBase() {
        CubeDesc cube = Examples.cube("ssb/cube-per-query.json");
        ValidatedCube v = new Validator().cube(cube, SSB, SSB_TABLES);
        assertThat(cube.aggregationGroups()).hasSize(12);
        assertThat(v.cuboids().size()).isEqualTo(12 + 1);
        CuboidLayout layout = v.layout();
        for (AggregationGroupDesc g : cube.aggregationGroups()) {
            assertThat(v.cuboids().contains(layout.mask(g.includes()))).isTrue();
        }
        assertThat(v.cuboids().contains(layout.baseCuboid())).isTrue();
    }

    @Test
    void adsCubeStaysUnderTheCap() {
        ValidatedCube v = new Validator().cube(Examples.cube("ads/cube.json"), Examples.model("ads"),
                Examples.tables("ads"));
        // units: hour 1, advertiser chain 4, publisher 2, region 2, device 2, demographics joint 1; dimCap 2:
        // coefficients of (1+x)^2 (1+4x) (1+2x)^3 up to x^2 = 1 + 12 + 57
        assertThat(new CuboidPlanner(v.cube(), CuboidPlanner.DEFAULT_CAP).counts()).singleElement()
                .satisfies(c -> assertThat(c.cuboids()).isEqualTo(BigInteger.valueOf(70)));
        assertThat(v.cuboids().size()).isEqualTo(70 + 1);
        assertThat(v.rowKey().get(0).name()).isEqualTo("event_date");
        assertThat(v.dimension("vertical").orElseThrow().hostDimensions()).containsExactly("advertiser_id");
    }

    private static TableDesc wideTable(int columns) {
        List<ColumnDesc> cols = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            cols.add(new ColumnDesc("c" + i, DataType.INT, true));
        }
        return new TableDesc("wide", "", SourceFormat.AVRO, cols);
    }

    private static CubeDesc wideCube(int dims, List<AggregationGroupDesc> groups) {
        List<DimensionDesc> d = new ArrayList<>();
        for (int i = 0; i < dims; i++) {
            d.add(DimensionDesc.of("c" + i, "wide", "c" + i));
        }
        return new CubeDesc("hostile", "w", d, List.of(), groups, List.of(), List.of(), Optional.empty());
    }

    @Test
    void hostileCubeWith63DimensionsAndNoRulesIsRefusedWithAdvice() {
        ModelDesc model = new ModelDesc("w", "wide", List.of(), Optional.empty(), Optional.empty(), List.of());
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 63; i++) {
            all.add("c" + i);
        }
        CubeDesc cube = wideCube(63, List.of(AggregationGroupDesc.of(all)));
        ValidationReport report = new Validator().validateCube(cube, model, List.of(wideTable(63)));
        assertThat(report.totalCuboids()).isEmpty();
        assertThat(report.groups()).singleElement().satisfies(g -> {
            assertThat(g.cuboids()).isEqualTo(BigInteger.TWO.pow(63));
            assertThat(g.overCap()).isTrue();
        });
        assertThat(report.issues()).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo(ErrorCode.CUBOID_CAP_EXCEEDED);
            assertThat(i.path()).isEqualTo("aggregationGroups[0]");
            assertThat(i.message()).isEqualTo("aggregation group 0 has 9,223,372,036,854,775,808 cuboids "
                    + "(63 dimensions: 0 mandatory, 0 hierarchies, 0 joints, 63 normal, no dimCap); the cap is 32,768 "
                    + "per group: add hierarchies for functionally dependent dimensions, joints for dimensions always "
                    + "queried together, or mandatory dimensions, or set dimCap to 2 or less (dimCap 2 gives 2,017 "
                    + "cuboids)");
        });
        assertThatThrownBy(() -> new Validator().cube(cube, model, List.of(wideTable(63))))
                .isInstanceOfSatisfying(HaechiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CUBOID_CAP_EXCEEDED));
    }

    @Test
    void theCapIsConfigurableAndTheSuggestedDimCapFits() {
        CubeDesc kylin = Examples.cube("ssb/cube-kylin.json");
        ValidationReport report = new Validator(100).validateCube(kylin, SSB, SSB_TABLES);
        assertThat(report.issues()).singleElement().satisfies(i -> assertThat(i.toString())
                .startsWith("aggregationGroups[0]: aggregation group 0 has 192 cuboids")
                .endsWith("or set dimCap to 2 or less (dimCap 2 gives 57 cuboids)"));
        // four hierarchies with 3, 3, 3, 2 options: 1 + 11 + (9+9+6+9+6+6) = 57 with at most 2 units
        GroupLattice g = new CuboidPlanner(kylin, 100).groups().get(0);
        assertThat(g.countWithDimCap(2)).isEqualTo(BigInteger.valueOf(57));
        assertThat(g.countWithDimCap(3)).isGreaterThan(BigInteger.valueOf(100));
    }

    @Test
    void mandatoryCuboidsAreAddedOnce() {
        CubeDesc kylin = Examples.cube("ssb/cube-kylin.json");
        CubeDesc withWhitelist = new CubeDesc(kylin.name(), kylin.model(), kylin.dimensions(), kylin.measures(),
                kylin.aggregationGroups(), List.of(List.of("c_city", "lo_quantity"), List.of("d_year"),
                List.of("c_city", "lo_quantity")), kylin.rowKey(), kylin.shardBy());
        CuboidSet set = new CuboidPlanner(withWhitelist, CuboidPlanner.DEFAULT_CAP).cuboids();
        // {d_year} is already in group 1; the other is new
        assertThat(set.size()).isEqualTo(199 + 1);
    }
}
