package io.haechi.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.haechi.datagen.OutputFormat;
import io.haechi.datagen.ProgressListener;
import io.haechi.datagen.ads.AdsGenerator;
import io.haechi.datagen.ads.AdsOptions;
import io.haechi.model.catalog.Versioned;
import io.haechi.model.json.JsonDescriptors;
import io.haechi.model.table.TableDesc;
import io.haechi.model.validate.Validator;
import io.haechi.server.runtime.BuildQueue;
import io.haechi.server.runtime.HaechiContext;
import io.haechi.server.runtime.HaechiSettings;
import io.haechi.server.web.WebServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REST API's descriptor half over the real web server and the in-process HBase: health and the contract,
 * projects, tables registered from generated Avro files (schema inferred) and previewed, models and cubes created,
 * validated with field paths and cuboid counts, updated with version checks and deleted; and the HTTP guards.
 */
class RestApiDescriptorsTest {
    private static final String ADS = "rest_ads";
    private static final Path EXAMPLES = Path.of("..", "examples", "ads");
    private static final List<String> TABLES = List.of("ad_event", "advertiser", "campaign", "creative",
            "placement");

    @TempDir
    static Path tmp;
    private static HaechiContext ctx;
    private static BuildQueue builds;
    private static WebServer server;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        AdsGenerator.generate(new AdsOptions(0.001, 1, AdsOptions.DEFAULT_START, tmp.resolve("ads"),
                OutputFormat.AVRO).withThreads(1), ProgressListener.NONE);
        ctx = E2e.context(tmp.resolve("haechi"), Map.of(HaechiSettings.WEB_PORT, "0",
                HaechiSettings.WEB_MAX_REQUEST_BYTES, "65536"));
        builds = new BuildQueue(ctx);
        server = WebServer.over(ctx, builds, Optional.of("jdbc:haechi://127.0.0.1:1/PROJECT")).start();
        api = new ApiClient(server.port());
    }

    @AfterAll
    static void stop() throws Exception {
        E2e.closeAll(server, builds, ctx);
    }

    private static String location(String table) {
        return tmp.resolve("ads").resolve(table).toAbsolutePath().toString();
    }

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) ApiClient.JSON.readTree(text);
    }

    private static ObjectNode example(String file) throws Exception {
        return json(Files.readString(EXAMPLES.resolve(file)));
    }

    private static void registerAll(String project) {
        for (String t : TABLES) {
            if (api.get("/api/projects/" + project + "/tables/" + t).status() == 404) {
                ApiClient.Response r = api.post("/api/projects/" + project + "/tables",
                        Map.of("name", t, "location", location(t)));
                assertThat(r.status()).as("%s", r).isEqualTo(201);
            }
        }
    }

    private static void assertError(ApiClient.Response r, int status, int code, String fieldPath) {
        assertThat(r.status()).as("%s", r).isEqualTo(status);
        assertThat(r.body().path("status").asInt()).isEqualTo(status);
        assertThat(r.body().path("code").asInt()).as("%s", r).isEqualTo(code);
        assertThat(r.body().path("tag").asText()).isEqualTo(code == 0 ? "HTTP-" + status : "HAECHI-" + code);
        assertThat(r.body().path("message").asText()).isNotBlank();
        if (fieldPath != null) {
            assertThat(r.body().path("fields")).as("%s", r).anySatisfy(f ->
                    assertThat(f.path("path").asText()).isEqualTo(fieldPath));
        }
    }

    @Test
    void healthAndTheContractDescribeEveryEndpoint() throws Exception {
        ApiClient.Response health = api.get("/api/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("status").asText()).isEqualTo("UP");
        assertThat(health.body().path("store").asText()).isEqualTo("UP");
        assertThat(health.body().path("jdbcUrl").asText()).isEqualTo("jdbc:haechi://127.0.0.1:1/PROJECT");
        assertThat(health.body().path("authentication").asBoolean()).isFalse();

        ApiClient.Response spec = api.get("/api/openapi.json");
        assertThat(spec.status()).isEqualTo(200);
        assertThat(spec.body().path("openapi").asText()).startsWith("3.");
        List<String> described = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = spec.body().path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> p = paths.next();
            p.getValue().fieldNames().forEachRemaining(m -> {
                if (!m.equals("parameters")) {
                    described.add(m.toUpperCase(java.util.Locale.ROOT) + " " + p.getKey());
                }
            });
        }
        assertThat(server.endpoints()).containsExactlyInAnyOrderElementsOf(described);
        // Every $ref of the document resolves.
        String text = spec.text();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("#/components/(\\w+)/(\\w+)").matcher(text);
        while (m.find()) {
            assertThat(spec.body().path("components").path(m.group(1)).has(m.group(2)))
                    .as("reference %s", m.group()).isTrue();
        }
    }

    @Test
    void projectsAreCreatedListedAndRefusedWithFieldPaths() {
        ApiClient.Response created = api.post("/api/projects", Map.of("name", "rest_p1"));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/projects/rest_p1");
        assertThat(created.body().path("tables").asInt()).isZero();
        assertError(api.post("/api/projects", Map.of("name", "rest_p1")), 409, 4002, null);
        assertError(api.post("/api/projects", Map.of("name", "1 bad")), 400, 1009, "name");
        assertError(api.post("/api/projects", Map.of("name", "p", "colour", "red")), 400, 1009, "colour");
        assertError(api.post("/api/projects", Map.of()), 400, 1009, "name");
        assertError(api.post("/api/projects", "{\"name\": "), 400, 1009, "");
        assertThat(api.get("/api/projects").body()).anySatisfy(p ->
                assertThat(p.path("name").asText()).isEqualTo("rest_p1"));
        assertThat(api.get("/api/projects/rest_p1").body().path("cubes").asInt()).isZero();
        assertError(api.get("/api/projects/rest_nope"), 404, 4003, null);
        assertError(api.get("/api/projects/rest_nope/cubes"), 404, 4003, null);
    }

    @Test
    void tablesAreRegisteredFromTheirFilesAndPreviewed() {
        String base = "/api/projects/rest_tables/tables";
        ApiClient.Response dry = api.post(base, Map.of("name", "advertiser", "location", location("advertiser"),
                "dryRun", true));
        assertThat(dry.status()).as("%s", dry).isEqualTo(200);
        assertThat(dry.body().path("version").asLong()).isZero();
        assertThat(dry.body().path("descriptor").path("columns")).isNotEmpty();
        assertThat(api.get("/api/projects/rest_tables").status()).as("a dry run registers nothing").isEqualTo(404);

        ApiClient.Response r = api.post(base, Map.of("name", "ad_event", "location", location("ad_event")));
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        JsonNode columns = r.body().path("descriptor").path("columns");
        TableDesc inferred = JsonDescriptors.readTable(r.body().path("descriptor").toString(), "response");
        assertThat(inferred.location()).isEqualTo(location("ad_event"));
        assertThat(inferred.column("event_date").orElseThrow().type().toString()).isEqualTo("DATE");
        assertThat(inferred.column("user_id").orElseThrow().type().toString()).isEqualTo("BIGINT");
        assertThat(columns.size()).isEqualTo(inferred.columns().size());
        assertThat(r.header("ETag")).isEqualTo("\"" + r.body().path("version").asLong() + "\"");

        assertError(api.post(base, Map.of("name", "ad_event", "location", location("ad_event"))), 409, 4002, null);
        assertError(api.post(base, Map.of("name", "t2")), 400, 1009, "location");
        assertError(api.post(base, Map.of("name", "t2", "location", tmp.resolve("nowhere").toString())), 400, 2001,
                "location");
        assertError(api.post(base, Map.of("name", "t2", "location", location("advertiser"), "format", "orc")), 400,
                1009, "format");
        assertError(api.post(base, Map.of("name", "t2", "location", location("advertiser"), "format", "csv")), 400,
                1009, "columns");
        assertError(api.post(base, Map.of("name", "t2", "location", location("advertiser"), "columns",
                List.of(Map.of("name", "a", "type", "INT")))), 400, 1009, "columns");
        assertError(api.post(base, Map.of("name", "t2", "location", tmp.toString(), "format", "csv", "columns",
                List.of(Map.of("name", "a", "type", "INTEGRAL")))), 400, 1004, "columns[0].type");

        ApiClient.Response preview = api.get(base + "/ad_event/preview?limit=5");
        assertThat(preview.status()).as("%s", preview).isEqualTo(200);
        assertThat(preview.body().path("rows")).hasSize(5);
        assertThat(preview.body().path("truncated").asBoolean()).isTrue();
        assertThat(preview.body().path("rejectedRows").asLong()).isZero();
        int dateColumn = inferred.columns().indexOf(inferred.column("event_date").orElseThrow());
        assertThat(preview.body().path("rows").get(0).get(dateColumn).asText())
                .isEqualTo(AdsOptions.DEFAULT_START.toString());
        assertThat(preview.body().path("rows").get(0)).hasSize(inferred.columns().size());
        assertError(api.get(base + "/ad_event/preview?limit=0"), 400, 1009, "limit");
        assertError(api.get(base + "/ad_event/preview?limit=ten"), 400, 1009, "limit");
        assertError(api.get(base + "/nope/preview"), 404, 4003, null);
        assertThat(api.get(base).body()).extracting(t -> t.path("name").asText()).containsExactly("ad_event");

        // A new location alone changes no built data; the version moves on.
        long version = r.body().path("version").asLong();
        ObjectNode moved = ((ObjectNode) r.body().path("descriptor").deepCopy()).put("location", location("ad_event")
                + "/");
        ApiClient.Response updated = api.put(base + "/ad_event?version=" + version, moved);
        assertThat(updated.status()).as("%s", updated).isEqualTo(200);
        assertThat(updated.body().path("version").asLong()).isEqualTo(version + 1);
        assertError(api.put(base + "/ad_event?version=" + version, moved), 409, 4002, null);
        assertError(api.delete(base + "/ad_event"), 400, 1009, "version");
        assertThat(api.delete(base + "/ad_event?version=" + (version + 1)).status()).isEqualTo(204);
        assertError(api.get(base + "/ad_event"), 404, 4003, null);
    }

    @Test
    void modelsAndCubesAreValidatedCreatedUpdatedWithVersionsAndDeleted() throws Exception {
        registerAll(ADS);
        String models = "/api/projects/" + ADS + "/models";
        String cubes = "/api/projects/" + ADS + "/cubes";
        ObjectNode model = example("model.json");
        ObjectNode cube = example("cube.json");

        ObjectNode badModel = model.deepCopy();
        ((ObjectNode) badModel.withArray("lookups").get(0)).putArray("foreignKey").add("advertiser_idd");
        ApiClient.Response check = api.post(models + "/validate", badModel);
        assertThat(check.status()).as("%s", check).isEqualTo(200);
        assertThat(check.body().path("valid").asBoolean()).isFalse();
        assertThat(check.body().path("issues")).anySatisfy(i -> {
            assertThat(i.path("path").asText()).isEqualTo("lookups[0].foreignKey[0]");
            assertThat(i.path("name").asText()).isEqualTo("UNKNOWN_COLUMN");
            assertThat(i.path("message").asText()).contains("advertiser_idd");
        });
        assertError(api.post(models, badModel), 400, 1003, "lookups[0].foreignKey[0]");
        // A draft being typed is checked like any invalid one: 200 with the issue, not a 400.
        ApiClient.Response typing = api.post(models + "/validate", model.deepCopy().put("filter", "clicks >"));
        assertThat(typing.status()).as("%s", typing).isEqualTo(200);
        assertThat(typing.body().path("valid").asBoolean()).isFalse();
        assertThat(typing.body().path("issues")).singleElement().satisfies(i -> {
            assertThat(i.path("path").asText()).isEqualTo("filter");
            assertThat(i.path("name").asText()).isEqualTo("INVALID_EXPRESSION");
        });
        assertError(api.post(models + "/validate", model.deepCopy().put("kind", "cube")), 400, 1009, "kind");
        assertError(api.post(models + "/validate", "[]"), 400, 1009, "");
        assertError(api.post(models, model.deepCopy().put("kind", "cube")), 400, 1009, "kind");
        assertError(api.post(models, model.deepCopy().put("jion", 1)), 400, 1007, "jion");

        ApiClient.Response createdModel = api.post(models, model);
        assertThat(createdModel.status()).as("%s", createdModel).isEqualTo(201);
        assertError(api.post(models, model), 409, 4002, null);

        // The cube wizard's live check: per-group counts and the total, as the validator counts them.
        ApiClient.Response valid = api.post(cubes + "/validate?estimate=none", cube);
        assertThat(valid.status()).as("%s", valid).isEqualTo(200);
        assertThat(valid.body().path("valid").asBoolean()).as("%s", valid).isTrue();
        var expected = new Validator().validateCube(JsonDescriptors.readCube(cube.toString(), "cube"),
                JsonDescriptors.readModel(model.toString(), "model"),
                ctx.catalog().tables(ADS).stream().map(Versioned::value).toList());
        assertThat(valid.body().path("totalCuboids").asLong()).isEqualTo(expected.totalCuboids().getAsLong())
                .isGreaterThan(1);
        assertThat(valid.body().path("groups")).hasSize(expected.groups().size());
        assertThat(valid.body().path("groups").get(0).path("cuboids").asLong())
                .isEqualTo(expected.groups().get(0).cuboids().longValueExact());
        assertThat(valid.body().path("cuboidCap").asLong()).isEqualTo(32768);
        assertThat(valid.body().has("estimates")).isFalse();

        // Adding a hierarchy changes the count the wizard shows.
        ObjectNode flatter = cube.deepCopy();
        ((ArrayNode) flatter.path("aggregationGroups").get(0).path("hierarchies")).removeAll();
        long flat = api.post(cubes + "/validate", flatter).body().path("groups").get(0).path("cuboids").asLong();
        assertThat(flat).isGreaterThan(valid.body().path("groups").get(0).path("cuboids").asLong());

        ObjectNode badCube = cube.deepCopy();
        ((ObjectNode) badCube.withArray("dimensions").get(10)).put("column", "regoin");
        ApiClient.Response invalid = api.post(cubes + "/validate", badCube);
        assertThat(invalid.body().path("valid").asBoolean()).isFalse();
        assertThat(invalid.body().path("issues")).anySatisfy(i ->
                assertThat(i.path("path").asText()).isEqualTo("dimensions[10].column"));
        assertThat(invalid.body().has("totalCuboids")).isFalse();
        assertError(api.post(cubes, badCube), 400, 1003, "dimensions[10].column");
        ObjectNode badEncoding = cube.deepCopy();
        ((ObjectNode) badEncoding.withArray("dimensions").get(1)).put("encoding", "integer:99");
        ApiClient.Response encoding = api.post(cubes + "/validate", badEncoding);
        assertThat(encoding.status()).as("%s", encoding).isEqualTo(200);
        assertThat(encoding.body().path("issues")).singleElement().satisfies(i ->
                assertThat(i.path("path").asText()).isEqualTo("dimensions[1].encoding"));
        assertThat(encoding.body().path("groups")).isEmpty();
        assertError(api.post(cubes, cube.deepCopy().put("model", "nope")), 400, 1001, "model");

        ApiClient.Response created = api.post(cubes, cube);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        long v1 = created.body().path("version").asLong();
        assertThat(created.body().path("segments").asInt()).isZero();
        assertThat(api.get(cubes).body()).extracting(c -> c.path("name").asText()).containsExactly("ad_events");

        String one = cubes + "/ad_events";
        ObjectNode changed = cube.deepCopy();
        ((ArrayNode) changed.path("measures")).remove(2);
        ApiClient.Response updated = api.put(one + "?version=" + v1, changed);
        assertThat(updated.status()).as("%s", updated).isEqualTo(200);
        long v2 = updated.body().path("version").asLong();
        assertThat(v2).isGreaterThan(v1);
        assertThat(updated.body().path("descriptor").path("measures")).hasSize(cube.path("measures").size() - 1);
        assertError(api.put(one + "?version=" + v1, cube), 409, 4002, null);
        assertThat(api.get(one).body().path("version").asLong()).as("a stale update writes nothing").isEqualTo(v2);
        assertError(api.put(one, cube), 400, 1009, "version");
        assertError(api.put(one + "?version=" + v2, cube.deepCopy().put("name", "other")), 400, 1009, "name");
        ApiClient.Response ifMatch = api.send(ApiClient.json(api.request(one), "PUT", cube)
                .header("If-Match", api.get(one).header("ETag")));
        assertThat(ifMatch.status()).as("%s", ifMatch).isEqualTo(200);
        long v3 = ifMatch.body().path("version").asLong();

        assertError(api.delete(models + "/ads?version=" + createdModel.body().path("version").asLong()), 409, 4010,
                null);
        assertError(api.delete("/api/projects/" + ADS + "/tables/ad_event?version=999"), 409, 4002, null);
        long tableVersion = api.get("/api/projects/" + ADS + "/tables/ad_event").body().path("version").asLong();
        assertError(api.delete("/api/projects/" + ADS + "/tables/ad_event?version=" + tableVersion), 409, 4010,
                null);
        assertThat(api.delete(one + "?version=" + v3).status()).isEqualTo(204);
        assertError(api.get(one), 404, 4003, null);
        assertThat(api.delete(models + "/ads?version=" + createdModel.body().path("version").asLong()).status())
                .isEqualTo(204);
    }

    @Test
    void savedQueriesAreKeptPerProjectWithVersions() {
        api.post("/api/projects", Map.of("name", "rest_saved"));
        String base = "/api/projects/rest_saved/queries";
        ApiClient.Response created = api.post(base, Map.of("name", "ctr", "sql", "select 1",
                "chart", Map.of("type", "bar")));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.body().path("chart").path("type").asText()).isEqualTo("bar");
        assertError(api.post(base, Map.of("name", "ctr", "sql", "select 2")), 409, 4002, null);
        assertError(api.post(base, Map.of("name", "ctr2")), 400, 1009, "sql");
        long v = created.body().path("version").asLong();
        ApiClient.Response updated = api.put(base + "/ctr?version=" + v, Map.of("name", "ctr", "sql", "select 2"));
        assertThat(updated.body().path("sql").asText()).isEqualTo("select 2");
        assertError(api.put(base + "/ctr?version=" + v, Map.of("name", "ctr", "sql", "select 3")), 409, 4002, null);
        assertThat(api.get(base).body()).extracting(q -> q.path("name").asText()).containsExactly("ctr");
        assertThat(api.delete(base + "/ctr?version=" + (v + 1)).status()).isEqualTo(204);
        assertError(api.get(base + "/ctr"), 404, 4003, null);
    }

    @Test
    void theHttpExchangeIsGuarded() throws Exception {
        assertError(api.get("/api/nope"), 404, 0, null);
        assertError(api.send(api.request("/api/projects").method("PATCH",
                java.net.http.HttpRequest.BodyPublishers.noBody())), 405, 0, null);
        assertError(api.send(api.request("/api/projects").header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\": \"x\"}"))), 415, 6003, null);
        assertError(api.post("/api/projects", "{\"name\": \"" + "x".repeat(70_000) + "\"}"), 413, 6003, null);
        ApiClient.Response crossSite = api.send(ApiClient.json(api.request("/api/projects"), "POST",
                Map.of("name", "rest_evil")).header("Origin", "http://evil.example"));
        assertError(crossSite, 403, 6003, null);
        assertThat(api.get("/api/projects/rest_evil").status()).isEqualTo(404);
        ApiClient.Response sameSite = api.send(ApiClient.json(api.request("/api/projects"), "POST",
                Map.of("name", "rest_origin")).header("Origin", "http://127.0.0.1:" + server.port()));
        assertThat(sameSite.status()).as("%s", sameSite).isEqualTo(201);
        assertThat(rawStatus("GET /api/health HTTP/1.1\r\nHost: rebound.example:" + server.port()))
                .as("a DNS-rebinding Host is refused").isEqualTo(403);
        assertThat(rawStatus("GET /api/health HTTP/1.1\r\nHost: localhost:" + server.port())).isEqualTo(200);
        assertThat(server.boundAddresses()).allSatisfy(a -> assertThat(a.getAddress().isLoopbackAddress()).isTrue());
    }

    @Test
    void theRootServesTheUiOrSaysWhereTheApiIs() {
        ApiClient.Response root = api.get("/");
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.header("Content-Type")).startsWith("text/html");
        assertThat(root.header("X-Frame-Options")).isEqualTo("DENY");
        ApiClient.Response route = api.get("/jobs/some-job");
        if (server.uiPackaged()) {
            assertThat(route.status()).isEqualTo(200);
            assertThat(route.text()).isEqualTo(root.text());
        } else {
            assertThat(root.text()).contains("/api/openapi.json").contains("not packaged");
            assertThat(route.status()).isEqualTo(404);
        }
        assertThat(api.get("/missing.js").status()).isEqualTo(404);
        assertThat(api.get("/%2e%2e/%2e%2e/etc/passwd").status()).isIn(400, 404);
    }

    private static int rawStatus(String requestHead) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write((requestHead + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                    StandardCharsets.US_ASCII));
            String status = in.readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }
}
