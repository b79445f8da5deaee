package io.haechi.datagen.ads;

import static io.haechi.datagen.DuckDb.doubleValue;
import static io.haechi.datagen.DuckDb.longValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.haechi.datagen.DuckDb;
import io.haechi.datagen.GenerationReport;
import io.haechi.datagen.OutputFormat;
import io.haechi.datagen.ProgressListener;
import io.haechi.datagen.io.AvroSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ADSF 0.05 over 28 days (300,000 impressions) generated once, loaded into DuckDB, and checked against the shares
 * of ad-events.md. Tolerances are about 4 standard errors of the sample, or wider where the spec says "≈".
 */
class AdsGeneratorTest {
    private static final double SCALE = 0.05;
    private static final LocalDate START = LocalDate.of(2024, 1, 1); // a Monday

    @TempDir
    static Path dir;
    static GenerationReport report;
    static Connection db;

    @BeforeAll
    static void generate() throws Exception {
        report = AdsGenerator.generate(new AdsOptions(SCALE, 28, START, dir.resolve("out"), OutputFormat.AVRO),
                ProgressListener.NONE);
        db = DuckDb.open();
        for (var t : AdsTables.all()) {
            DuckDb.load(db, t, dir.resolve("out").resolve(t.name()));
        }
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    private static double zipfHead(int n, int head, double s) {
        double all = 0;
        double top = 0;
        for (int k = 1; k <= n; k++) {
            double w = Math.pow(k, -s);
            all += w;
            if (k <= head) {
                top += w;
            }
        }
        return top / all;
    }

    @Test
    void rowAndEntityCountsScale() throws Exception {
        double root = Math.sqrt(SCALE);
        assertThat(report.rows("ad_event")).isEqualTo(300_000);
        assertThat(longValue(db, "select count(*) from ad_event")).isEqualTo(300_000);
        assertThat(report.rows("advertiser")).isEqualTo(Math.round(1000 * root));
        assertThat(report.rows("campaign")).isEqualTo(Math.round(8000 * root));
        assertThat(report.rows("ad_group")).isEqualTo(Math.round(24000 * root));
        assertThat(report.rows("creative")).isEqualTo(Math.round(60000 * root));
        assertThat(report.rows("placement")).isEqualTo(Math.round(20000 * root));
        assertThat(longValue(db, "select count(distinct publisher_id) from placement"))
                .isEqualTo(Math.round(2000 * root));
        assertThat(longValue(db, "select count(distinct vertical) from advertiser")).isBetween(15L, 20L);
        assertThat(longValue(db, "select max(n) from (select count(*) n from campaign group by advertiser_id)"))
                .isLessThanOrEqualTo(40);
        assertThat(longValue(db, "select max(n) from (select count(*) n from ad_group group by campaign_id)"))
                .isLessThanOrEqualTo(6);
        assertThat(longValue(db, "select max(n) from (select count(*) n from creative group by ad_group_id)"))
                .isLessThanOrEqualTo(5);
        assertThat(longValue(db, "select max(n) from (select count(*) n from placement group by publisher_id)"))
                .isLessThanOrEqualTo(30);
    }

    @Test
    void factIsPartitionedByEventDateWithTheSpecTypes() throws Exception {
        List<String> parts;
        try (Stream<Path> s = Files.list(dir.resolve("out/ad_event"))) {
            parts = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(parts).hasSize(28).startsWith("event_date=2024-01-01").endsWith("event_date=2024-01-28");
        Path file = dir.resolve("out/ad_event/event_date=2024-01-06/part-00000.avro");
        try (DataFileReader<GenericRecord> r = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
            Schema schema = r.getSchema();
            assertThat(schema).isEqualTo(AvroSchemas.of(AdsTables.adEvent()));
            assertThat(schema.getField("event_date").schema().getLogicalType()).isEqualTo(LogicalTypes.date());
            assertThat(schema.getField("event_hour").schema().getType()).isEqualTo(Schema.Type.INT);
            assertThat(schema.getField("user_id").schema().getType()).isEqualTo(Schema.Type.LONG);
            assertThat(schema.getField("gender").schema().getType()).isEqualTo(Schema.Type.STRING);
            assertThat(schema.getFields()).extracting(Schema.Field::name).containsExactly("event_date",
                    "event_hour", "advertiser_id", "campaign_id", "ad_group_id", "creative_id", "publisher_id",
                    "placement_id", "device_type", "os", "region", "city", "age_band", "gender", "user_id",
                    "impressions", "clicks", "conversions", "cost_micros", "conv_value_micros");
            for (GenericRecord rec : r) {
                assertThat(LocalDate.ofEpochDay((Integer) rec.get("event_date"))).isEqualTo("2024-01-06");
            }
        }
    }

    @Test
    void hoursFollowTheWeightsAndWeekendsCarryNinetyPercent() throws Exception {
        double[] w = AdsVocabulary.HOUR_WEIGHTS;
        double sum = 0;
        for (double x : w) {
            sum += x;
        }
        Map<String, Double> byHour = DuckDb.map(db,
                "select lpad(event_hour::varchar, 2, '0'), count(*) / 300000.0 from ad_event group by 1");
        assertThat(byHour).hasSize(24);
        for (int h = 0; h < 24; h++) {
            assertThat(byHour.get(String.format("%02d", h))).as("hour %d", h).isCloseTo(w[h] / sum, within(2e-4));
        }
        double weekday = doubleValue(db, "select avg(n) from (select event_date, count(*) n from ad_event"
                + " where dayofweek(event_date) between 1 and 5 group by 1)");
        double weekend = doubleValue(db, "select avg(n) from (select event_date, count(*) n from ad_event"
                + " where dayofweek(event_date) in (0, 6) group by 1)");
        assertThat(weekend / weekday).isCloseTo(0.9, within(1e-3));
    }

    @Test
    void campaignSharesAreZipfPointNine() throws Exception {
        int n = (int) report.rows("campaign");
        double top1 = doubleValue(db, "select sum(n) / 300000.0 from (select count(*) n from ad_event group by"
                + " campaign_id order by n desc limit " + Math.round(n * 0.01) + ")");
        double top10 = doubleValue(db, "select sum(n) / 300000.0 from (select count(*) n from ad_event group by"
                + " campaign_id order by n desc limit " + Math.round(n * 0.10) + ")");
        // campaigns on sub-windows blur the ranks a little; the shape must stay Zipf 0.9
        assertThat(top1).isCloseTo(zipfHead(n, (int) Math.round(n * 0.01), 0.9), within(0.06));
        assertThat(top10).isCloseTo(zipfHead(n, (int) Math.round(n * 0.10), 0.9), within(0.06));
        // at ADSF1 the spec's figures follow from the same formula
        assertThat(zipfHead(8000, 80, 0.9)).isCloseTo(0.40, within(0.01));
        assertThat(zipfHead(8000, 800, 0.9)).isCloseTo(0.67, within(0.01));
        assertThat(longValue(db, "select count(*) from ad_event e join campaign c using (campaign_id)"
                + " where e.event_date not between c.start_date and c.end_date")).isZero();
    }

    @Test
    void publishersAreZipfOneWithTheMessengerOnTop() throws Exception {
        int publishers = (int) longValue(db, "select count(distinct publisher_id) from placement");
        double top = doubleValue(db, "select count(*) / 300000.0 from ad_event where publisher_id = 1");
        assertThat(top).isCloseTo(zipfHead(publishers, 1, 1.0), within(0.006));
        assertThat(DuckDb.stringValue(db, "select publisher_type from placement where publisher_id = 1 limit 1"))
                .isEqualTo("MESSENGER");
    }

    @Test
    void devicesAndOperatingSystemsFollowTheirShares() throws Exception {
        Map<String, Double> devices = DuckDb.map(db,
                "select device_type, count(*) / 300000.0 from ad_event group by 1");
        assertThat(devices.get("MOBILE")).isCloseTo(0.82, within(0.005));
        assertThat(devices.get("PC")).isCloseTo(0.12, within(0.004));
        assertThat(devices.get("TABLET")).isCloseTo(0.05, within(0.003));
        assertThat(devices.get("CTV")).isCloseTo(0.01, within(0.002));
        Map<String, Double> mobile = DuckDb.map(db, "select os, count(*) / sum(count(*)) over () from ad_event"
                + " where device_type = 'MOBILE' group by 1");
        assertThat(mobile).containsOnlyKeys("ANDROID", "IOS", "OTHER");
        assertThat(mobile.get("ANDROID")).isCloseTo(0.65, within(0.006));
        assertThat(mobile.get("IOS")).isCloseTo(0.33, within(0.006));
        Map<String, Double> pc = DuckDb.map(db, "select os, count(*) / sum(count(*)) over () from ad_event"
                + " where device_type = 'PC' group by 1");
        assertThat(pc).containsOnlyKeys("WINDOWS", "MACOS");
        assertThat(pc.get("WINDOWS")).isCloseTo(0.85, within(0.01));
    }

    @Test
    void usersHaveFixedAttributesAndRegionSharesFollowPopulation() throws Exception {
        assertThat(longValue(db, "select count(*) from (select user_id from ad_event group by user_id having"
                + " count(distinct region || city || age_band || gender) > 1)")).isZero();
        long users = longValue(db, "select count(distinct user_id) from ad_event");
        Map<String, Double> regions = DuckDb.map(db, "select region, count(*) / " + users + " from (select"
                + " distinct user_id, region from ad_event) group by 1");
        assertThat(regions).hasSize(17);
        assertThat(regions.get("Gyeonggi")).isCloseTo(0.265, within(0.015));
        assertThat(regions.get("Seoul")).isCloseTo(0.183, within(0.013));
        assertThat(regions.get("Busan")).isCloseTo(0.064, within(0.008));
        assertThat(regions.get("Sejong")).isCloseTo(0.008, within(0.003));
        assertThat(longValue(db, "select count(distinct city) from ad_event")).isBetween(200L, 250L);
        assertThat(longValue(db, "select count(*) from (select city from ad_event group by city"
                + " having count(distinct region) > 1)")).isZero();
        // cities are Zipf 0.9 within the region: Seoul's first gu takes 1/H(25, 0.9) of its users
        double gangnam = doubleValue(db, "select count(distinct user_id) filter (where city = 'Gangnam-gu')"
                + " / count(distinct user_id) from ad_event where region = 'Seoul'");
        assertThat(gangnam).isCloseTo(zipfHead(25, 1, 0.9), within(0.02));
        Map<String, Double> gender = DuckDb.map(db, "select gender, count(*) / " + users + " from (select"
                + " distinct user_id, gender from ad_event) group by 1");
        assertThat(gender.get("M")).isCloseTo(0.46, within(0.015));
        assertThat(gender.get("U")).isCloseTo(0.10, within(0.01));
        Map<String, Double> age = DuckDb.map(db, "select age_band, count(*) / " + users + " from (select"
                + " distinct user_id, age_band from ad_event) group by 1");
        assertThat(age.get("40-49")).isCloseTo(0.20, within(0.015));
        assertThat(age.get("14-19")).isCloseTo(0.06, within(0.01));
    }

    @Test
    void distinctUsersMatchZipfPointNineOverThePopulation() throws Exception {
        long population = Math.round(3_000_000 * SCALE);
        double h = 0;
        for (long k = 1; k <= population; k++) {
            h += Math.pow(k, -0.9);
        }
        double expected = 0;
        for (long k = 1; k <= population; k++) {
            double p = Math.pow(k, -0.9) / h;
            expected += 1 - Math.pow(1 - p, 300_000);
        }
        long distinct = longValue(db, "select count(distinct user_id) from ad_event");
        assertThat((double) distinct).isCloseTo(expected, within(expected * 0.01));
        assertThat(longValue(db, "select count(*) from ad_event where user_id <= 0")).isZero();
    }

    @Test
    void clicksConversionsAndCostsFollowTheModels() throws Exception {
        double ctr = doubleValue(db, "select sum(clicks) / sum(impressions) from ad_event");
        assertThat(ctr).isBetween(0.004, 0.012);
        Map<String, Double> byFormat = DuckDb.map(db, "select format, sum(clicks) / sum(impressions) from"
                + " ad_event join creative using (creative_id) group by 1");
        double[] medians = AdsVocabulary.FORMAT_CTR;
        for (int f = 0; f < medians.length; f++) {
            assertThat(byFormat.get(AdsVocabulary.FORMATS.get(f))).as(AdsVocabulary.FORMATS.get(f))
                    .isBetween(medians[f] * 0.5, medians[f] * 2.0);
        }
        assertThat(byFormat.get("MESSAGE")).isEqualTo(byFormat.values().stream().max(Double::compare).orElseThrow());
        assertThat(byFormat.get("IMAGE_BANNER"))
                .isEqualTo(byFormat.values().stream().min(Double::compare).orElseThrow());
        double pcRatio = doubleValue(db, "select (sum(clicks) filter (where device_type = 'PC') / count(*) filter"
                + " (where device_type = 'PC')) / (sum(clicks) filter (where device_type = 'MOBILE') / count(*)"
                + " filter (where device_type = 'MOBILE')) from ad_event");
        assertThat(pcRatio).isCloseTo(0.6, within(0.15));
        double cvr = doubleValue(db, "select sum(conversions) / sum(clicks) from ad_event");
        assertThat(cvr).isBetween(0.005, 0.04);
        assertThat(longValue(db, "select count(*) from ad_event where conversions > clicks or clicks > impressions"
                + " or impressions <> 1")).isZero();
        // CPC pays on clicks only; CPM and oCPA on every impression, ~₩2 (clearing CPM ₩2,000 / 1,000)
        assertThat(longValue(db, "select count(*) from ad_event join campaign using (campaign_id) where bid_type"
                + " = 'CPC' and (cost_micros > 0) <> (clicks = 1)")).isZero();
        assertThat(longValue(db, "select count(*) from ad_event join campaign using (campaign_id) where bid_type"
                + " <> 'CPC' and cost_micros <= 0")).isZero();
        double cpmMedian = doubleValue(db, "select median(cost_micros) / 1e6 from ad_event join campaign"
                + " using (campaign_id) where bid_type = 'CPM'");
        assertThat(cpmMedian).isBetween(1.0, 4.0);
        double cpcMedian = doubleValue(db, "select median(cost_micros) / 1e6 from ad_event join campaign"
                + " using (campaign_id) where bid_type = 'CPC' and clicks = 1");
        assertThat(cpcMedian).isBetween(175.0, 700.0);
        // purchase values only on conversions of commerce advertisers
        assertThat(longValue(db, "select count(*) from ad_event join advertiser using (advertiser_id)"
                + " where conv_value_micros > 0 and (conversions = 0 or vertical not in ('e-commerce', 'beauty',"
                + " 'fashion', 'food-beverage', 'furniture', 'electronics', 'pets'))")).isZero();
        assertThat(longValue(db, "select count(*) from ad_event join advertiser using (advertiser_id)"
                + " where conversions = 1 and conv_value_micros = 0 and vertical = 'e-commerce'")).isZero();
    }

    @Test
    void idsFormTheHierarchiesOfTheLookups() throws Exception {
        assertThat(longValue(db, "select count(*) from ad_event e join creative k using (creative_id)"
                + " join ad_group g on k.ad_group_id = g.ad_group_id join campaign c on g.campaign_id = c.campaign_id"
                + " join placement p using (placement_id) where e.ad_group_id = g.ad_group_id"
                + " and e.campaign_id = c.campaign_id and e.advertiser_id = c.advertiser_id"
                + " and e.publisher_id = p.publisher_id")).isEqualTo(300_000);
        assertThat(longValue(db, "select count(*) from campaign c left join advertiser a using (advertiser_id)"
                + " where a.advertiser_id is null")).isZero();
    }
}
