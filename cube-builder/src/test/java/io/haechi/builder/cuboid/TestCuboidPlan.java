package io.haechi.builder.cuboid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestCuboidPlan {
    @Test
    void firstRowKeyDimensionIsTheHighestBit() {
        assertThat(CuboidIds.base(4)).isEqualTo(0b1111);
        assertThat(CuboidIds.bit(4, 0)).isEqualTo(0b1000);
        assertThat(CuboidIds.of(4, 1, 3)).isEqualTo(0b0101);
        assertThat(CuboidIds.dimensions(4, 0b0101)).containsExactly(1, 3);
        assertThat(CuboidIds.contains(0b1101, 0b0101)).isTrue();
        assertThat(CuboidIds.contains(0b1001, 0b0101)).isFalse();
    }

    @Test
    void fewestDimensionsParentsPicksTheSmallestSuperset() {
        CuboidPlan plan = CuboidPlan.fewestDimensionsParents(4, List.of(0b1100L, 0b1110L, 0b0100L, 0b0111L));
        assertThat(plan.base()).isEqualTo(0b1111);
        assertThat(plan.buildOrder()).containsExactly(0b1111L, 0b0111L, 0b1110L, 0b1100L, 0b0100L);
        assertThat(plan.parent(0b1100)).isEqualTo(0b1110);
        // 0100 is in 0111, 1110 (3 dims) and 1100 (2 dims): the 2-dimension one wins.
        assertThat(plan.parent(0b0100)).isEqualTo(0b1100);
        assertThat(plan.parent(0b0111)).isEqualTo(0b1111);
        assertThat(plan.children().get(0b1110L)).containsExactly(0b1100L);
    }

    @Test
    void rejectsPlansThatCannotBeBuilt() {
        Map<Long, Long> parents = new LinkedHashMap<>();
        parents.put(0b111L, CuboidPlan.noParent());
        parents.put(0b011L, 0b101L);
        parents.put(0b101L, 0b111L);
        assertThatThrownBy(() -> new CuboidPlan(3, parents, List.of(0b111L, 0b011L, 0b101L), Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parent 5 of cuboid 3 is not built before it");
        assertThatThrownBy(() -> new CuboidPlan(3, parents, List.of(0b111L, 0b101L, 0b011L), Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parent 5 of cuboid 3 is not a strict superset of it");
        assertThatThrownBy(() -> new CuboidPlan(3, Map.of(0b011L, CuboidPlan.noParent()), List.of(0b011L), Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must start with the base cuboid 7");
        CuboidPlan plan = CuboidPlan.fewestDimensionsParents(3, List.of(0b011L));
        assertThatThrownBy(() -> plan.withDone(List.of(0b001L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("done cuboid 1 is not in the plan");
    }

    @Test
    void projectionKeepsSortedPrefixAndCodes() {
        int[] bits = {3, 40, 20, 2};
        KeyLayout parent = new KeyLayout(0b1111, 4, bits);
        KeyLayout child = new KeyLayout(0b1011, 4, bits);
        assertThat(parent.words()).isEqualTo(2);
        long[] key = new long[parent.words()];
        int[] codes = {5, 123_456_789, 999_999, 3};
        for (int i = 0; i < 4; i++) {
            key[parent.word(i)] |= (long) codes[i] << parent.shift(i);
        }
        KeyProjection projection = new KeyProjection(parent, child);
        long[] projected = new long[child.words()];
        projection.project(key, 0, projected, 0);
        assertThat(child.code(projected, 0, 0)).isEqualTo(5);
        assertThat(child.code(projected, 0, 1)).isEqualTo(999_999);
        assertThat(child.code(projected, 0, 2)).isEqualTo(3);
        assertThat(projection.sortedPrefix()).isEqualTo(1);
        assertThat(projection.childIsPrefix()).isFalse();
        assertThat(new KeyProjection(parent, new KeyLayout(0b1100, 4, bits)).childIsPrefix()).isTrue();
    }
}
