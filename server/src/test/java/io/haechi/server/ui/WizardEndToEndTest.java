package io.haechi.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.haechi.datagen.OutputFormat;
import io.haechi.datagen.ProgressListener;
import io.haechi.datagen.ads.AdsGenerator;
import io.haechi.datagen.ads.AdsOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The web UI end to end, in headless Chromium against a real server over the in-process HBase and generated ad
 * events, as an analyst would click through it: create a project, register the tables (inferred types and a
 * preview), design the model (inline validation), create a cube in the wizard (the cuboid count drops when a
 * hierarchy is added), build it and watch the job finish, then query it in Insight (served by the cube, rows as
 * DuckDB answers them on the same data) and chart the result. The console must stay free of errors throughout;
 * screenshots go to target/ui-screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WizardEndToEndTest {
    private static final LocalDate FROM = AdsOptions.DEFAULT_START;
    private static final int DAYS = 2;
    private static final String PROJECT = "ui";

    @TempDir
    static Path tmp;

    private static UiServer server;
    private static Browser browser;
    private static Ui ui;
    private static Connection duck;

    /** A failed step leaves a screenshot of where it stopped (FAILED-method.png) beside the others. */
    @RegisterExtension
    static final TestWatcher SCREENSHOT_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                try {
                    browser.screenshot("FAILED-" + context.getRequiredTestMethod().getName());
                } catch (Exception e) {
                    cause.addSuppressed(e);
                }
            }
        }
    };

    @BeforeAll
    static void start() throws Exception {
        Path data = tmp.resolve("data/ads");
        AdsGenerator.generate(new AdsOptions(0.02, DAYS, FROM, data, OutputFormat.AVRO).withThreads(1),
                ProgressListener.NONE);
        Path csv = tmp.resolve("csv");
        AdsGenerator.generate(new AdsOptions(0.02, DAYS, FROM, csv, OutputFormat.CSV).withThreads(1),
                ProgressListener.NONE);
        duck = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = duck.createStatement()) {
            st.execute("create table ad_event as select * from read_csv('" + csv.resolve("ad_event")
                    + "/**/*.csv', header=true, hive_partitioning=false)");
        }
        server = UiServer.start(tmp.resolve("haechi"));
        browser = Browser.start(Path.of("target", "ui-screenshots"));
        ui = new Ui(browser, server.url());
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {browser, server, duck}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private static Path table(String name) {
        return tmp.resolve("data/ads").resolve(name).toAbsolutePath();
    }

    @Test
    @Order(1)
    void createsTheFirstProjectAndRegistersTheTables() throws Exception {
        ui.open("/");
        WebElement name = ui.field("Project name");
        ui.type(name, PROJECT);
        ui.pressEnter(name);
        ui.awaitPath("/p/" + PROJECT + "/tables", 30);

        for (String t : List.of("ad_event", "advertiser", "campaign")) {
            ui.click("Register table");
            WebElement location = ui.field("Location");
            ui.type(location, table(t).toString());
            assertThat(ui.field("Table name").getAttribute("value")).as("name guessed from the location").isEqualTo(t);
            ui.pressEnter(location);
            ui.awaitPath("/p/" + PROJECT + "/tables/" + t, 60);
            By columns = By.cssSelector("table[aria-label='Columns of " + t + "']");
            ui.awaitText(columns, 30, s -> !s.isEmpty(), "the columns of " + t);
        }
        // ad_event's inferred types, and rows in the preview.
        String columns = browser.find(By.cssSelector("table[aria-label='Columns of campaign']")).getText();
        assertThat(columns).contains("campaign_id INT", "start_date DATE", "daily_budget_micros BIGINT");
        ui.clickLink("ad_event");
        String types = ui.awaitText(By.cssSelector("table[aria-label='Columns of ad_event']"), 30,
                s -> s.contains("event_date"), "ad_event's columns");
        assertThat(types).contains("event_date DATE", "user_id BIGINT", "clicks INT");
        List<WebElement> rows = browser.await("preview rows", 30,
                d -> { var r = d.findElements(By.cssSelector("table[aria-label='Rows of ad_event'] tbody tr"));
                    return r.size() > 1 ? r : null; });
        assertThat(rows).hasSizeGreaterThan(10);
        assertThat(browser.find(By.cssSelector("table[aria-label='Rows of ad_event'] thead")).getText())
                .contains("event_date", "DATE");
        ui.checkpoint("01-data-sources");
    }

    @Test
    @Order(2)
    void designsTheModelWithInlineValidation() throws Exception {
        ui.clickLink("Models");
        ui.clickLink("New model");
        ui.typeInto("Model name", "ads");
        ui.choose("Fact table", "ad_event");
        for (String lookup : List.of("advertiser", "campaign")) {
            ui.choose(browser.find(By.id("add-lookup")), lookup);
            ui.click("Add lookup");
        }
        // The key was guessed from the shared *_id column; the join type defaults to LEFT.
        WebElement campaign = browser.visible(By.cssSelector("[role=group][aria-label='Lookup campaign']"), 10);
        assertThat(new org.openqa.selenium.support.ui.Select(ui.field(By.cssSelector("[aria-label='Lookup campaign']"),
                "campaign column")).getFirstSelectedOption().getAttribute("value")).isEqualTo("campaign_id");
        assertThat(campaign.getText()).contains("campaign");
        ui.choose("Partition column", "event_date");
        browser.visible(By.cssSelector("[data-testid=model-valid]"), 30);

        // A filter on a column that does not exist is reported at the filter field as you type, and clears when fixed.
        WebElement filter = ui.field("Filter");
        ui.type(filter, "clickz > 0");
        ui.awaitText(By.cssSelector("[data-testid=model-issues]"), 30, s -> s.contains("unknown column 'clickz'"),
                "a filter issue");
        assertThat(browser.find(By.xpath("//textarea[@id=" + Ui.quote(filter.getAttribute("id"))
                + "]/following-sibling::div[@class='error']")).getText()).contains("clickz");
        assertThat(filter.getAttribute("aria-invalid")).isEqualTo("true");
        filter.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        browser.visible(By.cssSelector("[data-testid=model-valid]"), 30);

        ui.click("Save model");
        ui.awaitPath("/p/" + PROJECT + "/models/ads", 30);
        browser.visible(By.cssSelector("[data-testid=model-valid]"), 30);
        ui.checkpoint("02-model");
    }

    @Test
    @Order(3)
    void createsACubeInTheWizardAndTheCuboidCountFollowsTheGroups() throws Exception {
        ui.clickLink("New cube on it");
        ui.awaitPath("/p/" + PROJECT + "/cubes/new", 10);
        WebElement name = ui.field("Cube name");
        ui.type(name, "ui_cube");
        ui.pressEnter(name); // Enter goes to the next step

        for (String col : List.of("event_date", "advertiser_id", "campaign_id", "region", "city", "device_type")) {
            browser.visible(By.id("dim-ad_event-" + col), 10).click();
        }
        browser.find(By.id("dim-advertiser-vertical")).click(); // a lookup column: derived by default
        ui.awaitText(By.cssSelector("[data-testid=dimension-count]"), 10, s -> s.equals("6 normal, 1 derived"),
                "6 normal and 1 derived dimensions");
        ui.click("Next: Measures");

        addMeasure("SUM", "clicks", null);
        addMeasure("SUM", "impressions - clicks", "non_clicks"); // SUM over an expression
        addMeasure("COUNT_DISTINCT", "user_id", "reach"); // exact distinct
        assertThat(browser.findAll(By.cssSelector("table[aria-label=Measures] tbody tr"))).hasSize(4);
        ui.click("Next: Aggregation groups");

        // The wizard starts with one group over the 6 stored dimensions: 2^6 cuboids.
        By groupCount = By.cssSelector("[data-testid=group-count-0]");
        By total = By.cssSelector("[data-testid=total-cuboids]");
        ui.awaitText(groupCount, 30, s -> s.equals("64 cuboids"), "64 cuboids in group 1");
        ui.awaitText(total, 30, s -> s.equals("64"), "64 cuboids in all");
        ui.checkpoint("03a-groups-before");

        // A region > city hierarchy: 2^4 · 3 = 48.
        ui.click("Add hierarchy");
        WebElement add = browser.visible(By.cssSelector("select[aria-label='Add a dimension to hierarchy 1']"), 10);
        ui.choose(add, "region");
        ui.choose(browser.find(By.cssSelector("select[aria-label='Add a dimension to hierarchy 1']")), "city");
        ui.awaitText(groupCount, 30, s -> s.equals("48 cuboids"), "48 cuboids after the hierarchy");
        ui.awaitText(total, 30, s -> s.equals("48"), "48 cuboids in all after the hierarchy");
        // The date mandatory: half of them.
        browser.find(By.xpath("//div[@aria-label='Mandatory dimensions']/button[normalize-space()='event_date']")).click();
        ui.awaitText(groupCount, 30, s -> s.equals("24 cuboids"), "24 cuboids with a mandatory date");
        ui.checkpoint("03b-groups-after");

        ui.click("Next: Row key");
        // Keyboard reordering: Alt+Up on the third row key entry (campaign_id) moves it before advertiser_id.
        WebElement third = browser.visible(By.id("rk-2"), 10);
        assertThat(third.getText()).startsWith("campaign_id");
        third.sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_UP));
        ui.awaitText(By.id("rk-1"), 10, s -> s.startsWith("campaign_id"), "campaign_id second in the row key");
        ui.click("Next: Overview");

        JsonNode cube = new ObjectMapper().readTree(browser.visible(By.cssSelector("[data-testid=cube-json]"), 10).getText());
        assertThat(cube.get("name").asText()).isEqualTo("ui_cube");
        assertThat(cube.get("aggregationGroups").get(0).get("hierarchies").toString()).isEqualTo("[[\"region\",\"city\"]]");
        assertThat(cube.get("aggregationGroups").get(0).get("mandatory").toString()).isEqualTo("[\"event_date\"]");
        assertThat(cube.get("rowKey").toString())
                .isEqualTo("[\"event_date\",\"campaign_id\",\"advertiser_id\",\"region\",\"city\",\"device_type\"]");
        assertThat(cube.get("measures").toString()).contains("{\"name\":\"non_clicks\",\"function\":\"SUM\","
                + "\"argument\":\"impressions - clicks\"}", "{\"name\":\"reach\",\"function\":\"COUNT_DISTINCT\"");
        assertThat(cube.get("dimensions").toString()).contains("{\"name\":\"vertical\",\"table\":\"advertiser\","
                + "\"column\":\"vertical\",\"derived\":true}");
        ui.awaitText(By.cssSelector("[data-testid=overview-cuboids]"), 10, s -> s.equals("24"), "24 cuboids overview");

        browser.find(By.cssSelector("[data-testid=save-cube]")).click();
        ui.awaitPath("/p/" + PROJECT + "/cubes/ui_cube", 30);
        ui.awaitText(By.cssSelector("aside.summary"), 10, s -> s.contains("Saved, version"), "the cube saved");
        ui.checkpoint("03c-overview");
    }

    private static void addMeasure(String function, String argument, String name) {
        ui.choose("Function", function);
        WebElement arg = browser.find(By.id("new-measure-argument"));
        ui.type(arg, argument);
        if (name != null) {
            ui.typeInto("Name", name);
        }
        int before = browser.findAll(By.cssSelector("table[aria-label=Measures] tbody tr")).size();
        ui.pressEnter(arg);
        browser.await("the measure " + argument + " added", 10,
                d -> d.findElements(By.cssSelector("table[aria-label=Measures] tbody tr")).size() > before);
    }

    @Test
    @Order(4)
    void buildsTheCubeAndTheJobPageFollowsItToTheEnd() throws Exception {
        // The build form proposes the source days no segment holds: all of them, the first time.
        ui.awaitText(By.cssSelector("[data-testid=partitions]"), 30, s -> s.contains("not built yet"), "the source's days");
        assertThat(ui.field("From (first day)").getAttribute("value")).isEqualTo(FROM.toString());
        assertThat(ui.field("To (the day after the last)").getAttribute("value")).isEqualTo(FROM.plusDays(DAYS).toString());
        ui.click("Start build");
        ui.awaitPath("/p/" + PROJECT + "/jobs/", 30);
        By state = By.cssSelector("[data-testid=job-state] [data-state]");
        String end = browser.await("the build to end", 300, d -> {
            var s = d.findElements(state);
            String v = s.isEmpty() ? "" : s.get(0).getAttribute("data-state");
            return v.equals("DONE") || v.equals("FAILED") || v.equals("CANCELLED") ? v : null;
        });
        assertThat(end).as("the job's end state (page: %s)", browser.find(By.tagName("main")).getText()).isEqualTo("DONE");
        assertThat(browser.find(By.cssSelector("[data-testid=job-progress]")).getText()).isEqualTo("100%");
        List<WebElement> steps = browser.findAll(By.cssSelector(".dag g.node"));
        assertThat(steps).hasSizeGreaterThanOrEqualTo(2);
        assertThat(steps).allSatisfy(s -> assertThat(s.getAttribute("data-state")).isEqualTo("DONE"));
        // A step's log.
        steps.get(0).click();
        ui.awaitText(By.cssSelector("[data-testid=job-log]"), 20, s -> !s.equals("no lines yet"), "a step's log");
        ui.checkpoint("04-job");

        ui.clickLink("Jobs");
        WebElement row = browser.visible(By.cssSelector("table[aria-label=Jobs] tbody tr"), 20);
        assertThat(row.getText()).contains("ui_cube", FROM.toString());
        assertThat(row.findElement(By.cssSelector("[data-state]")).getAttribute("data-state")).isEqualTo("DONE");
        ui.checkpoint("05-jobs");
    }

    @Test
    @Order(5)
    void queriesTheCubeInInsightAndChartsTheResult() throws Exception {
        ui.clickLink("Insight");
        String sql = "select region, sum(clicks) as clicks, count(distinct user_id) as reach\nfrom ad_event\n"
                + "group by region\norder by region";
        WebElement editor = browser.visible(By.id("sql-editor"), 20);
        // The page opens with a starter query for the model; replace it.
        browser.await("the starter query", 30, d -> editor.getAttribute("value").startsWith("select ") ? editor : null);
        editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        editor.sendKeys(sql);
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        String served = ui.awaitText(By.cssSelector("[data-testid=served-by]"), 90, s -> !s.isEmpty(),
                "how the query was served");
        assertThat(served).matches("(?s)served by cube ui_cube, cuboid \\([a-z_, ]*region[a-z_, ]*\\) in [0-9.]+ m?s .*");

        List<List<String>> grid = new ArrayList<>();
        for (WebElement tr : browser.findAll(By.cssSelector("table[aria-label='Result rows'] tbody tr"))) {
            grid.add(tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList());
        }
        List<List<String>> expected = new ArrayList<>();
        try (Statement st = duck.createStatement();
                ResultSet rs = st.executeQuery("select region, sum(clicks), count(distinct user_id) from ad_event "
                        + "group by region order by region")) {
            while (rs.next()) {
                expected.add(List.of(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        assertThat(grid).as("the grid, as DuckDB answers on the same rows").isEqualTo(expected).hasSizeGreaterThan(2);
        ui.checkpoint("06-insight-grid", By.cssSelector("[data-testid=served-by]"));

        browser.find(By.xpath("//button[@role='tab'][normalize-space()='Chart']")).click();
        List<WebElement> bars = browser.await("the bar chart", 10, d -> {
            var r = d.findElements(By.cssSelector("[data-testid=chart] rect.bar"));
            return r.isEmpty() ? null : r;
        });
        assertThat(bars).hasSize(2 * expected.size()); // two numeric series: clicks and reach
        ui.checkpoint("07-insight-bar", By.cssSelector("[data-testid=chart]"));
        ui.choose("Chart", "pie");
        List<WebElement> slices = browser.await("the pie chart", 10, d -> {
            var r = d.findElements(By.cssSelector("[data-testid=chart] path.slice"));
            return r.isEmpty() ? null : r;
        });
        // One slice per region with clicks, the largest 7 and "other" when there are more than 8.
        long positive = expected.stream().filter(r -> Long.parseLong(r.get(1)) > 0).count();
        assertThat(slices).hasSize((int) Math.min(positive, 8));
        if (positive > 8) {
            assertThat(browser.find(By.cssSelector("[data-testid=chart] .legend")).getText())
                    .contains("other (" + (positive - 7) + ")");
        }
        ui.checkpoint("08-insight-pie", By.cssSelector("[data-testid=chart]"));

        // CSV export of the same rows, downloaded as a user would.
        browser.find(By.xpath("//a[normalize-space()='Export CSV']")).click();
        Path file = browser.downloads().resolve("result.csv");
        browser.await("the CSV download", 30, d -> java.nio.file.Files.isRegularFile(file) ? file : null);
        List<String> lines = java.nio.file.Files.readAllLines(file);
        assertThat(lines).hasSize(expected.size() + 1);
        assertThat(lines.get(0)).isEqualTo("region,clicks,reach");
        assertThat(lines.subList(1, lines.size())).isEqualTo(expected.stream().map(r -> String.join(",", r)).toList());

        // Saved queries are kept by the server.
        ui.click("Save query…");
        WebElement qname = ui.field("Query name");
        ui.type(qname, "clicks_by_region");
        ui.pressEnter(qname);
        browser.visible(By.xpath("//section[@aria-label='Saved queries']//button[normalize-space()='clicks_by_region']"), 20);
        ui.checkpoint("09-insight-saved");
    }
}
