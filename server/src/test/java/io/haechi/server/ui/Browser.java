package io.haechi.server.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's chromium and chromium-driver) driven through Selenium, with what the UI tests need:
 * waiting for conditions, reading the browser console and writing screenshots.
 *
 * <p>The flags are the ones this machine needs (java-maven.md): no sandbox as root, and no background networking,
 * component updates or sync, since every connection outside loopback is refused here.
 */
final class Browser implements AutoCloseable {
    static final String CHROMIUM = System.getProperty("haechi.test.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("haechi.test.chromedriver", "/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path screenshots;
    private final Path profile;
    private final Path downloads;
    private final List<String> console = new ArrayList<>();

    private Browser(ChromeDriver driver, Path screenshots, Path profile, Path downloads) {
        this.driver = driver;
        this.screenshots = screenshots;
        this.profile = profile;
        this.downloads = downloads;
    }

    static {
        // Selenium looks for a DevTools binding matching Chromium's version and warns when it has none; the tests
        // use only WebDriver calls, so the warning is noise.
        java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
    }

    static Browser start(Path screenshots) throws IOException {
        for (String exe : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(Path.of(exe))) {
                throw new IllegalStateException(exe + " is missing: the UI tests need the Debian packages chromium and "
                        + "chromium-driver (listed in .ci/test-packages; ./test.sh installs them when run as root)");
            }
        }
        Files.createDirectories(screenshots);
        Path profile = Files.createTempDirectory("haechi-chromium-");
        Path downloads = Files.createDirectories(profile.resolve("downloads"));
        ChromeOptions options = new ChromeOptions();
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--disable-dev-shm-usage", "--mute-audio",
                "--window-size=1440,1000", "--lang=en-US", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort()
                .withEnvironment(Map.of("SE_AVOID_STATS", "true")).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Browser(driver, screenshots, profile, downloads);
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** Waits (up to {@code seconds}) until the condition gives a non-null, non-false value, and returns it. */
    <T> T await(String what, int seconds, Function<WebDriver, T> condition) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(100));
        wait.withMessage(what);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        wait.ignoring(org.openqa.selenium.NoSuchElementException.class);
        return wait.until(condition);
    }

    /** The visible element matching {@code by}, once there is one. */
    WebElement visible(By by, int seconds) {
        return await("visible: " + by, seconds, d -> d.findElements(by).stream().filter(WebElement::isDisplayed)
                .findFirst().orElse(null));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** The folder downloads land in. */
    Path downloads() {
        return downloads;
    }

    /** Writes a PNG of the viewport to the screenshots folder and returns its path. */
    Path screenshot(String name) throws IOException {
        Path file = screenshots.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /** Console messages at SEVERE (errors, failed requests) since the last call, kept for {@link #consoleErrors}. */
    List<String> drainConsole() {
        List<String> severe = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            console.add(e.getLevel() + " " + e.getMessage());
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                severe.add(e.getMessage());
            }
        }
        return severe;
    }

    /** Every console line read so far (for a failure message). */
    List<String> consoleSoFar() {
        return List.copyOf(console);
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
