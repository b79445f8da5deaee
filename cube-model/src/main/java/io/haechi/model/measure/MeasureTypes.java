package io.haechi.model.measure;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.DataType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The registry of measure kinds by function name (case-insensitive): the built-in SUM, COUNT, MIN, MAX,
 * COUNT_DISTINCT (exact) and APPROX_COUNT_DISTINCT (HLL), plus any {@link MeasureKind} found by
 * {@link ServiceLoader}.
 */
public final class MeasureTypes {
    private static final Map<String, MeasureKind> KINDS = load();

    private MeasureTypes() {
    }

    private static Map<String, MeasureKind> load() {
        Map<String, MeasureKind> kinds = new TreeMap<>();
        List<MeasureKind> all = new java.util.ArrayList<>(List.of(new SumKind(), new CountKind(), new MinKind(),
                new MaxKind(), new CountDistinctKind(), new ApproxCountDistinctKind()));
        ServiceLoader.load(MeasureKind.class, MeasureTypes.class.getClassLoader()).forEach(all::add);
        for (MeasureKind k : all) {
            for (String name : names(k)) {
                MeasureKind previous = kinds.putIfAbsent(name.toUpperCase(Locale.ROOT), k);
                if (previous != null && previous.getClass() != k.getClass()) {
                    throw new IllegalStateException("measure function " + name + " is defined by both "
                            + previous.getClass().getName() + " and " + k.getClass().getName());
                }
            }
        }
        return Map.copyOf(kinds);
    }

    private static List<String> names(MeasureKind k) {
        List<String> n = new java.util.ArrayList<>(k.aliases());
        n.add(0, k.function());
        return n;
    }

    /** The function names (and aliases) known, sorted. */
    public static List<String> functions() {
        return List.copyOf(new TreeSet<>(KINDS.keySet()));
    }

    public static MeasureKind kind(String function) {
        requireNonNull(function, "function is null");
        MeasureKind k = KINDS.get(function.trim().toUpperCase(Locale.ROOT));
        if (k == null) {
            throw new HaechiException(ErrorCode.INVALID_DESCRIPTOR, "unknown measure function '" + function
                    + "'; expected one of " + String.join(", ", functions()));
        }
        return k;
    }

    /**
     * The measure {@code function(argumentType)}.
     *
     * @param argumentType the argument column's type, {@code null} for COUNT(*)
     */
    public static MeasureType create(String function, DataType argumentType, Map<String, String> params,
            MeasureContext context) {
        return kind(function).create(argumentType, Map.copyOf(requireNonNull(params, "params is null")),
                requireNonNull(context, "context is null"));
    }

    public static MeasureType create(String function, DataType argumentType) {
        return create(function, argumentType, Map.of(), MeasureContext.NONE);
    }

    static void requireArgument(MeasureKind kind, DataType argumentType) {
        if (argumentType == null) {
            throw new HaechiException(ErrorCode.INVALID_DESCRIPTOR, kind.function() + " needs a column argument");
        }
    }

    static void requireNoParams(MeasureKind kind, Map<String, String> params) {
        if (!params.isEmpty()) {
            throw new HaechiException(ErrorCode.INVALID_DESCRIPTOR, kind.function() + " takes no parameters, got "
                    + params.keySet());
        }
    }

    static HaechiException badArgument(MeasureKind kind, DataType argumentType, String expected) {
        return new HaechiException(ErrorCode.INVALID_DESCRIPTOR, kind.function() + " cannot aggregate a "
                + argumentType + " column; it needs " + expected);
    }
}
