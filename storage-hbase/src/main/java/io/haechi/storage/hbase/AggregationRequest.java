package io.haechi.storage.hbase;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.InvocationTargetException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What the client asks the region servers to aggregate: the {@link RegionAggregatorFactory} class to use and the
 * payload it reads. Serialised into the scan attribute {@value #ATTRIBUTE} as
 * {@code [format byte 1][int class-name length][UTF-8 class name][payload]}.
 *
 * @param factoryClass binary name of a {@link RegionAggregatorFactory} implementation
 * @param payload the factory's input (measures, group-by projection, filter), opaque to the store
 */
public record AggregationRequest(String factoryClass, byte[] payload) {
    /** The scan attribute that turns on region-side aggregation. */
    public static final String ATTRIBUTE = "haechi.agg";

    private static final byte FORMAT = 1;

    public AggregationRequest {
        requireNonNull(factoryClass, "factoryClass is null");
        requireNonNull(payload, "payload is null");
        if (factoryClass.isEmpty()) {
            throw new IllegalArgumentException("factoryClass is empty");
        }
        payload = payload.clone();
    }

    public static AggregationRequest of(Class<? extends RegionAggregatorFactory> factory, byte[] payload) {
        return new AggregationRequest(factory.getName(), payload);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public byte[] toBytes() {
        byte[] name = factoryClass.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + 4 + name.length + payload.length)
                .put(FORMAT).putInt(name.length).put(name).put(payload).array();
    }

    /** Parses the attribute bytes; a malformed attribute gives an {@link IllegalArgumentException}. */
    public static AggregationRequest fromBytes(byte[] bytes) {
        requireNonNull(bytes, "bytes is null");
        if (bytes.length < 5 || bytes[0] != FORMAT) {
            throw new IllegalArgumentException("scan attribute " + ATTRIBUTE + " is not a Haechi aggregation request"
                    + " (format " + (bytes.length == 0 ? "missing" : bytes[0]) + ", expected " + FORMAT + ")");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        int nameLength = buffer.getInt();
        if (nameLength <= 0 || nameLength > buffer.remaining()) {
            throw new IllegalArgumentException("scan attribute " + ATTRIBUTE + " has a class-name length of "
                    + nameLength + " but only " + buffer.remaining() + " bytes follow");
        }
        String name = new String(bytes, 5, nameLength, StandardCharsets.UTF_8);
        return new AggregationRequest(name, Arrays.copyOfRange(bytes, 5 + nameLength, bytes.length));
    }

    /** Loads the factory through {@code loader} and makes the aggregator; only factory classes are instantiated. */
    public RegionAggregator newAggregator(ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(factoryClass, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("aggregator factory " + factoryClass
                    + " is not on the classpath of this JVM (on a cluster: put Haechi's jar on the region servers)", e);
        }
        if (!RegionAggregatorFactory.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(factoryClass + " does not implement "
                    + RegionAggregatorFactory.class.getName());
        }
        try {
            RegionAggregatorFactory factory = (RegionAggregatorFactory) type.getConstructor().newInstance();
            return requireNonNull(factory.create(payload), factoryClass + " made a null aggregator");
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new IllegalArgumentException(factoryClass + " needs a public no-argument constructor", e);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(factoryClass + " failed to start: " + e.getCause(), e.getCause());
        }
    }
}
