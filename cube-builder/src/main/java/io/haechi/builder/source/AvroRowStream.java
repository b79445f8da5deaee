package io.haechi.builder.source;

import io.haechi.builder.reject.RejectCollector;
import io.haechi.builder.reject.RejectReason;
import io.haechi.builder.reject.Rejection;
import io.haechi.builder.reject.RowOrigin;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.ColumnDesc;
import io.haechi.model.table.DataType;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.util.List;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * The rows of one Avro file.
 *
 * <p>Corrupt input is handled per block, not per file: when decoding fails (a truncated file, a block whose size
 * or sync marker is wrong, bytes that do not decode), the block is rejected as {@link RejectReason#CORRUPT_BLOCK}
 * with the file, its block number and byte offset, and the rows its header declares but that were not yet read
 * (at least 1 when the header is unreadable). Reading then re-synchronises at the next sync marker after the
 * block's start and goes on with the rest of the file, so one bad block costs one block. When a sync marker itself
 * is damaged the scan skips to the next intact one, and the block after is lost with it without its own count: the
 * rejection is then a lower bound. A file whose header cannot be read is one corrupt block. Avro carries no
 * checksum without a codec: bytes changed in place inside a block may decode to wrong values unnoticed.
 */
final class AvroRowStream implements RowStream {
    private static final GenericData DATA = new GenericData();

    static {
        DATA.addLogicalTypeConversion(new TimeConversions.DateConversion());
        DATA.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        DATA.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        DATA.addLogicalTypeConversion(new TimeConversions.TimestampNanosConversion());
        DATA.addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
        DATA.addLogicalTypeConversion(new TimeConversions.LocalTimestampMicrosConversion());
        DATA.addLogicalTypeConversion(new TimeConversions.LocalTimestampNanosConversion());
        DATA.addLogicalTypeConversion(new Conversions.DecimalConversion());
    }

    private final SourceFileSystem fs;
    private final SourceSplit split;
    private final String path;
    private final List<ColumnDesc> columns;
    private final RejectCollector rejects;
    private final RowGate gate;
    private final ColumnValues values = ColumnValues.DEFAULT;
    private final long fileLength;

    /** How a column's datum becomes its value: as is, by toString, or through {@link ColumnValues}. */
    private static final byte AS_IS = 0;
    private static final byte TO_STRING = 1;
    private static final byte GENERAL = 2;
    private static final int FROM_DIRECTORY = -2;

    private DataFileReader<GenericRecord> reader;
    private int[] fieldIndex;
    private byte[] conversion;
    /** Values of columns that the split's directories supply, where {@code fieldIndex} is FROM_DIRECTORY. */
    private Object[] directoryValues;
    private GenericRecord record;
    private long rowInFile;
    private long blockNumber;
    private long currentBlockStart = -1;
    private long rowsInCurrentBlock;

    AvroRowStream(SourceFileSystem fs, SourceScan scan, SourceSplit split, RejectCollector rejects) {
        this.fs = fs;
        this.split = split;
        this.path = split.file().path();
        this.columns = scan.table().columns();
        this.rejects = rejects;
        this.gate = new RowGate(scan, split, rejects);
        this.fileLength = split.file().length();
        openAt(-1);
    }

    @Override
    public SourceRow next() {
        while (reader != null) {
            long blockStart = reader.previousSync();
            try {
                if (!reader.hasNext()) {
                    // DataFileStream reports a file cut inside a block as a clean end: check that it is one.
                    long end = reader.previousSync();
                    if (end < fileLength) {
                        corrupt(end, new EOFException("the file ends inside a block (truncated at byte "
                                + fileLength + ")"));
                        continue;
                    }
                    close();
                    return null;
                }
                record = reader.next(record);
            } catch (IOException | RuntimeException e) {
                corrupt(blockStart, e);
                continue;
            }
            if (blockStart != currentBlockStart) {
                currentBlockStart = blockStart;
                rowsInCurrentBlock = 0;
                blockNumber++;
            }
            rowsInCurrentBlock++;
            rowInFile++;
            rejects.rowRead();
            RowOrigin origin = RowOrigin.row(path, rowInFile);
            Object[] row = convert(record, origin);
            if (row != null && gate.admit(row, origin)) {
                return new SourceRow(row, origin);
            }
        }
        return null;
    }

    private Object[] convert(GenericRecord rec, RowOrigin origin) {
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
            int f = fieldIndex[i];
            if (f < 0) {
                row[i] = directoryValues[i];
                continue;
            }
            Object v = rec.get(f);
            if (v == null) {
                continue;
            }
            byte how = conversion[i];
            if (how == AS_IS) {
                row[i] = v;
                continue;
            }
            if (how == TO_STRING) {
                row[i] = v.toString();
                continue;
            }
            if (v instanceof GenericEnumSymbol<?> e) {
                v = e.toString();
            }
            DataType type = columns.get(i).type();
            try {
                row[i] = values.fromObject(v, type);
            } catch (BadValueException e) {
                rejects.reject(Rejection.ofRow(e.reason(), origin, columns.get(i).name(), v, e.expected()));
                return null;
            }
        }
        return row;
    }

    /** Rejects the block that failed and re-opens the file after it. */
    private void corrupt(long failedBlockStart, Exception cause) {
        boolean sameBlock = failedBlockStart == currentBlockStart;
        long number = sameBlock ? blockNumber : blockNumber + 1;
        long yielded = sameBlock ? rowsInCurrentBlock : 0;
        long declared = declaredRows(failedBlockStart);
        long lost = declared < 0 ? 1 : Math.max(1, declared - yielded);
        String detail = "byte offset " + failedBlockStart
                + (declared < 0 ? ", block header unreadable: " : ", header declares " + declared + " rows: ")
                + message(cause);
        rejects.rowsRead(lost);
        rejects.reject(new Rejection(RejectReason.CORRUPT_BLOCK, RowOrigin.block(path, number), null, detail,
                "a readable Avro block", lost));
        blockNumber = number;
        currentBlockStart = -1;
        rowsInCurrentBlock = 0;
        closeReader();
        openAt(failedBlockStart);
    }

    /**
     * Opens the file; with {@code syncAfter >= 0}, moves to the first sync marker after that offset. Rejects the
     * whole file when its header is unreadable.
     */
    private void openAt(long syncAfter) {
        SeekableByteChannel channel = null;
        try {
            channel = fs.openSeekable(split.file());
            GenericDatumReader<GenericRecord> datumReader = new JavaStringDatumReader();
            reader = new DataFileReader<>(new ChannelSeekableInput(channel), datumReader);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            reader = null;
            if (syncAfter < 0) {
                rejects.rowsRead(1);
                rejects.reject(new Rejection(RejectReason.CORRUPT_BLOCK, RowOrigin.block(path, 1), null,
                        "file header unreadable: " + message(e), "an Avro data file", 1));
                return;
            }
            throw new HaechiException(ErrorCode.SOURCE_READ_FAILED, "cannot re-open '" + path + "': " + e, e);
        }
        if (syncAfter < 0) {
            resolveFields(reader.getSchema());
            return;
        }
        try {
            reader.sync(syncAfter);
            if (reader.previousSync() >= fileLength) {
                closeReader();
            }
        } catch (IOException | RuntimeException e) {
            closeReader();
        }
    }

    private void resolveFields(Schema schema) {
        fieldIndex = new int[columns.size()];
        conversion = new byte[columns.size()];
        directoryValues = new Object[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            ColumnDesc c = columns.get(i);
            fieldIndex[i] = -1;
            conversion[i] = GENERAL;
            if (schema.getType() == Schema.Type.RECORD) {
                for (Schema.Field f : schema.getFields()) {
                    if (f.name().equalsIgnoreCase(c.name())) {
                        fieldIndex[i] = f.pos();
                        conversion[i] = conversion(f.schema(), c.type());
                        break;
                    }
                }
            }
            if (fieldIndex[i] < 0 && DirectoryColumns.supplies(split, c)) {
                fieldIndex[i] = FROM_DIRECTORY;
                directoryValues[i] = DirectoryColumns.value(split, c, values);
                continue;
            }
            if (fieldIndex[i] < 0 && !c.nullable()) {
                closeReader();
                throw new HaechiException(ErrorCode.SOURCE_SCHEMA_MISMATCH, "the Avro file '" + path
                        + "' has no field '" + c.name() + "' for the NOT NULL column of that name; its fields are "
                        + fieldNames(schema));
            }
        }
    }

    /**
     * The fast path for a field whose datum already has the column's Java type (the common case of a table whose
     * schema was inferred from the files); anything else goes through {@link ColumnValues}.
     */
    private static byte conversion(Schema field, DataType type) {
        Schema s = field;
        if (s.getType() == Schema.Type.UNION) {
            List<Schema> branches = s.getTypes().stream().filter(b -> b.getType() != Schema.Type.NULL).toList();
            if (branches.size() != 1) {
                return GENERAL;
            }
            s = branches.get(0);
        }
        boolean plain = s.getLogicalType() == null;
        return switch (type.name()) {
            case INT -> plain && s.getType() == Schema.Type.INT ? AS_IS : GENERAL;
            case BIGINT -> plain && s.getType() == Schema.Type.LONG ? AS_IS : GENERAL;
            case DOUBLE -> plain && s.getType() == Schema.Type.DOUBLE ? AS_IS : GENERAL;
            case BOOLEAN -> plain && s.getType() == Schema.Type.BOOLEAN ? AS_IS : GENERAL;
            case DATE -> s.getLogicalType() instanceof org.apache.avro.LogicalTypes.Date ? AS_IS : GENERAL;
            case VARCHAR -> type.precision() == 0
                    && (s.getType() == Schema.Type.STRING || s.getType() == Schema.Type.ENUM) ? TO_STRING : GENERAL;
            default -> GENERAL;
        };
    }

    private static String fieldNames(Schema schema) {
        if (schema.getType() != Schema.Type.RECORD) {
            return "none (it holds " + schema.getType().getName() + " values)";
        }
        return schema.getFields().stream().map(Schema.Field::name).toList().toString();
    }

    /** The row count a block header at {@code offset} declares, or -1 when it is unreadable or implausible. */
    private long declaredRows(long offset) {
        try (SeekableByteChannel ch = fs.openSeekable(split.file())) {
            ch.position(offset);
            InputStream in = Channels.newInputStream(ch);
            BinaryDecoder d = DecoderFactory.get().directBinaryDecoder(in, null);
            long count = d.readLong();
            long size = d.readLong();
            boolean plausible = count > 0 && size >= 0 && count <= Integer.MAX_VALUE && size <= fileLength;
            return plausible ? count : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() != null && t.getMessage().equals(t.getCause().toString())) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : " " + m);
    }

    private void closeReader() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                // nothing was written; nothing to lose
            }
            reader = null;
        }
    }

    private static void closeQuietly(SeekableByteChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // already failing
            }
        }
    }

    @Override
    public void close() {
        closeReader();
    }

    /**
     * Decodes Avro strings straight into {@link String}s (the column type's Java type) instead of {@code Utf8}
     * buffers that would be copied again, by reading with the writer schema marked {@code avro.java.string}.
     */
    private static final class JavaStringDatumReader extends GenericDatumReader<GenericRecord> {
        JavaStringDatumReader() {
            super(null, null, DATA);
        }

        @Override
        public void setSchema(Schema writer) {
            super.setSchema(writer);
            Schema expected = new Schema.Parser().parse(writer.toString());
            markStrings(expected, new java.util.IdentityHashMap<>());
            setExpected(expected);
        }

        private static void markStrings(Schema s, java.util.Map<Schema, Boolean> seen) {
            if (seen.put(s, Boolean.TRUE) != null) {
                return;
            }
            switch (s.getType()) {
                case STRING -> {
                    if (s.getProp(GenericData.STRING_PROP) == null) {
                        s.addProp(GenericData.STRING_PROP, GenericData.StringType.String.name());
                    }
                }
                case RECORD -> s.getFields().forEach(f -> markStrings(f.schema(), seen));
                case UNION -> s.getTypes().forEach(t -> markStrings(t, seen));
                case ARRAY -> markStrings(s.getElementType(), seen);
                case MAP -> markStrings(s.getValueType(), seen);
                default -> {
                }
            }
        }
    }
}
