package io.haechi.model.lattice;

import static java.util.Objects.requireNonNull;

import io.haechi.model.cube.AggregationGroupDesc;
import io.haechi.model.cube.CubeDesc;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Counts each aggregation group's cuboids without enumerating, refuses groups over the cap, and enumerates the
 * cuboid set under it: the union of the groups' cuboids, the base cuboid and the mandatory cuboids, each once.
 * Works on a validated {@link CubeDesc}.
 */
public final class CuboidPlanner {
    /** Kylin's {@code kylin.cube.aggrgroup.max-combination}. */
    public static final long DEFAULT_CAP = 32_768;

    private final CubeDesc cube;
    private final CuboidLayout layout;
    private final long cap;
    private final List<GroupLattice> groups = new ArrayList<>();

    public CuboidPlanner(CubeDesc cube, long capPerGroup) {
        this.cube = requireNonNull(cube, "cube is null");
        if (capPerGroup < 1) {
            throw new IllegalArgumentException("capPerGroup must be positive, got " + capPerGroup);
        }
        this.layout = new CuboidLayout(cube.rowKeyOrder());
        this.cap = capPerGroup;
        for (AggregationGroupDesc g : cube.aggregationGroups()) {
            groups.add(GroupLattice.of(g, layout));
        }
    }

    public CuboidLayout layout() {
        return layout;
    }

    public List<GroupLattice> groups() {
        return List.copyOf(groups);
    }

    /** Per-group counts; instant for any group size. */
    public List<GroupCount> counts() {
        List<GroupCount> out = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            BigInteger n = groups.get(g).count();
            out.add(new GroupCount(g, n, groups.get(g).describe(), n.compareTo(BigInteger.valueOf(cap)) > 0));
        }
        return out;
    }

    /** The refusal message for a group over the cap, naming the rules that would cut it down. */
    public String refusal(int g) {
        GroupLattice group = groups.get(g);
        BigInteger n = group.count();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "aggregation group %d has %,d cuboids (%s); the cap is %,d per group: add hierarchies for "
                + "functionally dependent dimensions, joints for dimensions always queried together, or mandatory "
                + "dimensions", g, n, group.describe(), cap));
        int best = 0;
        for (int c = 1; c <= Long.bitCount(group.includes()); c++) {
            if (group.countWithDimCap(c).compareTo(BigInteger.valueOf(cap)) <= 0) {
                best = c;
            } else {
                break;
            }
        }
        if (best > 0 && (group.dimCap() == 0 || best < group.dimCap())) {
            sb.append(String.format(Locale.ROOT, ", or set dimCap to %d or less (dimCap %d gives %,d cuboids)", best,
                    best, group.countWithDimCap(best)));
        }
        return sb.toString();
    }

    /**
     * Enumerates the cuboid set.
     *
     * @throws HaechiException CUBOID_CAP_EXCEEDED naming every group over the cap
     */
    public CuboidSet cuboids() {
        List<String> refusals = new ArrayList<>();
        long total = 0;
        for (GroupCount c : counts()) {
            if (c.overCap()) {
                refusals.add(refusal(c.group()));
            } else {
                total += c.cuboids().longValueExact();
            }
        }
        if (!refusals.isEmpty()) {
            throw new HaechiException(ErrorCode.CUBOID_CAP_EXCEEDED, "cube '" + cube.name() + "': "
                    + String.join("; ", refusals));
        }
        long[] ids = new long[Math.toIntExact(total + cube.mandatoryCuboids().size())];
        int[] n = {0};
        for (GroupLattice g : groups) {
            g.forEach(id -> ids[n[0]++] = id);
        }
        for (List<String> whitelisted : cube.mandatoryCuboids()) {
            ids[n[0]++] = layout.mask(whitelisted);
        }
        return new CuboidSet(Arrays.copyOf(ids, n[0]), layout.baseCuboid());
    }
}
