package io.haechi.model.lattice;

import static java.util.Objects.requireNonNull;

import io.haechi.model.cube.AggregationGroupDesc;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * One aggregation group compiled to bitmasks. A cuboid of the group holds every mandatory dimension and, per
 * <i>unit</i>, one of its options or nothing: a normal dimension or a joint has one option (itself), a hierarchy of
 * L levels has L (its non-empty prefixes). A dimCap bounds the number of units present. The all-mandatory cuboid
 * counts (Kylin's {@code is-mandatory-only-valid=true}).
 *
 * <p>The count is the sum of the coefficients of x^0..x^dimCap of the generating polynomial
 * ∏ over units (1 + options·x), computed with BigInteger in O(units²): no enumeration, whatever the size.
 */
public final class GroupLattice {
    private final long includes;
    private final long mandatory;
    private final long[][] options;
    private final long[] unitMasks;
    private final int dimCap;
    private final int normals;
    private final int hierarchies;
    private final int joints;
    private final BigInteger[] polynomial;

    private GroupLattice(long includes, long mandatory, List<long[]> units, int dimCap, int normals, int hierarchies,
            int joints) {
        this.includes = includes;
        this.mandatory = mandatory;
        this.options = units.toArray(new long[0][]);
        this.unitMasks = new long[options.length];
        for (int i = 0; i < options.length; i++) {
            unitMasks[i] = options[i][options[i].length - 1];
        }
        this.dimCap = dimCap;
        this.normals = normals;
        this.hierarchies = hierarchies;
        this.joints = joints;
        this.polynomial = polynomial(options);
    }

    /** Compiles a validated group. */
    public static GroupLattice of(AggregationGroupDesc group, CuboidLayout layout) {
        requireNonNull(group, "group is null");
        long includes = layout.mask(group.includes());
        long mandatory = layout.mask(group.mandatory());
        List<long[]> units = new ArrayList<>();
        long ruled = mandatory;
        for (List<String> h : group.hierarchies()) {
            long[] prefixes = new long[h.size()];
            long m = 0;
            for (int i = 0; i < h.size(); i++) {
                m |= layout.bit(h.get(i));
                prefixes[i] = m;
            }
            units.add(prefixes);
            ruled |= m;
        }
        for (List<String> j : group.joints()) {
            long m = layout.mask(j);
            units.add(new long[] {m});
            ruled |= m;
        }
        long rest = includes & ~ruled;
        int normals = Long.bitCount(rest);
        for (long r = rest; r != 0; r &= r - 1) {
            units.add(new long[] {Long.lowestOneBit(r)});
        }
        return new GroupLattice(includes, mandatory, units, Math.max(0, group.dimCap()), normals,
                group.hierarchies().size(), group.joints().size());
    }

    public long includes() {
        return includes;
    }

    public long mandatory() {
        return mandatory;
    }

    public int dimCap() {
        return dimCap;
    }

    /** The number of valid cuboids of the group. */
    public BigInteger count() {
        return countWithDimCap(dimCap);
    }

    /** The count the group would have with this dimCap (0 = none). */
    public BigInteger countWithDimCap(int cap) {
        int top = cap <= 0 ? polynomial.length - 1 : Math.min(cap, polynomial.length - 1);
        BigInteger sum = BigInteger.ZERO;
        for (int k = 0; k <= top; k++) {
            sum = sum.add(polynomial[k]);
        }
        return sum;
    }

    /** Coefficient k = the number of ways to pick k units, each with one of its options. */
    private static BigInteger[] polynomial(long[][] options) {
        BigInteger[] poly = {BigInteger.ONE};
        for (long[] unit : options) {
            BigInteger[] next = new BigInteger[poly.length + 1];
            Arrays.fill(next, BigInteger.ZERO);
            BigInteger choices = BigInteger.valueOf(unit.length);
            for (int k = 0; k < poly.length; k++) {
                next[k] = next[k].add(poly[k]);
                next[k + 1] = next[k + 1].add(poly[k].multiply(choices));
            }
            poly = next;
        }
        return poly;
    }

    /** Whether {@code cuboid} is one of the group's cuboids. */
    public boolean isValid(long cuboid) {
        if ((cuboid & ~includes) != 0 || (cuboid & mandatory) != mandatory) {
            return false;
        }
        int used = 0;
        for (int u = 0; u < options.length; u++) {
            long part = cuboid & unitMasks[u];
            if (part == 0) {
                continue;
            }
            boolean option = false;
            for (long o : options[u]) {
                option |= part == o;
            }
            if (!option) {
                return false;
            }
            used++;
        }
        return dimCap == 0 || used <= dimCap;
    }

    /** Calls {@code sink} once per valid cuboid. Call only when {@link #count()} is small enough to enumerate. */
    public void forEach(LongConsumer sink) {
        walk(0, mandatory, 0, sink);
    }

    private void walk(int unit, long cuboid, int used, LongConsumer sink) {
        if (unit == options.length) {
            sink.accept(cuboid);
            return;
        }
        walk(unit + 1, cuboid, used, sink);
        if (dimCap > 0 && used == dimCap) {
            return;
        }
        for (long o : options[unit]) {
            walk(unit + 1, cuboid | o, used + 1, sink);
        }
    }

    /** E.g. "11 dimensions: 0 mandatory, 4 hierarchies, 0 joints, 0 normal, no dimCap". */
    public String describe() {
        return Long.bitCount(includes) + " dimensions: " + Long.bitCount(mandatory) + " mandatory, " + hierarchies
                + (hierarchies == 1 ? " hierarchy, " : " hierarchies, ") + joints
                + (joints == 1 ? " joint, " : " joints, ") + normals + " normal, "
                + (dimCap == 0 ? "no dimCap" : "dimCap " + dimCap);
    }
}
