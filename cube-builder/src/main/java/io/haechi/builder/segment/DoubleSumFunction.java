package io.haechi.builder.segment;

import static java.util.Objects.requireNonNull;

import io.haechi.builder.cuboid.ObjectMeasureFunction;
import java.nio.ByteBuffer;

/**
 * SUM of DOUBLE for the cuboid engine, whose long states only add integers: the raw value is the double's raw long
 * bits, the state a one-element {@code double[]} (mutable, so merging allocates nothing).
 */
public final class DoubleSumFunction implements ObjectMeasureFunction<double[]> {
    private final String name;

    public DoubleSumFunction(String name) {
        this.name = requireNonNull(name, "name is null");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double[] init(long raw) {
        return new double[] {Double.longBitsToDouble(raw)};
    }

    @Override
    public double[] merge(double[] target, double[] other) {
        target[0] += other[0];
        return target;
    }

    @Override
    public long sizeInBytes(double[] state) {
        return 24;
    }

    @Override
    public int serializedSize(double[] state) {
        return 8;
    }

    @Override
    public void serialize(double[] state, ByteBuffer out) {
        out.putLong(Double.doubleToRawLongBits(state[0]));
    }

    @Override
    public double[] deserialize(ByteBuffer in, int length) {
        if (length != 8) {
            throw new IllegalStateException("a double sum takes 8 bytes, got " + length);
        }
        return new double[] {Double.longBitsToDouble(in.getLong())};
    }

    @Override
    public Class<double[]> stateClass() {
        return double[].class;
    }
}
