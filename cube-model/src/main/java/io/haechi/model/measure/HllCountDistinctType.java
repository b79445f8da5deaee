package io.haechi.model.measure;

import io.haechi.model.dict.ByteWriter;
import io.haechi.model.dict.SortableBytes;
import io.haechi.model.dict.Values;
import io.haechi.model.table.DataType;
import org.apache.datasketches.common.SketchesArgumentException;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.memory.Memory;

/**
 * Approximate COUNT(DISTINCT) with an Apache DataSketches HLL sketch of {@code 2^lgK} buckets, as BIGINT: the rounded
 * composite estimate, which depends only on the set of values, not on how states were merged, so every cuboid and
 * merge order gives the same answer. Parameter {@code lgK}, 4..21, default 12 (Kylin's default {@code hllc(12)}).
 * The relative standard error is about {@code 1.04 / sqrt(2^lgK)}: 1.6% at 12, 0.41% at 16;
 * {@link #relativeError(int)} gives the sketch's own bound for 1-3 standard deviations (3 at lgK 12: 4.7%). Values
 * are hashed in their {@link SortableBytes} form, so equal values hash alike in every segment. Bytes: the sketch's
 * compact HLL_4 image, a few bytes a value while sparse, at most 2^(lgK-1) + 40 (2,088 at lgK 12).
 */
public final class HllCountDistinctType extends AbstractMeasureType<Union> {
    public static final int DEFAULT_LG_K = 12;
    private final int lgK;
    private final SortableBytes form;

    HllCountDistinctType(DataType argumentType, int lgK) {
        super("APPROX_COUNT_DISTINCT", argumentType, DataType.BIGINT);
        this.lgK = lgK;
        this.form = new SortableBytes(argumentType);
    }

    public int lgK() {
        return lgK;
    }

    /**
     * The relative error bound of an estimate at {@code numStdDev} (1..3) standard deviations, e.g. 0.047 for lgK 12
     * at 3 (99.7%).
     */
    public double relativeError(int numStdDev) {
        return Math.abs(HllSketch.getRelErr(true, true, lgK, numStdDev));
    }

    @Override
    protected Union initState() {
        return new Union(lgK);
    }

    @Override
    protected Union addValue(Union state, Object raw) {
        state.update(form.toBytes(Values.coerce(raw, argumentType(), "APPROX_COUNT_DISTINCT argument")));
        return state;
    }

    @Override
    protected Union mergeStates(Union state, Union other) {
        state.update(other.getResult(TgtHllType.HLL_8));
        return state;
    }

    @Override
    protected Union copyState(Union state) {
        Union c = new Union(lgK);
        c.update(state.getResult(TgtHllType.HLL_8));
        return c;
    }

    @Override
    protected void write(Union state, ByteWriter out) {
        out.writeBytes(state.getResult(TgtHllType.HLL_4).toCompactByteArray());
    }

    @Override
    protected Union read(byte[] in, int offset, int length) {
        try {
            byte[] b = new byte[length];
            System.arraycopy(in, offset, b, 0, length);
            HllSketch sketch = HllSketch.heapify(Memory.wrap(b));
            if (sketch.getLgConfigK() != lgK) {
                throw MeasureCodecs.corrupt(this, "sketch has lgK " + sketch.getLgConfigK() + ", the measure " + lgK);
            }
            Union u = new Union(lgK);
            u.update(sketch);
            return u;
        } catch (SketchesArgumentException | IndexOutOfBoundsException e) {
            throw MeasureCodecs.corrupt(this, "not an HLL sketch (" + e.getMessage() + ")");
        }
    }

    @Override
    protected Object resultOf(Union state) {
        // The composite estimate depends only on the registers, which merging combines by max: the answer is the same
        // whatever the merge order (the HIP estimate of an unmerged sketch would differ from a merged one's).
        return Math.round(state.getCompositeEstimate());
    }

    @Override
    public String describe() {
        return super.describe() + " [lgK=" + lgK + "]";
    }
}
