package io.haechi.storage.hbase;

import static java.util.Objects.requireNonNull;

import io.haechi.model.dict.ByteReader;
import io.haechi.model.dict.ByteWriter;
import io.haechi.model.error.HaechiException;
import io.haechi.model.rowkey.CodeRange;
import io.haechi.model.spi.CuboidScanRequest;
import io.haechi.model.spi.ScanLayout;
import io.haechi.model.table.DataType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a region server needs to filter and roll up one cuboid scan: the payload of the {@link AggregationRequest} in
 * the scan attribute {@value AggregationRequest#ATTRIBUTE}. Key ranges are not in it: they are the scan's own range
 * and filter.
 *
 * <p><b>Format</b> (version 1; all integers unsigned varints unless said otherwise, strings as varint length + UTF-8):
 * <pre>
 * magic 'H' 'S', version byte 1
 * dimension count, then each code width
 * shard count
 * measure count, then per measure: function, argument type (SQL spelling, "" for COUNT(*)), parameter count, then
 *   each parameter's key and value (sorted by key)
 * cuboid (8 bytes big-endian), groupBy (8 bytes big-endian)
 * residual dimension count, then per dimension (ascending index): index, range count, then each range's low and high
 *   code (the dimension's width each)
 * requested measure count, then each measure index
 * max groups (varint)
 * </pre>
 * A reader rejects an unknown version with {@code UNSUPPORTED_FORMAT_VERSION}, so old region servers fail clearly on
 * requests from newer clients. No Java serialisation anywhere.
 *
 * @param layout key widths, shards and every measure of the cube
 * @param cuboid the stored cuboid scanned
 * @param groupBy the cuboid rolled up to
 * @param residual per row-key dimension index, the code ranges a row must fall in
 * @param measures the requested measure indexes, in output order
 * @param maxGroups the most groups a region may produce
 */
public record CubeScanPayload(ScanLayout layout, long cuboid, long groupBy, Map<Integer, List<CodeRange>> residual,
        List<Integer> measures, long maxGroups) {
    static final byte VERSION = 1;
    private static final byte[] MAGIC = {'H', 'S'};

    public CubeScanPayload {
        requireNonNull(layout, "layout is null");
        residual = Map.copyOf(new TreeMap<>(requireNonNull(residual, "residual is null")));
        measures = List.copyOf(requireNonNull(measures, "measures is null"));
        int dims = layout.codeWidths().size();
        long base = dims == 63 ? Long.MAX_VALUE : (1L << dims) - 1;
        if (cuboid < 0 || (cuboid & ~base) != 0) {
            throw new IllegalArgumentException("cuboid " + cuboid + " is not a subset of the base cuboid " + base
                    + " of " + dims + " dimensions");
        }
        if ((groupBy & ~cuboid) != 0 || groupBy < 0) {
            throw new IllegalArgumentException("groupBy " + groupBy + " is not a subset of the cuboid " + cuboid);
        }
        for (Map.Entry<Integer, List<CodeRange>> e : residual.entrySet()) {
            int d = e.getKey();
            if (d < 0 || d >= dims || (cuboid & (1L << (dims - 1 - d))) == 0) {
                throw new IllegalArgumentException("residual filter on dimension " + d
                        + ", which is not in cuboid " + cuboid);
            }
            if (e.getValue().isEmpty()) {
                throw new IllegalArgumentException("residual filter on dimension " + d + " has no code ranges");
            }
            for (CodeRange r : e.getValue()) {
                if (r.low().length != layout.codeWidths().get(d)) {
                    throw new IllegalArgumentException("residual range " + r + " of dimension " + d + " has "
                            + r.low().length + "-byte codes, the dimension " + layout.codeWidths().get(d));
                }
            }
        }
        for (int m : measures) {
            if (m < 0 || m >= layout.measures().size()) {
                throw new IllegalArgumentException("measure index " + m + " outside 0.."
                        + (layout.measures().size() - 1));
            }
        }
        if (maxGroups < 1) {
            throw new IllegalArgumentException("maxGroups must be at least 1, got " + maxGroups);
        }
        residual = copyRanges(residual);
    }

    private static Map<Integer, List<CodeRange>> copyRanges(Map<Integer, List<CodeRange>> residual) {
        Map<Integer, List<CodeRange>> copy = new LinkedHashMap<>();
        new TreeMap<>(residual).forEach((d, ranges) -> copy.put(d, List.copyOf(ranges)));
        return java.util.Collections.unmodifiableMap(copy);
    }

    /** The payload of a scan request. */
    public static CubeScanPayload of(CuboidScanRequest request, long maxGroups) {
        return new CubeScanPayload(request.layout(), request.cuboid(), request.groupBy(), request.residual(),
                request.measures(), maxGroups);
    }

    public byte[] toBytes() {
        ByteWriter w = new ByteWriter(64);
        w.writeBytes(MAGIC).writeByte(VERSION);
        w.writeVarInt(layout.codeWidths().size());
        layout.codeWidths().forEach(w::writeVarInt);
        w.writeVarInt(layout.shardCount());
        w.writeVarInt(layout.measures().size());
        for (ScanLayout.MeasureSpec m : layout.measures()) {
            w.writeString(m.function());
            w.writeString(m.argumentType() == null ? "" : m.argumentType().toString());
            Map<String, String> params = new TreeMap<>(m.params());
            w.writeVarInt(params.size());
            params.forEach((k, v) -> w.writeString(k).writeString(v));
        }
        w.writeLong(cuboid).writeLong(groupBy);
        w.writeVarInt(residual.size());
        residual.forEach((d, ranges) -> {
            w.writeVarInt(d).writeVarInt(ranges.size());
            for (CodeRange r : ranges) {
                w.writeBytes(r.low()).writeBytes(r.high());
            }
        });
        w.writeVarInt(measures.size());
        measures.forEach(w::writeVarInt);
        w.writeVarLong(maxGroups);
        return w.toByteArray();
    }

    /**
     * Reads {@link #toBytes()}; bytes that are not a payload of a known version fail with an
     * {@link IllegalArgumentException} (a {@link HaechiException} naming the problem as its cause where there is one).
     */
    public static CubeScanPayload fromBytes(byte[] bytes) {
        requireNonNull(bytes, "bytes is null");
        try {
            ByteReader r = new ByteReader(bytes, "cube scan request");
            if (bytes.length < 3 || bytes[0] != MAGIC[0] || bytes[1] != MAGIC[1]) {
                throw new IllegalArgumentException("not a Haechi cube scan request (bad magic)");
            }
            r.skip(2, "magic");
            int version = r.readByte("version");
            if (version != VERSION) {
                throw new IllegalArgumentException("cube scan request has format version " + version
                        + ", this region server reads version " + VERSION + "; deploy the same Haechi version on the"
                        + " region servers as on the query server");
            }
            int dims = r.readVarIntNonNegative("dimension count");
            List<Integer> widths = new ArrayList<>();
            for (int i = 0; i < dims; i++) {
                widths.add(r.readVarIntNonNegative("code width"));
            }
            int shards = r.readVarIntNonNegative("shard count");
            int measureCount = r.readVarIntNonNegative("measure count");
            List<ScanLayout.MeasureSpec> specs = new ArrayList<>();
            for (int i = 0; i < measureCount; i++) {
                String function = r.readString("measure function");
                String type = r.readString("measure argument type");
                int paramCount = r.readVarIntNonNegative("measure parameter count");
                Map<String, String> params = new TreeMap<>();
                for (int p = 0; p < paramCount; p++) {
                    params.put(r.readString("parameter key"), r.readString("parameter value"));
                }
                specs.add(new ScanLayout.MeasureSpec(function, type.isEmpty() ? null : DataType.parse(type),
                        params));
            }
            ScanLayout layout = new ScanLayout(widths, shards, specs);
            long cuboid = r.readLong("cuboid");
            long groupBy = r.readLong("groupBy");
            int residualCount = r.readVarIntNonNegative("residual dimension count");
            Map<Integer, List<CodeRange>> residual = new TreeMap<>();
            for (int i = 0; i < residualCount; i++) {
                int d = r.readVarIntNonNegative("residual dimension");
                if (d >= dims) {
                    throw new IllegalArgumentException("residual dimension " + d + " outside 0.." + (dims - 1));
                }
                int n = r.readVarIntNonNegative("residual range count");
                List<CodeRange> ranges = new ArrayList<>();
                for (int k = 0; k < n; k++) {
                    ranges.add(new CodeRange(r.readBytes(widths.get(d), "range low"),
                            r.readBytes(widths.get(d), "range high")));
                }
                residual.put(d, ranges);
            }
            int requested = r.readVarIntNonNegative("requested measure count");
            List<Integer> measures = new ArrayList<>();
            for (int i = 0; i < requested; i++) {
                measures.add(r.readVarIntNonNegative("measure index"));
            }
            long maxGroups = r.readVarLong("max groups");
            r.expectEnd();
            return new CubeScanPayload(layout, cuboid, groupBy, residual, measures, maxGroups);
        } catch (HaechiException e) {
            throw new IllegalArgumentException("malformed cube scan request: " + e.getMessage(), e);
        }
    }
}
