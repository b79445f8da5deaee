package io.haechi.datagen.ads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.datagen.DuckDb;
import io.haechi.datagen.GenerationReport;
import io.haechi.datagen.OutputFormat;
import io.haechi.datagen.ProgressListener;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdsDeterminismTest {
    @TempDir
    Path dir;

    private AdsOptions options(Path out) {
        return new AdsOptions(0.01, 3, LocalDate.of(2024, 3, 1), out, OutputFormat.AVRO);
    }

    @Test
    void sameSeedGivesByteIdenticalFilesWhateverTheThreadCount() throws Exception {
        AdsGenerator.generate(options(dir.resolve("a")).withThreads(1), ProgressListener.NONE);
        AdsGenerator.generate(options(dir.resolve("b")).withThreads(3), ProgressListener.NONE);
        Map<String, String> a = DuckDb.digests(dir.resolve("a"));
        assertThat(a).hasSize(3 + 5).containsKey("ad_event/event_date=2024-03-01/part-00000.avro");
        assertThat(DuckDb.digests(dir.resolve("b"))).isEqualTo(a);

        AdsGenerator.generate(options(dir.resolve("c")).withSeed(7), ProgressListener.NONE);
        Map<String, String> c = DuckDb.digests(dir.resolve("c"));
        assertThat(c.get("ad_event/event_date=2024-03-01/part-00000.avro"))
                .isNotEqualTo(a.get("ad_event/event_date=2024-03-01/part-00000.avro"));
    }

    @Test
    void csvIsDeterministicToo() throws Exception {
        AdsOptions csv = new AdsOptions(0.01, 2, LocalDate.of(2024, 3, 1), dir.resolve("csv1"), OutputFormat.CSV);
        AdsGenerator.generate(csv, ProgressListener.NONE);
        AdsGenerator.generate(new AdsOptions(0.01, 2, LocalDate.of(2024, 3, 1), dir.resolve("csv2"),
                OutputFormat.CSV).withThreads(1), ProgressListener.NONE);
        assertThat(DuckDb.digests(dir.resolve("csv1"))).hasSize(2 + 5).isEqualTo(DuckDb.digests(dir.resolve("csv2")));
        List<String> lines = Files.readAllLines(dir.resolve("csv1/ad_event/event_date=2024-03-02/part-00000.csv"));
        assertThat(lines.get(0)).isEqualTo("event_date,event_hour,advertiser_id,campaign_id,ad_group_id,creative_id,"
                + "publisher_id,placement_id,device_type,os,region,city,age_band,gender,user_id,impressions,clicks,"
                + "conversions,cost_micros,conv_value_micros");
        assertThat(lines.get(1)).startsWith("2024-03-02,0,");
        assertThat(lines).hasSize(1 + (int) AdsGenerator.rowsPerDay(Math.round(60_000 * 2 / 28.0),
                LocalDate.of(2024, 3, 1), 2)[1]);
    }

    @Test
    void rowsAreProportionalToDays() {
        GenerationReport r = AdsGenerator.generate(options(dir.resolve("d")), ProgressListener.NONE);
        // 6,000,000 * 0.01 * 3 / 28
        assertThat(r.rows("ad_event")).isEqualTo(Math.round(60_000 * 3 / 28.0));
        assertThat(AdsGenerator.rowsPerDay(6_000_000, LocalDate.of(2024, 1, 1), 28)).hasSize(28)
                .satisfies(days -> assertThat(java.util.Arrays.stream(days).sum()).isEqualTo(6_000_000));
    }

    @Test
    void refusesToMixWithOldFilesUnlessAskedToOverwrite() {
        Path out = dir.resolve("e");
        AdsGenerator.generate(options(out), ProgressListener.NONE);
        assertThatThrownBy(() -> AdsGenerator.generate(options(out), ProgressListener.NONE))
                .isInstanceOf(HaechiException.class)
                .hasMessageContaining(out.resolve("ad_event").toString()).hasMessageContaining("already holds files")
                .extracting(e -> ((HaechiException) e).errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        GenerationReport again = AdsGenerator.generate(options(out).withOverwrite(true).withDays(2),
                ProgressListener.NONE);
        assertThat(out.resolve("ad_event/event_date=2024-03-03")).doesNotExist();
        assertThat(again.table("ad_event").orElseThrow().files()).isEqualTo(2);
    }

    @Test
    void budgetPacingStopsCampaignsForTheRestOfTheDay() throws Exception {
        Path out = dir.resolve("pacing");
        AdsGenerator.generate(options(out).withDays(2).withBudgetFactor(0.0001), ProgressListener.NONE);
        try (Connection db = DuckDb.open()) {
            DuckDb.load(db, AdsTables.adEvent(), out.resolve("ad_event"));
            DuckDb.load(db, AdsTables.campaign(), out.resolve("campaign"));
            String perDay = "select campaign_id, event_date, sum(cost_micros) spend, max(cost_micros) top,"
                    + " max(event_hour) last_hour, any_value(daily_budget_micros) budget"
                    + " from ad_event join campaign using (campaign_id) group by 1, 2";
            long capped = DuckDb.longValue(db, "select count(*) from (" + perDay + ") where spend >= budget");
            assertThat(capped).isGreaterThan(20);
            // a campaign stops right after the impression that reaches its budget
            assertThat(DuckDb.longValue(db, "select count(*) from (" + perDay + ") where spend - top >= budget"))
                    .isZero();
            // and the capped ones mostly stop before the day ends: that is the pacing curve
            double stoppedEarly = DuckDb.doubleValue(db, "select avg(case when last_hour < 23 then 1 else 0 end)"
                    + " from (" + perDay + ") where spend >= budget");
            assertThat(stoppedEarly).isGreaterThan(0.5);
        }
        assertThat(Files.exists(out.resolve("advertiser/part-00000.avro"))).isTrue();
    }

    @Test
    void rejectsBadOptionsWithTheFieldName() {
        assertThatThrownBy(() -> new AdsOptions(0, 3, LocalDate.of(2024, 1, 1), dir, OutputFormat.AVRO))
                .hasMessageContaining("scale must be > 0");
        assertThatThrownBy(() -> new AdsOptions(1, 0, LocalDate.of(2024, 1, 1), dir, OutputFormat.AVRO))
                .hasMessageContaining("days must be between 1 and 3660, got 0");
        assertThatThrownBy(() -> options(dir).withThreads(0)).hasMessageContaining("threads");
        assertThatThrownBy(() -> OutputFormat.parse("parquet")).hasMessageContaining("needs Hadoop");
        assertThatThrownBy(() -> OutputFormat.parse("orc")).hasMessageContaining("expected avro or csv");
    }
}
