package io.haechi.model.lattice;

import static org.assertj.core.api.Assertions.assertThat;

import io.haechi.model.cube.AggregationGroupDesc;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Counts, enumeration and membership checked against brute force over every subset, on random groups. */
class GroupLatticeTest {
    private static final int LAYOUT_SIZE = 14;

    @Test
    void matchesBruteForceOnRandomGroups() {
        Random random = new Random(42);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < LAYOUT_SIZE; i++) {
            names.add("d" + i);
        }
        CuboidLayout layout = new CuboidLayout(names);
        int withRules = 0;
        for (int round = 0; round < 300; round++) {
            AggregationGroupDesc group = randomGroup(random, names);
            withRules += group.hierarchies().isEmpty() && group.joints().isEmpty() && group.dimCap() == 0 ? 0 : 1;
            Set<Long> expected = bruteForce(group, layout);
            GroupLattice lattice = GroupLattice.of(group, layout);
            assertThat(lattice.count()).as("%s", group).isEqualTo(BigInteger.valueOf(expected.size()));
            List<Long> enumerated = new ArrayList<>();
            lattice.forEach(enumerated::add);
            assertThat(enumerated).as("%s", group).doesNotHaveDuplicates();
            assertThat(new HashSet<>(enumerated)).as("%s", group).isEqualTo(expected);
            for (long mask = 0; mask < (1L << LAYOUT_SIZE); mask += 1 + random.nextInt(7)) {
                assertThat(lattice.isValid(mask)).as("%s cuboid %d", group, mask).isEqualTo(expected.contains(mask));
            }
        }
        assertThat(withRules).isGreaterThan(250);
    }

    private static AggregationGroupDesc randomGroup(Random random, List<String> names) {
        List<String> pool = new ArrayList<>(names);
        Collections.shuffle(pool, random);
        List<String> includes = new ArrayList<>(pool.subList(0, 1 + random.nextInt(12)));
        List<String> free = new ArrayList<>(includes);
        List<String> mandatory = new ArrayList<>();
        List<List<String>> hierarchies = new ArrayList<>();
        List<List<String>> joints = new ArrayList<>();
        for (int m = random.nextInt(3); m > 0 && !free.isEmpty(); m--) {
            mandatory.add(free.remove(0));
        }
        for (int h = random.nextInt(3); h > 0 && free.size() >= 2; h--) {
            int length = 2 + random.nextInt(Math.min(3, free.size() - 1));
            hierarchies.add(new ArrayList<>(free.subList(0, length)));
            free.subList(0, length).clear();
        }
        for (int j = random.nextInt(3); j > 0 && free.size() >= 2; j--) {
            int length = 2 + random.nextInt(Math.min(2, free.size() - 1));
            joints.add(new ArrayList<>(free.subList(0, length)));
            free.subList(0, length).clear();
        }
        int dimCap = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(4);
        return new AggregationGroupDesc(includes, mandatory, hierarchies, joints, dimCap);
    }

    /** The definition, applied to every subset of the includes. */
    private static Set<Long> bruteForce(AggregationGroupDesc g, CuboidLayout layout) {
        List<String> includes = g.includes();
        Set<Long> out = new HashSet<>();
        for (int subset = 0; subset < (1 << includes.size()); subset++) {
            Set<String> dims = new HashSet<>();
            for (int i = 0; i < includes.size(); i++) {
                if ((subset & (1 << i)) != 0) {
                    dims.add(includes.get(i));
                }
            }
            if (valid(g, dims)) {
                out.add(layout.mask(dims));
            }
        }
        return out;
    }

    private static boolean valid(AggregationGroupDesc g, Set<String> dims) {
        if (!dims.containsAll(g.mandatory())) {
            return false;
        }
        Set<String> ruled = new HashSet<>(g.mandatory());
        int units = 0;
        for (List<String> joint : g.joints()) {
            long present = joint.stream().filter(dims::contains).count();
            if (present != 0 && present != joint.size()) {
                return false;
            }
            units += present == 0 ? 0 : 1;
            ruled.addAll(joint);
        }
        for (List<String> h : g.hierarchies()) {
            boolean gap = false;
            for (String level : h) {
                if (!dims.contains(level)) {
                    gap = true;
                } else if (gap) {
                    return false;
                }
            }
            units += dims.contains(h.get(0)) ? 1 : 0;
            ruled.addAll(h);
        }
        for (String d : dims) {
            units += ruled.contains(d) ? 0 : 1;
        }
        return g.dimCap() == 0 || units <= g.dimCap();
    }

    @Test
    void hostileGroupIsCountedWithoutEnumerating() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 63; i++) {
            names.add("c" + i);
        }
        CuboidLayout layout = new CuboidLayout(names);
        GroupLattice g = GroupLattice.of(AggregationGroupDesc.of(names), layout);
        assertThat(g.count()).isEqualTo(BigInteger.TWO.pow(63));
        // C(63,0) + C(63,1) + C(63,2) = 1 + 63 + 1953
        assertThat(g.countWithDimCap(2)).isEqualTo(BigInteger.valueOf(2017));
        assertThat(layout.baseCuboid()).isEqualTo(Long.MAX_VALUE);
        assertThat(layout.bit("c0")).isEqualTo(1L << 62);
        assertThat(layout.bit("c62")).isEqualTo(1L);
    }
}
