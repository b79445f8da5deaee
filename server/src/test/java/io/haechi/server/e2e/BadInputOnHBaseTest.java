package io.haechi.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.haechi.builder.job.Job;
import io.haechi.builder.job.JobListener;
import io.haechi.builder.job.JobState;
import io.haechi.builder.service.BuildService;
import io.haechi.model.catalog.SegmentDesc;
import io.haechi.model.catalog.SegmentStatus;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.json.JsonDescriptors;
import io.haechi.server.runtime.HaechiContext;
import io.haechi.server.runtime.HaechiSettings;
import io.haechi.datagen.OutputFormat;
import io.haechi.datagen.ProgressListener;
import io.haechi.datagen.ssb.SsbGenerator;
import io.haechi.datagen.ssb.SsbOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV fact table with planted bad lines (wrong type, wrong column count, unknown foreign key on an INNER join)
 * built on the in-process HBase with the default threshold 0: the build fails with REJECTED_ROWS_OVER_THRESHOLD, its
 * message has the exact counts and the planted lines, and nothing becomes visible (no READY segment, no table). The
 * same for a truncated Avro file of the SSB fact table: its cut block is reported with the rows it declared.
 */
class BadInputOnHBaseTest {
    private static final String PROJECT = "e2e_bad";
    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    private static final LocalDate TO = LocalDate.of(2024, 1, 8);

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void plantedBadLinesFailTheBuildWithExactCountsAndLeaveNothingVisible() throws Exception {
        Random random = new Random(7);
        List<Long> wrongType = new ArrayList<>();
        List<Long> wrongCount = new ArrayList<>();
        List<Long> unknownKey = new ArrayList<>();
        StringBuilder sales = new StringBuilder("sale_date,shop_id,qty\n");
        long line = 1;
        for (int i = 0; i < 400; i++) {
            line++;
            LocalDate day = FROM.plusDays(random.nextInt(7));
            if (i == 17 || i == 150 || i == 333) {
                sales.append(day).append(",1,lots\n");
                wrongType.add(line);
            } else if (i == 40 || i == 260) {
                sales.append(day).append(",2\n");
                wrongCount.add(line);
            } else if (i == 99 || i == 390) {
                sales.append(day).append(",99,5\n");
                unknownKey.add(line);
            } else {
                sales.append(day).append(',').append(1 + random.nextInt(4)).append(',').append(random.nextInt(50))
                        .append('\n');
            }
        }
        Path saleFile = Files.writeString(tmp.resolve("sale.csv"), sales);
        Path shopFile = Files.writeString(tmp.resolve("shop.csv"),
                "shop_id,city\n1,Seoul\n2,Busan\n3,Incheon\n4,Daegu\n");
        String json = E2e.shopSales(shopFile, saleFile, "INNER");

        try (HaechiContext ctx = E2e.context(tmp.resolve("haechi"), Map.of(HaechiSettings.REJECT_THRESHOLD, "0"))) {
            ctx.catalog().apply(ctx.catalog().plan(PROJECT, JsonDescriptors.readAll(json, "bad-input.json")), false);
            BuildService builds = ctx.builds(new JobListener() {
            });
            String jobId = builds.start(PROJECT, "sales", FROM, TO);
            Throwable thrown = null;
            try {
                builds.run(jobId, new JobListener() {
                });
            } catch (RuntimeException e) {
                thrown = e;
            }
            assertThat(thrown).as("the build with planted bad lines").isNotNull();
            HaechiException rejected = haechiCause(thrown);
            assertThat(rejected.errorCode()).isEqualTo(ErrorCode.REJECTED_ROWS_OVER_THRESHOLD);
            String message = rejected.getMessage();
            int bad = wrongType.size() + wrongCount.size() + unknownKey.size();
            assertThat(message).contains(bad + " rejected rows exceed the threshold of 0 rows",
                    "rows read 400", "rejected " + bad, "(WRONG_TYPE): " + wrongType.size() + " rows",
                    "(WRONG_COLUMN_COUNT): " + wrongCount.size() + " rows",
                    "(UNKNOWN_FOREIGN_KEY): " + unknownKey.size() + " rows", "sale.csv");
            for (long l : concat(wrongType, wrongCount, unknownKey)) {
                assertThat(message).as("planted line %s", l).containsPattern("line " + l + "\\b");
            }

            Job job = ctx.jobs().get(jobId).orElseThrow();
            assertThat(job.state()).isEqualTo(JobState.FAILED);
            assertThat(job.step("read-and-stats").state()).isEqualTo(JobState.FAILED);
            assertThat(job.step("commit").state()).isNotEqualTo(JobState.DONE);
            String storageId = job.params().get("storageId");
            assertThat(ctx.cubeStore().segmentExists(storageId)).isFalse();
            assertThat(ctx.catalog().readySegments(PROJECT, "sales", FROM, TO)).isEmpty();
            assertThat(ctx.catalog().segments(PROJECT, Optional.of("sales"))).extracting(v -> v.value().status())
                    .doesNotContain(SegmentStatus.READY);
            List<SegmentDesc> all = ctx.catalog().segments(PROJECT, Optional.empty()).stream().map(v -> v.value())
                    .toList();
            assertThat(all).allSatisfy(s -> assertThat(s.status()).isNotEqualTo(SegmentStatus.READY));
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aTruncatedAvroFileFailsTheBuildWithItsLostBlockAndLeavesNothingVisible() throws Exception {
        SsbGenerator.generate(new SsbOptions(0.01, tmp.resolve("data/ssb"), OutputFormat.AVRO).withThreads(1),
                ProgressListener.NONE);
        Path victim;
        try (Stream<Path> files = Files.walk(tmp.resolve("data/ssb/lineorder"))) {
            victim = files.filter(f -> f.toString().endsWith(".avro"))
                    .max(Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
        }
        long before = avroRows(victim);
        byte[] bytes = Files.readAllBytes(victim);
        Files.write(victim, Arrays.copyOf(bytes, bytes.length - 200));
        long readable = avroRows(victim);
        long lost = before - readable;
        assertThat(lost).isPositive();

        try (HaechiContext ctx = E2e.context(tmp.resolve("haechi"), Map.of(HaechiSettings.REJECT_THRESHOLD, "0"))) {
            E2e.apply(ctx.catalog(), "e2e_truncated", tmp.resolve("data"), "ssb/tables.json", "ssb/model.json",
                    "ssb/cube-per-query.json");
            BuildService builds = ctx.builds(new JobListener() {
            });
            LocalDate from = LocalDate.of(1992, 1, 1);
            LocalDate to = LocalDate.of(1999, 1, 1);
            String jobId = builds.start("e2e_truncated", "ssb_per_query", from, to);
            Throwable thrown = null;
            try {
                builds.run(jobId, new JobListener() {
                });
            } catch (RuntimeException e) {
                thrown = e;
            }
            assertThat(thrown).as("the build over a truncated Avro file").isNotNull();
            String message = haechiCause(thrown).getMessage();
            assertThat(message).contains(lost + " rejected rows exceed the threshold of 0 rows",
                    "(CORRUPT_BLOCK): 1 block holding " + lost + " declared rows", victim.getFileName().toString(),
                    lost + " rows lost");
            Job job = ctx.jobs().get(jobId).orElseThrow();
            assertThat(job.state()).isEqualTo(JobState.FAILED);
            assertThat(ctx.cubeStore().segmentExists(job.params().get("storageId"))).isFalse();
            assertThat(ctx.catalog().readySegments("e2e_truncated", "ssb_per_query", from, to)).isEmpty();
        }
    }

    /** Rows of an Avro file's whole blocks: a block cut short fails as a whole before any of its rows is returned. */
    private static long avroRows(Path file) throws Exception {
        long n = 0;
        try (InputStream in = Files.newInputStream(file);
                DataFileStream<GenericRecord> stream = new DataFileStream<>(in, new GenericDatumReader<>())) {
            while (stream.hasNext()) {
                stream.next();
                n++;
            }
        } catch (IOException | RuntimeException e) {
            // the truncated block
        }
        return n;
    }

    private static HaechiException haechiCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof HaechiException h && h.errorCode() == ErrorCode.REJECTED_ROWS_OVER_THRESHOLD) {
                return h;
            }
        }
        throw new AssertionError("no REJECTED_ROWS_OVER_THRESHOLD in the cause chain of " + t, t);
    }

    @SafeVarargs
    private static List<Long> concat(List<Long>... lists) {
        List<Long> out = new ArrayList<>();
        for (List<Long> l : lists) {
            out.addAll(l);
        }
        assertThat(out).hasSize(7);
        return out;
    }
}
