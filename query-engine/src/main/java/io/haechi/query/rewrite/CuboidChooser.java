package io.haechi.query.rewrite;

import io.haechi.query.exec.Pred;
import io.haechi.query.exec.ScanColumn;
import io.haechi.query.exec.SegmentCodec;
import io.haechi.query.meta.CubeView;
import java.util.List;
import java.util.function.Function;

/**
 * Picks the cuboid to read: among the cuboids holding every needed dimension, the one with the fewest estimated rows
 * read after key ranges (rows stored times the selectivity of the conditions on its leading row-key dimensions);
 * ties go to the fewer stored rows, then the fewer dimensions.
 */
final class CuboidChooser {
    /** Assumed fraction a range with parameters keeps. */
    private static final double OPEN_RANGE = 0.33;

    record Choice(long cuboid, double cost) {
    }

    private final CubeView cube;
    private final SegmentCodec sample;

    CuboidChooser(CubeView cube, Function<CubeView, SegmentCodec> firstSegment) {
        this.cube = cube;
        this.sample = cube.segments().isEmpty() ? null : firstSegment.apply(cube);
    }

    Choice choose(long needed, List<Pred> pushed, List<ScanColumn> columns) {
        var layout = cube.cube().layout();
        long best = -1;
        double bestCost = Double.MAX_VALUE;
        long bestRows = Long.MAX_VALUE;
        for (long c : cube.cube().cuboids().ids()) {
            if ((c & needed) != needed) {
                continue;
            }
            long rows = cube.segments().isEmpty() ? (1L << Long.bitCount(c)) : cube.rows(c);
            double cost = rows * selectivity(c, pushed, columns);
            if (cost < bestCost || (cost == bestCost && (rows < bestRows
                    || (rows == bestRows && Long.bitCount(c) < Long.bitCount(best))))) {
                best = c;
                bestCost = cost;
                bestRows = rows;
            }
        }
        if (best < 0) {
            List<String> dims = layout.dimensionsOf(needed);
            throw new Bail("no cuboid of cube " + cube.name() + " holds " + dims + " together; the smallest that "
                    + "would answer is cuboid " + dims);
        }
        return new Choice(best, bestCost);
    }

    /** The fraction of a cuboid's rows inside the key ranges of its leading constrained dimensions. */
    private double selectivity(long cuboid, List<Pred> pushed, List<ScanColumn> columns) {
        var layout = cube.cube().layout();
        double s = 1;
        for (String dim : layout.dimensionsOf(cuboid)) {
            int position = layout.position(dim);
            double f = 1;
            boolean constrained = false;
            for (Pred p : pushed) {
                if (((ScanColumn.Stored) columns.get(p.singleColumn())).position() == position) {
                    constrained = true;
                    f = Math.min(f, fraction(p, position));
                }
            }
            if (!constrained) {
                break;
            }
            s *= f;
        }
        return s;
    }

    private double fraction(Pred p, int position) {
        int card = sample == null ? 100 : Math.max(1, sample.cardinality(position));
        if (p instanceof Pred.Compare c) {
            return c.op() == Pred.Op.EQ ? 1.0 / card : c.op() == Pred.Op.NE ? 1 : OPEN_RANGE;
        }
        if (p instanceof Pred.InRanges r) {
            long points = r.ranges().asRanges().stream().filter(x -> x.hasLowerBound() && x.hasUpperBound()
                    && x.lowerEndpoint().equals(x.upperEndpoint())).count();
            if (points == r.ranges().asRanges().size()) {
                return Math.min(1, (double) points / card);
            }
            return OPEN_RANGE;
        }
        if (p instanceof Pred.IsNull n) {
            return n.negated() ? 1 : 1.0 / card;
        }
        return OPEN_RANGE;
    }
}
