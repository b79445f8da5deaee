package io.haechi.model.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.model.Examples;
import io.haechi.model.cube.CubeDesc;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.lattice.RowEstimates;
import io.haechi.model.lattice.SpanningTree;
import io.haechi.model.star.ModelDesc;
import io.haechi.model.table.TableDesc;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValidatorTest {
    private static final List<TableDesc> TABLES = Examples.tables("ssb");
    private static final ModelDesc SSB = Examples.model("ssb");
    private static final CubeDesc KYLIN = Examples.cube("ssb/cube-kylin.json");

    @Test
    void aBrokenModelIsReportedUnderTheModelsPath() {
        ModelDesc broken = new ModelDesc("ssb", "lineorders", SSB.lookups(), SSB.partition(), SSB.filter(),
                SSB.computedColumns());
        ValidationReport report = new Validator().validateCube(KYLIN, broken, TABLES);
        assertThat(report.isValid()).isFalse();
        assertThat(report.groups()).isEmpty();
        assertThat(report.issues()).singleElement().satisfies(i -> assertThat(i.toString()).isEqualTo(
                "model 'ssb'.factTable: unknown table 'lineorders'; known tables: lineorder, dates, customer, "
                        + "supplier, part"));
        assertThatThrownBy(() -> new Validator().cube(KYLIN, broken, TABLES))
                .isInstanceOfSatisfying(HaechiException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.UNKNOWN_TABLE);
                    assertThat(e.getMessage()).startsWith("cube 'ssb_kylin' is invalid (1 problem):\n  - model 'ssb'");
                });
        assertThat(new Validator().validateModel(broken, TABLES).summary())
                .isEqualTo("model 'ssb': 1 problem\n  - factTable: unknown table 'lineorders'; known tables: "
                        + "lineorder, dates, customer, supplier, part");
    }

    @Test
    void aValidatedCubeGivesTheBuilderItsPlan() {
        ValidatedCube cube = new Validator().cube(KYLIN, SSB, TABLES);
        assertThat(cube.rowKey()).extracting(d -> d.name()).containsExactlyElementsOf(KYLIN.rowKey());
        assertThat(cube.layout().bit("c_city")).isEqualTo(1L << 14);
        assertThat(cube.layout().bit("d_year")).isEqualTo(1L);
        SpanningTree tree = cube.spanningTree(RowEstimates.none());
        long base = cube.cuboids().baseCuboid();
        assertThat(base).isEqualTo((1L << 15) - 1);
        assertThat(tree.parent(base)).isEmpty();
        assertThat(tree.buildOrder()[0]).isEqualTo(base);
        long yearOnly = cube.layout().mask(List.of("d_year"));
        long yearAndRegion = cube.layout().mask(List.of("d_year", "s_region"));
        // s_region is bit 1 (next to last in the row key) and {s_region, d_year} is in group 1: the two-dimension
        // superset of {d_year} with the smallest id
        assertThat(yearAndRegion).isEqualTo(3L);
        assertThat(tree.parent(yearOnly)).hasValue(yearAndRegion);
    }

    @Test
    void capIsValidated() {
        assertThatThrownBy(() -> new Validator(0)).isInstanceOf(IllegalArgumentException.class);
        CubeDesc noGroups = new CubeDesc("c", "ssb", KYLIN.dimensions(), KYLIN.measures(), List.of(), List.of(),
                KYLIN.rowKey(), Optional.empty());
        assertThat(new Validator(1).validateCube(noGroups, SSB, TABLES).totalCuboids()).hasValue(1);
    }
}
