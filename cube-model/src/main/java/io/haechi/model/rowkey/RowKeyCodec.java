package io.haechi.model.rowkey;

import static java.util.Objects.requireNonNull;

import io.haechi.model.dict.DimensionEncoding;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Row keys of one cube segment: {@code [shard: 2 bytes][cuboid id: 8 bytes][code of each dimension present in the
 * cuboid, in row-key order, each of its encoding's fixed width]}, all big-endian, compared as unsigned bytes. Within
 * a shard and cuboid, key order is therefore the order of the dimension value tuples (NULLs last per dimension).
 *
 * <p><b>Cuboid ids</b> are bitmasks over the row-key dimensions as in Kylin: with {@code n} dimensions the first
 * row-key dimension is bit {@code n-1} (the highest), the last is bit 0, so the base cuboid is {@code 2^n - 1}.
 *
 * <p><b>Shard</b>: 0 when there is one shard; otherwise MurmurHash3-32 (seed 0) of the shard-by dimension's code when
 * that dimension is in the cuboid, else of the whole key after the shard prefix (cuboid id and codes), modulo the
 * shard count. Sharding by a dimension keeps a point filter on it to one shard.
 *
 * <p>Immutable and thread-safe.
 */
public final class RowKeyCodec {
    public static final int SHARD_BYTES = 2;
    public static final int CUBOID_BYTES = 8;
    public static final int HEADER_BYTES = SHARD_BYTES + CUBOID_BYTES;
    public static final int MAX_DIMENSIONS = 63;
    public static final int MAX_SHARDS = 65_535;

    private final List<DimensionEncoding> dimensions;
    private final int[] widths;
    private final int shardCount;
    private final int shardBy;

    /**
     * @param dimensions the encodings of the cube's dimensions in row-key order (1..63)
     * @param shardCount 1..65535
     * @param shardByDimension the row-key index of the shard-by dimension, or -1
     */
    public RowKeyCodec(List<DimensionEncoding> dimensions, int shardCount, int shardByDimension) {
        this.dimensions = List.copyOf(requireNonNull(dimensions, "dimensions is null"));
        if (this.dimensions.isEmpty() || this.dimensions.size() > MAX_DIMENSIONS) {
            throw new IllegalArgumentException("dimensions must number 1.." + MAX_DIMENSIONS + ", got "
                    + this.dimensions.size());
        }
        if (shardCount < 1 || shardCount > MAX_SHARDS) {
            throw new IllegalArgumentException("shardCount must be 1.." + MAX_SHARDS + ", got " + shardCount);
        }
        if (shardByDimension < -1 || shardByDimension >= this.dimensions.size()) {
            throw new IllegalArgumentException("shardByDimension must be -1 or a dimension index below "
                    + this.dimensions.size() + ", got " + shardByDimension);
        }
        this.widths = this.dimensions.stream().mapToInt(DimensionEncoding::width).toArray();
        this.shardCount = shardCount;
        this.shardBy = shardByDimension;
    }

    public List<DimensionEncoding> dimensions() {
        return dimensions;
    }

    public int dimensionCount() {
        return dimensions.size();
    }

    public int shardCount() {
        return shardCount;
    }

    public int shardByDimension() {
        return shardBy;
    }

    /** The id bit of the row-key dimension {@code index}. */
    public long bit(int index) {
        return 1L << (dimensions.size() - 1 - index);
    }

    /** The cuboid with every dimension. */
    public long baseCuboid() {
        return dimensions.size() == 63 ? Long.MAX_VALUE : (1L << dimensions.size()) - 1;
    }

    /** The cuboid of the given row-key dimension indexes. */
    public long cuboidOf(int... indexes) {
        long id = 0;
        for (int i : indexes) {
            checkIndex(i);
            id |= bit(i);
        }
        return id;
    }

    public boolean contains(long cuboid, int index) {
        return (cuboid & bit(index)) != 0;
    }

    /** The row-key indexes of the dimensions in {@code cuboid}, ascending. */
    public int[] dimensionsOf(long cuboid) {
        checkCuboid(cuboid);
        int[] out = new int[Long.bitCount(cuboid)];
        int n = 0;
        for (int i = 0; i < dimensions.size(); i++) {
            if (contains(cuboid, i)) {
                out[n++] = i;
            }
        }
        return out;
    }

    public int keyLength(long cuboid) {
        checkCuboid(cuboid);
        int len = HEADER_BYTES;
        for (int i = 0; i < widths.length; i++) {
            if (contains(cuboid, i)) {
                len += widths[i];
            }
        }
        return len;
    }

    /** Where the code of dimension {@code index} starts in a key of {@code cuboid}, or -1 when it is not there. */
    public int codeOffset(long cuboid, int index) {
        checkIndex(index);
        if (!contains(cuboid, index)) {
            return -1;
        }
        int off = HEADER_BYTES;
        for (int i = 0; i < index; i++) {
            if (contains(cuboid, i)) {
                off += widths[i];
            }
        }
        return off;
    }

    /**
     * The key of a row of {@code cuboid}.
     *
     * @param codes the codes of the cuboid's dimensions, in row-key order, one per dimension present
     */
    public byte[] encode(long cuboid, byte[][] codes) {
        int[] dims = dimensionsOf(cuboid);
        if (codes.length != dims.length) {
            throw new IllegalArgumentException("cuboid " + cuboid + " has " + dims.length + " dimensions, got "
                    + codes.length + " codes");
        }
        byte[] key = new byte[keyLength(cuboid)];
        writeLong(key, SHARD_BYTES, cuboid);
        int off = HEADER_BYTES;
        for (int j = 0; j < dims.length; j++) {
            if (codes[j].length != widths[dims[j]]) {
                throw new IllegalArgumentException("code of dimension " + dims[j] + " has " + codes[j].length
                        + " bytes, its encoding " + widths[dims[j]]);
            }
            System.arraycopy(codes[j], 0, key, off, codes[j].length);
            off += codes[j].length;
        }
        writeShard(key, cuboid);
        return key;
    }

    /** The key of a row of {@code cuboid} from the values of its dimensions (in row-key order). */
    public byte[] encodeValues(long cuboid, Object... values) {
        int[] dims = dimensionsOf(cuboid);
        if (values.length != dims.length) {
            throw new IllegalArgumentException("cuboid " + cuboid + " has " + dims.length + " dimensions, got "
                    + values.length + " values");
        }
        byte[] key = new byte[keyLength(cuboid)];
        writeLong(key, SHARD_BYTES, cuboid);
        int off = HEADER_BYTES;
        for (int j = 0; j < dims.length; j++) {
            dimensions.get(dims[j]).encode(values[j], key, off);
            off += widths[dims[j]];
        }
        writeShard(key, cuboid);
        return key;
    }

    public int shard(byte[] key) {
        return ((key[0] & 0xFF) << 8) | (key[1] & 0xFF);
    }

    public long cuboid(byte[] key) {
        if (key.length < HEADER_BYTES) {
            throw corrupt(key, "shorter than the " + HEADER_BYTES + "-byte header");
        }
        long v = 0;
        for (int i = SHARD_BYTES; i < HEADER_BYTES; i++) {
            v = (v << 8) | (key[i] & 0xFF);
        }
        return v;
    }

    /** The code of dimension {@code index} in a key, without decoding the rest; {@code null} if not in its cuboid. */
    public byte[] code(byte[] key, int index) {
        long cuboid = cuboid(key);
        int off = codeOffset(cuboid, index);
        return off < 0 ? null : Arrays.copyOfRange(key, off, off + widths[index]);
    }

    /** The value of dimension {@code index} in a key (NULL as {@code null}). */
    public Object value(byte[] key, int index) {
        long cuboid = cuboid(key);
        int off = codeOffset(cuboid, index);
        if (off < 0) {
            throw new IllegalArgumentException("dimension " + index + " is not in cuboid " + cuboid);
        }
        return dimensions.get(index).decode(key, off);
    }

    /** Splits a key into shard, cuboid and codes, checking its length and shard. */
    public RowKey decode(byte[] key) {
        long cuboid = cuboid(key);
        if (cuboid < 0 || (cuboid & ~baseCuboid()) != 0) {
            throw corrupt(key, "cuboid id " + cuboid + " is not a subset of the base cuboid " + baseCuboid());
        }
        if (key.length != keyLength(cuboid)) {
            throw corrupt(key, "has " + key.length + " bytes, cuboid " + cuboid + " needs " + keyLength(cuboid));
        }
        int[] dims = dimensionsOf(cuboid);
        byte[][] codes = new byte[dims.length][];
        int off = HEADER_BYTES;
        for (int j = 0; j < dims.length; j++) {
            codes[j] = Arrays.copyOfRange(key, off, off + widths[dims[j]]);
            off += widths[dims[j]];
        }
        int shard = shard(key);
        if (shard != shardOf(key, cuboid)) {
            throw corrupt(key, "shard " + shard + " differs from the computed " + shardOf(key, cuboid));
        }
        return new RowKey(shard, cuboid, dims, codes);
    }

    /** The values of the key's dimensions, in row-key order. */
    public Object[] decodeValues(byte[] key) {
        RowKey k = decode(key);
        Object[] out = new Object[k.dimensions().length];
        for (int j = 0; j < out.length; j++) {
            out[j] = dimensions.get(k.dimensions()[j]).decode(k.codes()[j], 0);
        }
        return out;
    }

    /**
     * The key of the same row in a coarser cuboid {@code target} (a subset of the key's cuboid): the codes of the
     * dropped dimensions are removed and the shard recomputed. Rows that project to equal keys are merged by rollup.
     */
    public byte[] project(byte[] key, long target) {
        long source = cuboid(key);
        checkCuboid(target);
        if ((target & ~source) != 0) {
            throw new IllegalArgumentException("cuboid " + target + " is not a subset of cuboid " + source);
        }
        byte[] out = new byte[keyLength(target)];
        writeLong(out, SHARD_BYTES, target);
        int from = HEADER_BYTES;
        int to = HEADER_BYTES;
        for (int i = 0; i < widths.length; i++) {
            if (contains(source, i)) {
                if (contains(target, i)) {
                    System.arraycopy(key, from, out, to, widths[i]);
                    to += widths[i];
                }
                from += widths[i];
            }
        }
        writeShard(out, target);
        return out;
    }

    /**
     * The key ranges to scan for the rows of {@code cuboid} whose codes fall in the given ranges, sorted by start key,
     * covering every matching key of every shard it can be in.
     *
     * <p>Point ranges on leading dimensions extend a common prefix; a non-point range on a leading dimension is
     * expanded into points while the number of ranges stays within {@code maxRanges} (and the codes are at most 8
     * bytes); the last constrained dimension gives the [start, stop) of each range. A range that is not expanded ends
     * the prefix: if later dimensions are constrained too, the ranges are marked not {@link KeyRange#exact() exact}
     * and the scan must filter them (the residual filter). When the shard-by dimension is a point in a prefix, only
     * that shard is scanned; otherwise each range is repeated for every shard.
     *
     * @param ranges one entry per dimension of the cuboid, in row-key order, possibly fewer (the rest unconstrained);
     *     a {@code null} entry is unconstrained
     * @param maxRanges a cap on the ranges produced per shard by expansion (at least 1)
     */
    public List<KeyRange> keyRanges(long cuboid, List<CodeRange> ranges, int maxRanges) {
        int[] dims = dimensionsOf(cuboid);
        if (ranges.size() > dims.length) {
            throw new IllegalArgumentException(ranges.size() + " ranges for a cuboid of " + dims.length
                    + " dimensions");
        }
        if (maxRanges < 1) {
            throw new IllegalArgumentException("maxRanges must be at least 1, got " + maxRanges);
        }
        int last = -1;
        for (int j = 0; j < ranges.size(); j++) {
            CodeRange r = ranges.get(j);
            if (r != null) {
                if (r.width() != widths[dims[j]]) {
                    throw new IllegalArgumentException("range of dimension " + dims[j] + " has " + r.width()
                            + "-byte codes, its encoding " + widths[dims[j]]);
                }
                last = j;
            }
        }
        byte[] header = new byte[HEADER_BYTES];
        writeLong(header, SHARD_BYTES, cuboid);
        // Prefixes of codes after the header, for dimensions 0..j-1 of the cuboid.
        List<byte[]> prefixes = new ArrayList<>(List.of(new byte[0]));
        List<byte[][]> bounds = new ArrayList<>();
        boolean exact = true;
        int shardDimPos = -1;
        for (int j = 0; j < dims.length; j++) {
            if (dims[j] == shardBy) {
                shardDimPos = j;
            }
        }
        int prefixDims = 0;
        for (int j = 0; j <= last; j++) {
            CodeRange r = ranges.get(j);
            int w = widths[dims[j]];
            boolean unconstrained = r == null;
            if (unconstrained) {
                r = new CodeRange(new byte[w], filled(w, 0xFF));
            }
            if (j == last) {
                if (r.isPoint()) {
                    prefixDims = j + 1;
                }
                for (byte[] p : prefixes) {
                    bounds.add(new byte[][] {concat(p, r.low()), concat(p, r.high())});
                }
                break;
            }
            long count = w <= 7 ? r.highLong() - r.lowLong() + 1 : Long.MAX_VALUE;
            // An unconstrained dimension is never expanded: one range and a residual filter beat 2^(8w) ranges.
            if (r.isPoint() || (!unconstrained && count <= maxRanges / prefixes.size())) {
                List<byte[]> next = new ArrayList<>();
                for (byte[] p : prefixes) {
                    if (r.isPoint()) {
                        next.add(concat(p, r.low()));
                    } else {
                        for (long c = r.lowLong(); c <= r.highLong(); c++) {
                            next.add(concat(p, longBytes(c, w)));
                        }
                    }
                }
                prefixes = next;
                prefixDims = j + 1;
            } else {
                for (byte[] p : prefixes) {
                    bounds.add(new byte[][] {concat(p, r.low()), concat(p, r.high())});
                }
                exact = false;
                break;
            }
        }
        if (last < 0) {
            bounds.add(new byte[][] {new byte[0], new byte[0]});
        }
        List<KeyRange> out = new ArrayList<>();
        boolean shardKnown = shardCount > 1 && shardDimPos >= 0 && shardDimPos < prefixDims;
        int shardDimOffset = 0;
        for (int j = 0; j < shardDimPos; j++) {
            shardDimOffset += widths[dims[j]];
        }
        for (byte[][] b : bounds) {
            byte[] start = concat(header, b[0]);
            byte[] stop = successor(concat(header, b[1]));
            if (shardCount == 1) {
                out.add(new KeyRange(start, stop, exact));
            } else if (shardKnown) {
                int shard = hashShard(b[0], shardDimOffset, widths[shardBy]);
                out.add(new KeyRange(withShard(start, shard), stopInShard(header, b[1], shard), exact));
            } else {
                for (int s = 0; s < shardCount; s++) {
                    out.add(new KeyRange(withShard(start, s), stopInShard(header, b[1], s), exact));
                }
            }
        }
        out.sort(Comparator.comparing(KeyRange::start, Arrays::compareUnsigned));
        return out;
    }

    private static byte[] stopInShard(byte[] header, byte[] highBody, int shard) {
        byte[] withShard = concat(header, highBody);
        writeShortAt(withShard, shard);
        return successor(withShard);
    }

    private static byte[] withShard(byte[] key, int shard) {
        byte[] k = key.clone();
        writeShortAt(k, shard);
        return k;
    }

    /** The smallest key greater than every key starting with {@code prefix}; empty when there is none. */
    static byte[] successor(byte[] prefix) {
        byte[] s = prefix.clone();
        for (int i = s.length - 1; i >= 0; i--) {
            if (++s[i] != 0) {
                return Arrays.copyOf(s, i + 1);
            }
        }
        return new byte[0];
    }

    private int shardOf(byte[] key, long cuboid) {
        if (shardCount == 1) {
            return 0;
        }
        if (shardBy >= 0 && contains(cuboid, shardBy)) {
            return hashShard(key, codeOffset(cuboid, shardBy), widths[shardBy]);
        }
        return hashShard(key, SHARD_BYTES, key.length - SHARD_BYTES);
    }

    private int hashShard(byte[] bytes, int offset, int length) {
        return Math.floorMod(Murmur3.hash32(bytes, offset, length, 0), shardCount);
    }

    private void writeShard(byte[] key, long cuboid) {
        writeShortAt(key, shardOf(key, cuboid));
    }

    private static void writeShortAt(byte[] key, int v) {
        key[0] = (byte) (v >>> 8);
        key[1] = (byte) v;
    }

    private static void writeLong(byte[] out, int off, long v) {
        for (int i = 7; i >= 0; i--) {
            out[off + i] = (byte) v;
            v >>>= 8;
        }
    }

    private static byte[] longBytes(long v, int width) {
        byte[] b = new byte[width];
        for (int i = width - 1; i >= 0; i--) {
            b[i] = (byte) v;
            v >>>= 8;
        }
        return b;
    }

    private static byte[] filled(int n, int b) {
        byte[] out = new byte[n];
        Arrays.fill(out, (byte) b);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= dimensions.size()) {
            throw new IllegalArgumentException("dimension index " + index + " outside 0.." + (dimensions.size() - 1));
        }
    }

    private void checkCuboid(long cuboid) {
        if (cuboid < 0 || (cuboid & ~baseCuboid()) != 0) {
            throw new IllegalArgumentException("cuboid " + cuboid + " is not a subset of the base cuboid "
                    + baseCuboid() + " of " + dimensions.size() + " dimensions");
        }
    }

    private static HaechiException corrupt(byte[] key, String problem) {
        return new HaechiException(ErrorCode.CORRUPT_STORED_DATA, "row key " + CodeRange.hex(key) + " is corrupt: "
                + problem);
    }
}
