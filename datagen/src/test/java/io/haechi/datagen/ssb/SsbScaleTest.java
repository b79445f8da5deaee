package io.haechi.datagen.ssb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import org.junit.jupiter.api.Test;

class SsbScaleTest {
    @Test
    void countsFollowDbgenRules() {
        SsbScale one = SsbScale.of(1);
        assertThat(one.customers()).isEqualTo(30_000);
        assertThat(one.suppliers()).isEqualTo(2_000);
        assertThat(one.parts()).isEqualTo(200_000);
        assertThat(one.partKeyMax()).isEqualTo(200_000);
        assertThat(one.orders()).isEqualTo(1_500_000);

        // part count uses floor(1 + log2 SF), lo_partkey range floor(ln SF) + 1
        assertThat(SsbScale.of(10).parts()).isEqualTo(800_000);
        assertThat(SsbScale.of(10).partKeyMax()).isEqualTo(600_000);
        assertThat(SsbScale.of(100).parts()).isEqualTo(1_400_000);
        assertThat(SsbScale.of(100).partKeyMax()).isEqualTo(1_000_000);
        assertThat(SsbScale.of(2).parts()).isEqualTo(400_000);
        assertThat(SsbScale.of(4).parts()).isEqualTo(600_000);
    }

    @Test
    void fractionsScaleEveryTableLinearlyButTheDates() {
        SsbScale s = SsbScale.of(0.01);
        assertThat(s.customers()).isEqualTo(300);
        assertThat(s.suppliers()).isEqualTo(20);
        assertThat(s.parts()).isEqualTo(2_000);
        assertThat(s.partKeyMax()).isEqualTo(2_000);
        assertThat(s.orders()).isEqualTo(15_000);
        assertThat(SsbScale.of(0.29).customers()).isEqualTo(8_700);
        assertThat(SsbScale.DATE_ROWS).isEqualTo(2557);
    }

    @Test
    void tablesCanBeDescribedWhereTheGeneratorWroteThem() {
        var tables = SsbTables.at(java.nio.file.Path.of("/data/ssb"), io.haechi.datagen.OutputFormat.CSV);
        assertThat(tables).extracting(t -> t.name()).containsExactly("lineorder", "dates", "customer", "supplier",
                "part");
        assertThat(tables.get(0).location()).isEqualTo("/data/ssb/lineorder");
        assertThat(tables.get(0).format()).isEqualTo(io.haechi.model.table.SourceFormat.CSV);
        assertThat(tables.get(0).columns()).isEqualTo(SsbTables.lineorder().columns());
        assertThat(SsbTables.lineorder().column("lo_orderkey").orElseThrow().type().toString()).isEqualTo("BIGINT");
        assertThat(SsbTables.dates().columns()).hasSize(17);
        assertThat(SsbTables.lineorder().columns()).hasSize(17);
    }

    @Test
    void sparseOrderKeysLeaveTwoBitGaps() {
        assertThat(SsbScale.orderKey(1)).isEqualTo(1);
        assertThat(SsbScale.orderKey(7)).isEqualTo(7);
        assertThat(SsbScale.orderKey(8)).isEqualTo(32);
        assertThat(SsbScale.orderKey(9)).isEqualTo(33);
        assertThat(SsbScale.orderKey(1_500_000)).isEqualTo(6_000_000);
    }

    @Test
    void rejectsScaleFactorsOutOfRange() {
        assertThatThrownBy(() -> SsbScale.of(0)).isInstanceOf(HaechiException.class)
                .hasMessageContaining("scale factor must be > 0")
                .extracting(e -> ((HaechiException) e).errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThatThrownBy(() -> SsbScale.of(-1)).hasMessageContaining("got -1");
        assertThatThrownBy(() -> SsbScale.of(Double.NaN)).hasMessageContaining("scale factor");
        assertThatThrownBy(() -> SsbScale.of(0.00001)).hasMessageContaining("too small");
        assertThatThrownBy(() -> SsbScale.of(20_000)).hasMessageContaining("<= 10000");
    }
}
