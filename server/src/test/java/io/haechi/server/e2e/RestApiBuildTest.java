package io.haechi.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.haechi.builder.job.Job;
import io.haechi.builder.job.JobListener;
import io.haechi.builder.job.StepRecord;
import io.haechi.datagen.ads.AdsOptions;
import io.haechi.server.runtime.BuildQueue;
import io.haechi.server.runtime.HaechiContext;
import io.haechi.server.runtime.HaechiSettings;
import io.haechi.server.web.WebServer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds and queries over the REST API, on three generated days of ad events (scale 0.01) in the in-process HBase:
 * a build started over REST runs to READY in the server and its segment answers SQL over REST as DuckDB does on the
 * same rows; jobs are cancelled (queued and running), resumed and discarded; segments are dropped; size estimates
 * come from a sampling pass and from built segments. The server runs one build at a time; a gate holds a build at
 * the start of its cuboids step, so "running" is a state the test can act on, not a race.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestApiBuildTest {
    private static final String PROJECT = "rest_build";
    private static final String CUBE = "ad_events";
    private static final LocalDate D0 = AdsOptions.DEFAULT_START;
    private static final LocalDate D1 = D0.plusDays(1);
    private static final LocalDate D2 = D0.plusDays(2);
    private static final LocalDate D3 = D0.plusDays(3);
    private static final String BASE = "/api/projects/" + PROJECT;

    @TempDir
    static Path tmp;
    private static Connection duck;
    private static HaechiContext ctx;
    private static BuildQueue builds;
    private static WebServer server;
    private static ApiClient api;
    private static final Gate GATE = new Gate();

    /** Holds, while armed, the next build that starts its cuboids step until released. */
    static final class Gate implements JobListener {
        private volatile CountDownLatch reached;
        private volatile CountDownLatch release;

        void arm() {
            reached = new CountDownLatch(1);
            release = new CountDownLatch(1);
        }

        void awaitReached() throws InterruptedException {
            assertThat(reached.await(120, TimeUnit.SECONDS)).as("a build reached the gate").isTrue();
        }

        void release() {
            CountDownLatch r = release;
            release = null;
            r.countDown();
        }

        @Override
        public void stepStarted(Job job, StepRecord step) {
            CountDownLatch r = release;
            if (step.name().equals("cuboids") && r != null && reached.getCount() > 0) {
                reached.countDown();
                try {
                    r.await(120, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @BeforeAll
    static void start() throws Exception {
        duck = E2e.ads(tmp, 0.01, 3);
        ctx = E2e.context(tmp.resolve("haechi"), Map.of(HaechiSettings.WEB_PORT, "0"));
        builds = new BuildQueue(ctx, GATE);
        server = WebServer.over(ctx, builds, Optional.empty()).start();
        api = new ApiClient(server.port());
        for (String t : List.of("ad_event", "advertiser", "campaign", "creative", "placement")) {
            ApiClient.Response r = api.post(BASE + "/tables", Map.of("name", t, "location",
                    tmp.resolve("data/ads").resolve(t).toAbsolutePath().toString()));
            assertThat(r.status()).as("%s", r).isEqualTo(201);
        }
        assertThat(api.post(BASE + "/models", example("model.json")).status()).isEqualTo(201);
        assertThat(api.post(BASE + "/cubes", example("cube.json")).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws Exception {
        E2e.closeAll(server, builds, ctx, duck);
    }

    private static ObjectNode example(String file) throws Exception {
        return (ObjectNode) ApiClient.JSON.readTree(Files.readString(Path.of("..", "examples", "ads", file)));
    }

    private static ApiClient.Response startBuild(LocalDate from, LocalDate to) {
        return api.post(BASE + "/cubes/" + CUBE + "/builds", Map.of("from", from.toString(), "to", to.toString()));
    }

    private static JsonNode awaitJob(String id, Predicate<JsonNode> done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        JsonNode job;
        do {
            job = api.get("/api/jobs/" + id).body();
            if (done.test(job)) {
                return job;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("job " + id + " did not get there: " + job);
    }

    private static JsonNode segments() {
        return api.get(BASE + "/segments?cube=" + CUBE).body();
    }

    private static String render(Object v) {
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (v instanceof Number n) {
            return Long.toString(n.longValue());
        }
        return String.valueOf(v);
    }

    private static List<String> duckRows(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(render(rs.getObject(i)));
                }
                out.add(String.join("|", row));
            }
        }
        return out;
    }

    private static List<String> restRows(ApiClient.Response r) {
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        List<String> out = new ArrayList<>();
        for (JsonNode row : r.body().path("rows")) {
            List<String> values = new ArrayList<>();
            row.forEach(v -> values.add(v.isNull() ? "null" : v.asText()));
            out.add(String.join("|", values));
        }
        return out;
    }

    private static ApiClient.Response sql(String sql) {
        return api.post(BASE + "/sql", Map.of("sql", sql));
    }

    @Test
    @Order(1)
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aBuildStartedOverRestRunsToReadyAndItsSegmentAnswersSqlAsDuckDb() throws Exception {
        String day = "event_date = DATE '" + D0 + "'";
        long factRows = E2e.count(duck, "select count(*) from ad_event where " + day);

        JsonNode before = api.get(BASE + "/cubes/" + CUBE + "/partitions").body();
        assertThat(before.path("column").asText()).isEqualTo("event_date");
        assertThat(before.path("days").asInt()).isEqualTo(3);
        assertThat(before.path("first").asText()).isEqualTo(D0.toString());
        assertThat(before.path("last").asText()).isEqualTo(D2.toString());
        assertThat(before.path("undatedFiles").asInt()).isZero();
        assertThat(before.path("unbuilt")).singleElement().satisfies(r -> {
            assertThat(r.path("from").asText()).isEqualTo(D0.toString());
            assertThat(r.path("to").asText()).isEqualTo(D3.toString());
        });

        // The wizard's estimate before any build: a sampling pass over the day.
        ApiClient.Response sampled = api.post(BASE + "/cubes/validate?estimate=sample&from=" + D0 + "&to=" + D1,
                example("cube.json"));
        assertThat(sampled.status()).as("%s", sampled).isEqualTo(200);
        JsonNode estimates = sampled.body().path("estimates");
        assertThat(estimates.path("source").asText()).isEqualTo("sample");
        assertThat(estimates.path("factRows").asLong()).isEqualTo(factRows);
        assertThat(estimates.path("complete").asBoolean()).isTrue();
        assertThat(estimates.path("cuboids")).hasSize(sampled.body().path("totalCuboids").asInt());
        JsonNode baseEstimate = null;
        for (JsonNode c : estimates.path("cuboids")) {
            if (c.path("base").asBoolean()) {
                baseEstimate = c;
            }
        }
        assertThat(baseEstimate).isNotNull();
        List<String> stored = new ArrayList<>();
        baseEstimate.path("dimensions").forEach(d -> stored.add(d.asText()));
        long exactBase = E2e.count(duck, "select count(*) from (select distinct " + String.join(", ", stored)
                + " from ad_event where " + day + ")");
        assertThat((double) baseEstimate.path("rows").asLong()).as("HLL estimate of the base cuboid")
                .isBetween(exactBase * 0.9, exactBase * 1.1);
        assertThat(baseEstimate.path("bytes").asLong()).isGreaterThan(baseEstimate.path("rows").asLong());
        ApiClient.Response stopped = api.post(BASE + "/cubes/validate?estimate=sample&from=" + D0 + "&to=" + D1
                + "&sampleRows=100", example("cube.json"));
        assertThat(stopped.body().path("estimates").path("complete").asBoolean()).isFalse();
        assertThat(stopped.body().path("estimates").path("factRows").asLong()).isEqualTo(100);
        assertThat(api.post(BASE + "/cubes/validate?estimate=sample", example("cube.json")).status()).isEqualTo(400);

        ApiClient.Response started = startBuild(D0, D1);
        assertThat(started.status()).as("%s", started).isEqualTo(202);
        String id = started.body().path("id").asText();
        assertThat(started.header("Location")).isEqualTo("/api/jobs/" + id);
        assertThat(started.body().path("segment").asText()).isEqualTo(D0.toString().replace("-", "") + "_"
                + D1.toString().replace("-", ""));
        ApiClient.Response overlap = startBuild(D0, D2);
        assertThat(overlap.status()).as("%s", overlap).isEqualTo(409);
        assertThat(overlap.body().path("code").asInt()).isEqualTo(3002);

        JsonNode job = awaitJob(id, j -> j.path("state").asText().equals("DONE"));
        assertThat(job.path("progress").asDouble()).isEqualTo(1.0);
        assertThat(job.path("etaMs").isNull()).isTrue();
        assertThat(job.path("resumable").asBoolean()).isFalse();
        List<String> previous = new ArrayList<>();
        for (JsonNode s : job.path("steps")) {
            assertThat(s.path("state").asText()).isEqualTo("DONE");
            assertThat(s.path("durationMs").asLong()).isNotNegative();
            List<String> deps = new ArrayList<>();
            s.path("dependsOn").forEach(d -> deps.add(d.asText()));
            assertThat(deps).isEqualTo(previous.isEmpty() ? List.of() : List.of(previous.get(previous.size() - 1)));
            previous.add(s.path("name").asText());
        }
        assertThat(previous).containsExactly("read-and-stats", "cuboids", "load", "commit");

        JsonNode segment = segments().get(0);
        assertThat(segment.path("status").asText()).isEqualTo("READY");
        assertThat(segment.path("sourceRows").asLong()).isEqualTo(factRows);
        assertThat(segment.path("cuboids").asInt()).isEqualTo(sampled.body().path("totalCuboids").asInt());
        assertThat(segment.path("bytes").asLong()).isPositive();
        JsonNode detail = api.get(BASE + "/cubes/" + CUBE + "/segments/" + segment.path("name").asText()).body();
        long sum = 0;
        for (JsonNode c : detail.path("cuboidList")) {
            sum += c.path("rows").asLong();
        }
        assertThat(sum).isEqualTo(segment.path("cuboidRows").asLong());
        assertThat(api.get("/api/projects/" + PROJECT).body().path("readySegments").asInt()).isEqualTo(1);
        JsonNode after = api.get(BASE + "/cubes/" + CUBE + "/partitions").body();
        assertThat(after.path("built")).singleElement().satisfies(b ->
                assertThat(b.path("status").asText()).isEqualTo("READY"));
        assertThat(after.path("unbuilt")).singleElement().satisfies(r -> {
            assertThat(r.path("from").asText()).isEqualTo(D1.toString());
            assertThat(r.path("to").asText()).isEqualTo(D3.toString());
        });

        String query = "select region, sum(clicks) c, count(distinct user_id) reach from ad_event where " + day
                + " group by region order by region";
        ApiClient.Response answer = sql(query);
        assertThat(restRows(answer)).isEqualTo(duckRows(query)).isNotEmpty();
        JsonNode realization = answer.body().path("realization");
        assertThat(realization.path("answerable").asBoolean()).isTrue();
        assertThat(realization.path("scans").get(0).path("cube").asText()).isEqualTo(CUBE);
        assertThat(realization.path("scans").get(0).path("cuboid")).extracting(JsonNode::asText)
                .contains("event_date", "region");
        assertThat(realization.path("summary").asText()).startsWith("served by cube " + CUBE + ", cuboid (");
        assertThat(answer.body().path("columns").get(0).path("name").asText()).isEqualTo("region");
        assertThat(answer.body().path("timing").path("totalMs").asDouble()).isPositive();
        String joined = "select a.vertical, sum(e.impressions) i from ad_event e join advertiser a using "
                + "(advertiser_id) group by a.vertical order by a.vertical";
        assertThat(restRows(sql(joined))).isEqualTo(duckRows(joined.replace("group by", "where e." + day
                + " group by"))).isNotEmpty();

        ApiClient.Response limited = api.post(BASE + "/sql", Map.of("sql", query, "limit", 2));
        assertThat(limited.body().path("rows")).hasSize(2);
        assertThat(limited.body().path("truncated").asBoolean()).isTrue();

        ApiClient.Response plan = api.post(BASE + "/explain", Map.of("sql", query));
        assertThat(plan.status()).isEqualTo(200);
        assertThat(plan.body().path("plan").asText()).contains("CubeScan(cube=[" + CUBE + "]");
        assertThat(plan.body().path("realization").path("scans").get(0).path("estimatedRows").asLong()).isPositive();

        ApiClient.Response miss = sql("select user_id from ad_event");
        assertThat(miss.status()).as("%s", miss).isEqualTo(400);
        assertThat(miss.body().path("code").asInt()).isEqualTo(5003);
        assertThat(miss.body().path("sqlState").asText()).isEqualTo("QH001");
        ApiClient.Response explainedMiss = api.post(BASE + "/explain", Map.of("sql", "select user_id from ad_event"));
        assertThat(explainedMiss.status()).isEqualTo(200);
        assertThat(explainedMiss.body().path("realization").path("answerable").asBoolean()).isFalse();
        assertThat(explainedMiss.body().path("realization").path("reasons")).isNotEmpty();
        ApiClient.Response syntax = sql("selec 1");
        assertThat(syntax.status()).isEqualTo(400);
        assertThat(syntax.body().path("sqlState").asText()).isEqualTo("42601");
        assertThat(sql("select nope from ad_event group by nope").body().path("sqlState").asText()).isEqualTo("42703");
        assertThat(api.post(BASE + "/sql", Map.of("sql", query, "limit", 0)).body().path("fields").get(0)
                .path("path").asText()).isEqualTo("limit");

        JsonNode log = api.get("/api/jobs/" + id + "/log").body();
        List<String> messages = new ArrayList<>();
        log.path("lines").forEach(l -> messages.add(l.path("step").asText() + ": " + l.path("message").asText()));
        assertThat(messages).contains("read-and-stats: started", "cuboids: started", "commit: started", ": job done");
        JsonNode stepLog = api.get("/api/jobs/" + id + "/steps/cuboids/log").body();
        assertThat(stepLog.path("lines")).isNotEmpty()
                .allSatisfy(l -> assertThat(l.path("step").asText()).isEqualTo("cuboids"));
        assertThat(api.get("/api/jobs/" + id + "/log?offset=" + log.path("nextOffset").asInt()).body()
                .path("lines")).isEmpty();
        assertThat(api.get("/api/jobs/" + id + "/steps/nope/log").status()).isEqualTo(404);

        ApiClient.Response measured = api.post(BASE + "/cubes/validate?estimate=segments", example("cube.json"));
        JsonNode fromSegments = measured.body().path("estimates");
        assertThat(fromSegments.path("source").asText()).isEqualTo("segments");
        assertThat(fromSegments.path("totalRows").asLong()).isEqualTo(segment.path("cuboidRows").asLong());
        assertThat(fromSegments.path("factRows").asLong()).isEqualTo(factRows);

        assertThat(api.get("/api/jobs?project=" + PROJECT).body()).extracting(j -> j.path("id").asText())
                .contains(id);
        assertThat(api.get("/api/jobs?project=" + PROJECT + "&state=FAILED").body()).isEmpty();
        assertThat(api.get("/api/jobs?state=SLEEPING").status()).isEqualTo(400);
        assertThat(api.get("/api/jobs/" + PROJECT + ".nope").status()).isEqualTo(404);
        for (String action : List.of("resume", "cancel", "discard")) {
            ApiClient.Response r = api.post("/api/jobs/" + id + "/" + action, "");
            assertThat(r.status()).as("%s of a DONE job: %s", action, r).isEqualTo(409);
            assertThat(r.body().path("code").asInt()).isEqualTo(3004);
        }
    }

    @Test
    @Order(2)
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void jobsAreCancelledQueuedOrRunningThenResumedOrDiscarded() throws Exception {
        GATE.arm();
        String running = startBuild(D1, D2).body().path("id").asText();
        GATE.awaitReached();
        JsonNode held = api.get("/api/jobs/" + running).body();
        assertThat(held.path("state").asText()).isEqualTo("RUNNING");
        assertThat(held.path("steps").get(0).path("state").asText()).isEqualTo("DONE");
        assertThat(held.path("steps").get(1).path("state").asText()).isEqualTo("RUNNING");
        assertThat(held.path("progress").asDouble()).isBetween(0.25, 0.5);
        assertThat(held.path("etaMs").isIntegralNumber()).as("a running job has an ETA: %s", held).isTrue();
        assertThat(held.path("cancellable").asBoolean()).isTrue();
        assertThat(held.path("discardable").asBoolean()).isFalse();
        assertThat(api.post("/api/jobs/" + running + "/discard", "").status()).as("discard while running")
                .isEqualTo(409);

        ApiClient.Response second = startBuild(D2, D3);
        assertThat(second.status()).isEqualTo(202);
        String queued = second.body().path("id").asText();
        assertThat(second.body().path("queued").asBoolean()).isTrue();
        assertThat(second.body().path("state").asText()).isEqualTo("PENDING");
        ApiClient.Response cancelledQueued = api.post("/api/jobs/" + queued + "/cancel", "");
        assertThat(cancelledQueued.status()).as("%s", cancelledQueued).isEqualTo(200);
        assertThat(cancelledQueued.body().path("state").asText()).isEqualTo("CANCELLED");
        assertThat(cancelledQueued.body().path("queued").asBoolean()).isFalse();

        assertThat(api.post("/api/jobs/" + running + "/cancel", "").status()).isEqualTo(200);
        GATE.release();
        JsonNode cancelled = awaitJob(running, j -> j.path("resumable").asBoolean());
        assertThat(cancelled.path("state").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("steps").get(0).path("state").asText()).as("finished steps stay finished")
                .isEqualTo("DONE");
        assertThat(api.get("/api/jobs/" + running + "/steps/cuboids/log").body().path("lines"))
                .anySatisfy(l -> assertThat(l.path("level").asText()).isEqualTo("WARN"));
        assertThat(segments()).anySatisfy(s -> {
            assertThat(s.path("jobId").asText()).isEqualTo(running);
            assertThat(s.path("status").asText()).isEqualTo("BUILDING");
        });
        String dayOne = "select count(*) from ad_event where event_date = DATE '" + D1 + "'";
        assertThat(restRows(sql(dayOne))).as("a cancelled build is invisible").containsExactly("0");

        ApiClient.Response discarded = api.post("/api/jobs/" + running + "/discard", "");
        assertThat(discarded.status()).as("%s", discarded).isEqualTo(200);
        assertThat(discarded.body().path("state").asText()).isEqualTo("DISCARDED");
        assertThat(segments()).noneSatisfy(s -> assertThat(s.path("jobId").asText()).isEqualTo(running));
        assertThat(api.post("/api/jobs/" + running + "/resume", "").status()).isEqualTo(409);
        assertThat(api.post("/api/jobs/" + running + "/discard", "").status()).isEqualTo(409);

        ApiClient.Response resumed = api.post("/api/jobs/" + queued + "/resume", "");
        assertThat(resumed.status()).as("%s", resumed).isEqualTo(202);
        JsonNode done = awaitJob(queued, j -> j.path("state").asText().equals("DONE"));
        assertThat(done.path("steps")).allSatisfy(s -> assertThat(s.path("state").asText()).isEqualTo("DONE"));
        String dayTwo = "select device_type, sum(impressions) from ad_event where event_date = DATE '" + D2
                + "' group by device_type order by device_type";
        assertThat(restRows(sql(dayTwo))).isEqualTo(duckRows(dayTwo)).isNotEmpty();
    }

    @Test
    @Order(3)
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void segmentsAreDroppedAndCubeChangesRespectThem() throws Exception {
        String dayTwo = D2.toString().replace("-", "") + "_" + D3.toString().replace("-", "");
        String all = "select count(*) from ad_event";
        assertThat(restRows(sql(all))).isEqualTo(duckRows(all + " where event_date in (DATE '" + D0 + "', DATE '"
                + D2 + "')"));
        ApiClient.Response dropped = api.delete(BASE + "/cubes/" + CUBE + "/segments/" + dayTwo);
        assertThat(dropped.status()).as("%s", dropped).isEqualTo(204);
        assertThat(segments()).extracting(s -> s.path("name").asText()).doesNotContain(dayTwo).hasSize(1);
        assertThat(restRows(sql(all))).isEqualTo(duckRows(all + " where event_date = DATE '" + D0 + "'"));
        assertThat(api.delete(BASE + "/cubes/" + CUBE + "/segments/" + dayTwo).status()).isEqualTo(404);
        assertThat(api.get(BASE + "/cubes/nope/segments/" + dayTwo).status()).isEqualTo(404);

        ApiClient.Response badRange = startBuild(D2, D1);
        assertThat(badRange.status()).isEqualTo(400);
        assertThat(badRange.body().path("fields").get(0).path("path").asText()).isEqualTo("to");
        ApiClient.Response badDate = api.post(BASE + "/cubes/" + CUBE + "/builds", Map.of("from", "yesterday",
                "to", D1.toString()));
        assertThat(badDate.body().path("fields").get(0).path("path").asText()).isEqualTo("from");
        assertThat(api.post(BASE + "/cubes/nope/builds", Map.of("from", D0.toString(), "to", D1.toString()))
                .status()).isEqualTo(404);

        ObjectNode cube = example("cube.json");
        ((ArrayNode) cube.path("measures")).remove(1);
        long version = api.get(BASE + "/cubes/" + CUBE).body().path("version").asLong();
        ApiClient.Response refused = api.put(BASE + "/cubes/" + CUBE + "?version=" + version, cube);
        assertThat(refused.status()).as("%s", refused).isEqualTo(409);
        assertThat(refused.body().path("code").asInt()).isEqualTo(3006);
        assertThat(segments()).hasSize(1);
        ApiClient.Response applied = api.put(BASE + "/cubes/" + CUBE + "?version=" + version + "&dropSegments=true",
                cube);
        assertThat(applied.status()).as("%s", applied).isEqualTo(200);
        assertThat(segments()).isEmpty();
        assertThat(restRows(sql(all))).containsExactly("0");
    }
}
