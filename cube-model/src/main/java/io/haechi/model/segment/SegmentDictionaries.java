package io.haechi.model.segment;

import static java.util.Objects.requireNonNull;

import io.haechi.model.cube.ResolvedDimension;
import io.haechi.model.dict.DimensionEncoding;
import io.haechi.model.dict.EncodingSpec;
import io.haechi.model.dict.OrderedDictionary;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.validate.ValidatedCube;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The encodings of one segment: per row-key dimension its {@link DimensionCodes} (a dictionary for {@code dict}, the
 * declared integer/date/fixed_length encoding otherwise, with the segment's distinct codes) and per interned measure
 * (MIN/MAX over strings) an order-preserving dictionary of its column.
 *
 * <p><b>File</b> ({@code dictionaries.bin}, big-endian): magic {@code HSEGDICT}, version int 1, the dimension count;
 * per dimension its encoding spec (UTF), the dictionary bytes ({@link OrderedDictionary#toBytes}; length 0 when not a
 * dictionary), the distinct code count and width and the codes ascending, the remap (count, ints); then the measure
 * count and per measure a flag and, when interned, its dictionary bytes and remap.
 */
public final class SegmentDictionaries {
    private static final byte[] MAGIC = {'H', 'S', 'E', 'G', 'D', 'I', 'C', 'T'};
    private static final int VERSION = 1;

    private final List<DimensionCodes> dimensions;
    private final List<OrderedDictionary> measureDictionaries;
    private final List<int[]> measureRemaps;

    public SegmentDictionaries(List<DimensionCodes> dimensions, List<OrderedDictionary> measureDictionaries,
            List<int[]> measureRemaps) {
        this.dimensions = List.copyOf(dimensions);
        this.measureDictionaries = new ArrayList<>(measureDictionaries);
        this.measureRemaps = new ArrayList<>(measureRemaps);
    }

    /** The dimensions' codes, row-key order. */
    public List<DimensionCodes> dimensions() {
        return dimensions;
    }

    /** The encodings, row-key order (what a {@code RowKeyCodec} of this segment takes). */
    public List<DimensionEncoding> encodings() {
        return dimensions.stream().map(DimensionCodes::encoding).toList();
    }

    /** The dictionary of an interned measure, or null. */
    public OrderedDictionary measureDictionary(int measure) {
        return measureDictionaries.get(measure);
    }

    /** Dense code by the read pass's provisional id, for an interned measure (null otherwise). */
    public int[] measureRemap(int measure) {
        return measureRemaps.get(measure);
    }

    /** Writes the file (see the class comment). */
    public void write(Path file) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(dimensions.size());
            for (DimensionCodes d : dimensions) {
                out.writeUTF(d.encoding().spec());
                byte[] dict = d.encoding() instanceof OrderedDictionary od ? od.toBytes() : new byte[0];
                writeBytes(out, dict);
                out.writeInt(d.codeBytes().length);
                out.writeInt(d.encoding().width());
                for (byte[] c : d.codeBytes()) {
                    out.write(c);
                }
                writeInts(out, d.remap());
            }
            out.writeInt(measureDictionaries.size());
            for (int m = 0; m < measureDictionaries.size(); m++) {
                OrderedDictionary dict = measureDictionaries.get(m);
                out.writeBoolean(dict != null);
                if (dict != null) {
                    writeBytes(out, dict.toBytes());
                    writeInts(out, measureRemaps.get(m));
                }
            }
        }
    }

    /** Reads a file {@link #write} wrote for this cube. */
    public static SegmentDictionaries read(Path file, ValidatedCube cube) throws IOException {
        try (InputStream raw = Files.newInputStream(file)) {
            return read(raw, file.toString(), cube);
        }
    }

    /** Reads the bytes of a file {@link #write} wrote (as the catalog keeps them); {@code source} names them. */
    public static SegmentDictionaries read(byte[] bytes, String source, ValidatedCube cube) {
        try {
            return read(new java.io.ByteArrayInputStream(bytes), source, cube);
        } catch (IOException e) {
            throw new HaechiException(ErrorCode.CORRUPT_STORED_DATA, source + " is truncated: " + e.getMessage());
        }
    }

    private static SegmentDictionaries read(InputStream raw, String source, ValidatedCube cube) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC) || in.readInt() != VERSION) {
                throw new HaechiException(ErrorCode.CORRUPT_STORED_DATA, source + " is not a segment dictionary file "
                        + "of version " + VERSION);
            }
            List<ResolvedDimension> rowKey = cube.rowKey();
            int n = in.readInt();
            if (n != rowKey.size()) {
                throw new HaechiException(ErrorCode.CORRUPT_STORED_DATA, source + " has " + n + " dimensions, the cube "
                        + rowKey.size());
            }
            List<DimensionCodes> dims = new ArrayList<>();
            for (int d = 0; d < n; d++) {
                EncodingSpec spec = EncodingSpec.parse(in.readUTF());
                byte[] dictBytes = readBytes(in);
                OrderedDictionary dict = dictBytes.length == 0 ? null
                        : OrderedDictionary.fromBytes(dictBytes, source + " dimension " + rowKey.get(d).name());
                DimensionEncoding encoding = spec.create(rowKey.get(d).type(), dict);
                int count = in.readInt();
                int width = in.readInt();
                byte[][] codes = new byte[count][];
                for (int i = 0; i < count; i++) {
                    codes[i] = in.readNBytes(width);
                }
                dims.add(new DimensionCodes(encoding, codes, readInts(in)));
            }
            int m = in.readInt();
            List<OrderedDictionary> dicts = new ArrayList<>();
            List<int[]> remaps = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                if (in.readBoolean()) {
                    dicts.add(OrderedDictionary.fromBytes(readBytes(in), source + " measure " + i));
                    remaps.add(readInts(in));
                } else {
                    dicts.add(null);
                    remaps.add(null);
                }
            }
            return new SegmentDictionaries(dims, dicts, remaps);
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        return in.readNBytes(in.readInt());
    }

    private static void writeInts(DataOutputStream out, int[] v) throws IOException {
        out.writeInt(v.length);
        for (int x : v) {
            out.writeInt(x);
        }
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int[] v = new int[in.readInt()];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readInt();
        }
        return v;
    }

    static <T> T require(T t, String what) {
        return requireNonNull(t, what);
    }
}
