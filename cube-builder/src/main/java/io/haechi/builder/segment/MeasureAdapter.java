package io.haechi.builder.segment;

import static java.util.Objects.requireNonNull;

import io.haechi.builder.cuboid.CuboidRow;
import io.haechi.builder.cuboid.LongMeasureFunction;
import io.haechi.builder.cuboid.MeasureFunction;
import io.haechi.model.cube.ResolvedMeasure;
import io.haechi.model.dict.ByteWriter;
import io.haechi.model.dict.Values;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.measure.MeasureType;
import io.haechi.model.measure.MeasureTypes;
import io.haechi.model.table.DataType;
import io.haechi.model.table.TypeName;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * Adapts one cube-model measure ({@link MeasureType}) to the cuboid engine: which engine functions keep its state,
 * how an argument value becomes the raw {@code long}s of a fact row, and how the engine's states become the
 * cube-model state that {@link MeasureType#serialize} stores.
 *
 * <p>SQL NULL semantics: SUM, MIN and MAX carry a second engine state, the count of non-NULL arguments, so that a
 * group of only NULLs stores NULL (as the cube-model types do); a NULL argument adds the neutral value (0, the
 * largest or the smallest long). COUNT(col) sums 0/1 flags; COUNT(*) counts rows.
 *
 * <p>Raw values: integers as themselves; DECIMAL as the unscaled value at the argument's scale (an error when it
 * does not fit a long); DOUBLE as raw long bits (summed by {@link DoubleSumFunction}; MIN/MAX over DOUBLE use an
 * order-preserving bit transform); DATE as the epoch day; COUNT_DISTINCT over BIGINT/TIMESTAMP the id itself (64-bit,
 * {@link Roaring64DistinctFunction}). MIN/MAX over strings and other types are {@linkplain #interned() interned}:
 * the raw value is the value's code in an order-preserving dictionary of the measure's column built in the same pass
 * as the dimension dictionaries.
 */
public final class MeasureAdapter {
    /** How a measure is computed. */
    public enum Kind {
        COUNT_STAR,
        COUNT,
        SUM_LONG,
        SUM_DECIMAL,
        SUM_DOUBLE,
        MIN_MAX_LONG,
        MIN_MAX_INTERNED,
        COUNT_DISTINCT_64
    }

    private final ResolvedMeasure measure;
    private final MeasureType type;
    private final Kind kind;
    private final boolean max;
    private final DataType argumentType;
    private final List<MeasureFunction> functions;

    public MeasureAdapter(ResolvedMeasure measure) {
        this.measure = requireNonNull(measure, "measure is null");
        this.argumentType = measure.argument().map(a -> a.type()).orElse(null);
        String function = measure.desc().function().name();
        this.type = MeasureTypes.create(function, argumentType);
        this.max = function.equals("MAX");
        String name = measure.name();
        TypeName t = argumentType == null ? null : argumentType.name();
        switch (function) {
            case "COUNT" -> {
                kind = argumentType == null ? Kind.COUNT_STAR : Kind.COUNT;
                functions = List.of(argumentType == null ? LongMeasureFunction.count(name)
                        : LongMeasureFunction.sum(name));
            }
            case "SUM" -> {
                kind = switch (t) {
                    case SMALLINT, INT, BIGINT -> Kind.SUM_LONG;
                    case DECIMAL -> Kind.SUM_DECIMAL;
                    case DOUBLE -> Kind.SUM_DOUBLE;
                    default -> throw unsupported();
                };
                MeasureFunction value = kind == Kind.SUM_DOUBLE ? new DoubleSumFunction(name)
                        : LongMeasureFunction.sum(name);
                functions = List.of(value, LongMeasureFunction.sum(name + "$nonnull"));
            }
            case "MIN", "MAX" -> {
                kind = switch (t) {
                    case SMALLINT, INT, BIGINT, DECIMAL, DOUBLE, DATE -> Kind.MIN_MAX_LONG;
                    default -> Kind.MIN_MAX_INTERNED;
                };
                functions = List.of(max ? LongMeasureFunction.max(name) : LongMeasureFunction.min(name),
                        LongMeasureFunction.sum(name + "$nonnull"));
            }
            case "COUNT_DISTINCT" -> {
                if (t != TypeName.BIGINT && t != TypeName.TIMESTAMP) {
                    // Strings and INT ids need a cube-wide global dictionary (ids stable across segments): not yet.
                    throw unsupported();
                }
                kind = Kind.COUNT_DISTINCT_64;
                functions = List.of(new Roaring64DistinctFunction(name, type));
            }
            default -> throw unsupported();
        }
    }

    private HaechiException unsupported() {
        return new HaechiException(ErrorCode.INVALID_DESCRIPTOR, "measure " + measure.name() + ": the builder "
                + "cannot compute " + measure.desc().function() + " over " + argumentType + " yet");
    }

    public ResolvedMeasure measure() {
        return measure;
    }

    public MeasureType type() {
        return type;
    }

    public Kind kind() {
        return kind;
    }

    /** The engine functions of this measure, in order (its raw values and states take as many slots). */
    public List<MeasureFunction> functions() {
        return functions;
    }

    /** Whether the raw value is the code of the argument in an order-preserving dictionary of this measure. */
    public boolean interned() {
        return kind == Kind.MIN_MAX_INTERNED;
    }

    /** The neutral raw value of a MIN or MAX (what a NULL argument adds). */
    long neutral() {
        return max ? Long.MIN_VALUE : Long.MAX_VALUE;
    }

    /**
     * Writes the raw values of one argument value (null for NULL or COUNT(*)) at {@code out[offset..)}; for an
     * {@linkplain #interned() interned} measure, {@code value} is the argument's dictionary code as a Long.
     */
    public void toRaw(Object value, long[] out, int offset) {
        switch (kind) {
            case COUNT_STAR -> out[offset] = 1;
            case COUNT -> out[offset] = value == null ? 0 : 1;
            case SUM_LONG -> {
                out[offset] = value == null ? 0 : ((Number) value).longValue();
                out[offset + 1] = value == null ? 0 : 1;
            }
            case SUM_DECIMAL -> {
                out[offset] = value == null ? 0 : unscaled((BigDecimal) value);
                out[offset + 1] = value == null ? 0 : 1;
            }
            case SUM_DOUBLE -> {
                out[offset] = Double.doubleToRawLongBits(value == null ? 0.0 : ((Number) value).doubleValue());
                out[offset + 1] = value == null ? 0 : 1;
            }
            case MIN_MAX_LONG, MIN_MAX_INTERNED -> {
                out[offset] = value == null ? neutral() : orderedLong(value);
                out[offset + 1] = value == null ? 0 : 1;
            }
            case COUNT_DISTINCT_64 -> {
                if (value == null) {
                    out[offset] = Roaring64DistinctFunction.NULL_ID;
                } else {
                    long id = value instanceof java.time.LocalDateTime ts ? Values.epochMicros(ts)
                            : ((Number) value).longValue();
                    if (id == Roaring64DistinctFunction.NULL_ID) {
                        throw new HaechiException(ErrorCode.VALUE_NOT_ENCODABLE, "measure " + measure.name()
                                + ": the id " + id + " (Long.MIN_VALUE) is reserved for NULL and cannot be counted");
                    }
                    out[offset] = id;
                }
            }
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    private long unscaled(BigDecimal v) {
        try {
            return v.setScale(argumentType.scale(), RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            throw new HaechiException(ErrorCode.NUMERIC_OVERFLOW, "measure " + measure.name() + ": " + v
                    + " does not fit a 64-bit unscaled DECIMAL at scale " + argumentType.scale());
        }
    }

    /** A long whose order is the value's order (MIN/MAX). */
    private long orderedLong(Object value) {
        if (kind == Kind.MIN_MAX_INTERNED) {
            return ((Number) value).longValue();
        }
        return switch (argumentType.name()) {
            case DECIMAL -> unscaled((BigDecimal) value);
            case DOUBLE -> {
                long bits = Double.doubleToLongBits(((Number) value).doubleValue());
                yield bits < 0 ? ~bits ^ Long.MIN_VALUE : bits;
            }
            case DATE -> ((LocalDate) value).toEpochDay();
            default -> ((Number) value).longValue();
        };
    }

    private Object fromOrderedLong(long v) {
        return switch (argumentType.name()) {
            case DECIMAL -> BigDecimal.valueOf(v, argumentType.scale());
            case DOUBLE -> Double.longBitsToDouble(v < 0 ? ~(v ^ Long.MIN_VALUE) : v);
            case DATE -> LocalDate.ofEpochDay(v);
            default -> Values.coerce(v, argumentType, "measure " + measure.name());
        };
    }

    /**
     * The cube-model state of this measure in an engine row whose states start at engine index {@code slot}.
     *
     * @param dictionary the values of an interned measure by code (null otherwise)
     */
    public Object state(CuboidRow row, int slot, Object[] dictionary) {
        return switch (kind) {
            case COUNT_STAR, COUNT -> row.longState(slot);
            case SUM_LONG -> row.longState(slot + 1) == 0 ? null : row.longState(slot);
            case SUM_DECIMAL -> row.longState(slot + 1) == 0 ? null
                    : BigDecimal.valueOf(row.longState(slot), argumentType.scale());
            case SUM_DOUBLE -> row.longState(slot + 1) == 0 ? null : ((double[]) row.objectState(slot))[0];
            case MIN_MAX_LONG -> row.longState(slot + 1) == 0 ? null : fromOrderedLong(row.longState(slot));
            case MIN_MAX_INTERNED -> row.longState(slot + 1) == 0 ? null : dictionary[(int) row.longState(slot)];
            case COUNT_DISTINCT_64 -> ((DistinctLongs) row.objectState(slot)).toRoaring();
        };
    }

    /** Appends the stored bytes of this measure's state (what {@link MeasureType#serialize} writes) to {@code out}. */
    public void writeState(CuboidRow row, int slot, Object[] dictionary, ByteWriter out) {
        if (kind == Kind.COUNT_DISTINCT_64) {
            DistinctLongs d = (DistinctLongs) row.objectState(slot);
            out.writeBytes(d.isSmall() ? ((Roaring64DistinctFunction) functions.get(0)).cell(d)
                    : type.toBytes(d.toRoaring()));
            return;
        }
        type.serialize(state(row, slot, dictionary), out);
    }
}
