package io.haechi.builder.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.builder.reject.RejectCollector;
import io.haechi.builder.reject.RejectReason;
import io.haechi.builder.reject.RejectReport;
import io.haechi.builder.reject.RejectThreshold;
import io.haechi.builder.reject.Rejection;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.SourceFormat;
import io.haechi.model.table.TableDesc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Planted corruption in Avro files: the report names exactly the planted blocks and counts their rows. */
class AvroCorruptInputTest {
    private static final int ROWS = 1000;
    private static final int PER_BLOCK = 100;

    private final SourceReader avro = SourceReaders.defaults().forFormat(SourceFormat.AVRO);

    @TempDir
    Path dir;

    private TableDesc table;

    @BeforeEach
    void schema() throws Exception {
        Path probe = AvroFixtures.write(dir.resolve("probe/p.avro"), AvroFixtures.EVENT, 1, 1,
                AvroSourceReaderTest::event);
        table = AvroSchemaInference.infer(probe.toString(), "events");
    }

    private Path goodFile(String name) throws Exception {
        return AvroFixtures.write(dir.resolve("data/" + name), AvroFixtures.EVENT, ROWS, PER_BLOCK,
                AvroSourceReaderTest::event);
    }

    /** Offsets where blocks start: just after each sync marker, the header's included (the last is the end). */
    private static List<Integer> blockStarts(byte[] file) {
        byte[] sync = Arrays.copyOfRange(file, file.length - 16, file.length);
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i + 16 <= file.length; i++) {
            if (Arrays.equals(file, i, i + 16, sync, 0, 16)) {
                starts.add(i + 16);
            }
        }
        return starts;
    }

    private RejectReport read(String location, List<Integer> campaignIds) {
        TableDesc t = new TableDesc(table.name(), location, table.format(), table.columns());
        RejectCollector rejects = new RejectCollector();
        for (SourceRow row : TestSupport.readAll(avro, SourceScan.all(t), rejects)) {
            campaignIds.add((Integer) row.values()[1]);
        }
        return rejects.report();
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    @Test
    void fileCutInItsLastBlockLosesExactlyThatBlock() throws Exception {
        Path file = goodFile("cut.avro");
        byte[] bytes = Files.readAllBytes(file);
        List<Integer> starts = blockStarts(bytes);
        assertThat(starts).hasSize(ROWS / PER_BLOCK + 1);
        int lastBlock = starts.get(starts.size() - 2);
        Files.write(file, Arrays.copyOf(bytes, lastBlock + (bytes.length - lastBlock) / 2));

        List<Integer> ids = new ArrayList<>();
        RejectReport report = read(file.toString(), ids);

        assertThat(ids).isEqualTo(range(0, 900));
        assertThat(report.rowsRead()).isEqualTo(ROWS);
        assertThat(report.rowsAccepted()).isEqualTo(900);
        assertThat(report.rejections(RejectReason.CORRUPT_BLOCK)).isEqualTo(1);
        assertThat(report.rejectedRows(RejectReason.CORRUPT_BLOCK)).isEqualTo(100);
        assertThat(report.byReason()).containsOnlyKeys(RejectReason.CORRUPT_BLOCK);
        Rejection sample = report.samples().get(0);
        assertThat(sample.origin().toString()).isEqualTo(file + " block 10");
        assertThat(sample.value()).startsWith("byte offset " + lastBlock + ", header declares 100 rows: ");
    }

    @Test
    void bytesCutFromTheMiddleOfABlockLoseOnlyThatBlock() throws Exception {
        Path file = goodFile("splice.avro");
        byte[] bytes = Files.readAllBytes(file);
        List<Integer> starts = blockStarts(bytes);
        int third = starts.get(2);
        int middle = (third + starts.get(3)) / 2;
        byte[] spliced = new byte[bytes.length - 10];
        System.arraycopy(bytes, 0, spliced, 0, middle);
        System.arraycopy(bytes, middle + 10, spliced, middle, bytes.length - middle - 10);
        Files.write(file, spliced);

        List<Integer> ids = new ArrayList<>();
        RejectReport report = read(file.toString(), ids);

        List<Integer> expected = new ArrayList<>(range(0, 200));
        expected.addAll(range(300, 1000));
        assertThat(ids).isEqualTo(expected);
        assertThat(report.rowsRead()).isEqualTo(ROWS);
        assertThat(report.rejections()).isEqualTo(1);
        assertThat(report.rejectedRows(RejectReason.CORRUPT_BLOCK)).isEqualTo(100);
        assertThat(report.samples().get(0).origin().toString()).isEqualTo(file + " block 3");
        assertThat(report.samples().get(0).value()).startsWith("byte offset " + third + ", header declares 100 rows");
    }

    @Test
    void aFileCutInAnEarlyBlockLosesTheRestAndTheNextFileIsStillRead() throws Exception {
        Path first = goodFile("a.avro");
        goodFile("b.avro");
        byte[] bytes = Files.readAllBytes(first);
        int second = blockStarts(bytes).get(1);
        Files.write(first, Arrays.copyOf(bytes, second + 20));

        List<Integer> ids = new ArrayList<>();
        RejectReport report = read(dir.resolve("data").toString(), ids);

        List<Integer> expected = new ArrayList<>(range(0, 100));
        expected.addAll(range(0, 1000));
        assertThat(ids).isEqualTo(expected);
        assertThat(report.rejections(RejectReason.CORRUPT_BLOCK)).isEqualTo(1);
        // Only the block the cut falls in is known; the blocks after it are gone without a header to count.
        assertThat(report.rejectedRows(RejectReason.CORRUPT_BLOCK)).isEqualTo(100);
        assertThat(report.samples().get(0).origin().toString()).isEqualTo(first + " block 2");
    }

    @Test
    void aFileThatIsNotAvroIsOneCorruptBlock() throws Exception {
        goodFile("a.avro");
        Path junk = dir.resolve("data/junk.avro");
        Files.writeString(junk, "this is not an avro file at all");

        List<Integer> ids = new ArrayList<>();
        RejectReport report = read(dir.resolve("data").toString(), ids);

        assertThat(ids).isEqualTo(range(0, 1000));
        assertThat(report.rejections(RejectReason.CORRUPT_BLOCK)).isEqualTo(1);
        assertThat(report.samples().get(0).origin().toString()).isEqualTo(junk + " block 1");
        assertThat(report.samples().get(0).value()).startsWith("file header unreadable");
    }

    @Test
    void thresholdZeroFailsWithTheReportAndAHigherOneLetsTheBuildGoOn() throws Exception {
        Path file = goodFile("cut.avro");
        byte[] bytes = Files.readAllBytes(file);
        List<Integer> starts = blockStarts(bytes);
        Files.write(file, Arrays.copyOf(bytes, starts.get(starts.size() - 2) + 7));
        RejectReport report = read(file.toString(), new ArrayList<>());

        assertThatThrownBy(() -> RejectThreshold.NONE.check(report))
                .isInstanceOfSatisfying(HaechiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.REJECTED_ROWS_OVER_THRESHOLD))
                .hasMessageContaining("100 rejected rows exceed the threshold of 0 rows")
                .hasMessageContaining("rows read 1000, accepted 900, outside the build range 0, rejected 100")
                .hasMessageContaining("corrupt block (CORRUPT_BLOCK): 1 block holding 100 declared rows")
                .hasMessageContaining(file + " block 10");
        assertThatThrownBy(() -> RejectThreshold.fraction(0.05).check(report))
                .isInstanceOf(HaechiException.class).hasMessageContaining("5.0% of the rows read");
        assertThatCode(() -> RejectThreshold.rows(100).check(report)).doesNotThrowAnyException();
        assertThatCode(() -> RejectThreshold.fraction(0.1).check(report)).doesNotThrowAnyException();
        assertThatCode(() -> RejectThreshold.unlimited().check(report)).doesNotThrowAnyException();
    }

    @Test
    void aDamagedDeflateBlockIsRejectedAndTheRestIsRead() throws Exception {
        Path file = dir.resolve("data/deflate.avro");
        Files.createDirectories(file.getParent());
        try (org.apache.avro.file.DataFileWriter<org.apache.avro.generic.GenericRecord> w =
                     new org.apache.avro.file.DataFileWriter<>(
                             new org.apache.avro.generic.GenericDatumWriter<>(AvroFixtures.EVENT))) {
            w.setCodec(org.apache.avro.file.CodecFactory.deflateCodec(6));
            w.setSyncInterval(1 << 30);
            w.create(AvroFixtures.EVENT, file.toFile());
            for (int i = 0; i < ROWS; i++) {
                org.apache.avro.generic.GenericRecord r =
                        new org.apache.avro.generic.GenericData.Record(AvroFixtures.EVENT);
                AvroSourceReaderTest.event(r, i);
                r.put("event_date", (int) java.time.LocalDate.of(2026, 1, 1).toEpochDay());
                w.append(r);
                if ((i + 1) % PER_BLOCK == 0) {
                    w.sync();
                }
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        List<Integer> starts = blockStarts(bytes);
        int fifth = starts.get(4);
        for (int i = fifth + 8; i < fifth + 40; i++) {
            bytes[i] = (byte) 0xA5;
        }
        Files.write(file, bytes);

        List<Integer> ids = new ArrayList<>();
        RejectReport report = read(file.toString(), ids);

        List<Integer> expected = new ArrayList<>(range(0, 400));
        expected.addAll(range(500, 1000));
        assertThat(ids).isEqualTo(expected);
        assertThat(report.rejections()).isEqualTo(1);
        assertThat(report.rejectedRows(RejectReason.CORRUPT_BLOCK)).isEqualTo(100);
        assertThat(report.samples().get(0).origin().toString()).isEqualTo(file + " block 5");
    }
}
