package io.haechi.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The UI as a user sees it: fields found by their label, buttons and links by their text, and a check after every
 * step that the browser console has no error.
 */
final class Ui {
    private final Browser browser;
    private final String base;

    Ui(Browser browser, String base) {
        this.browser = browser;
        this.base = base;
    }

    Browser browser() {
        return browser;
    }

    void open(String path) {
        browser.open(base + path);
    }

    String path() {
        return browser.driver().getCurrentUrl().substring(base.length());
    }

    void awaitPath(String expected, int seconds) {
        browser.await("the page " + expected + " (at " + path() + ")", seconds, d -> path().startsWith(expected));
    }

    /** The control whose label reads {@code label}, inside the element matched by {@code scope} (or anywhere). */
    WebElement field(String label) {
        return field(By.tagName("body"), label);
    }

    WebElement field(By scope, String label) {
        WebElement l = browser.visible(new ByChained(scope, By.xpath(".//label[normalize-space()=" + quote(label) + "]")), 20);
        return browser.find(By.id(l.getAttribute("for")));
    }

    void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    void typeInto(String label, String text) {
        type(field(label), text);
    }

    void choose(String label, String value) {
        choose(field(label), value);
    }

    void choose(WebElement select, String value) {
        browser.await("option " + value, 20, d -> new Select(select).getOptions().stream()
                .anyMatch(o -> value.equals(o.getAttribute("value"))));
        new Select(select).selectByValue(value);
    }

    WebElement button(String text) {
        return button(By.tagName("body"), text);
    }

    WebElement button(By scope, String text) {
        By by = new ByChained(scope, By.xpath(".//button[normalize-space()=" + quote(text) + "]"));
        return browser.await("an enabled button '" + text + "'", 30,
                d -> d.findElements(by).stream().filter(b -> b.isDisplayed() && b.isEnabled()).findFirst().orElse(null));
    }

    void click(String buttonText) {
        button(buttonText).click();
    }

    void clickLink(String text) {
        By by = By.xpath("//a[normalize-space()=" + quote(text) + "]");
        browser.await("a link '" + text + "'", 20, ExpectedConditions.elementToBeClickable(by)).click();
    }

    /** The text of the element matched by {@code by} once {@code wanted} says it is right. */
    String awaitText(By by, int seconds, java.util.function.Predicate<String> wanted, String what) {
        return browser.await(what, seconds, d -> {
            List<WebElement> found = d.findElements(by);
            if (found.isEmpty()) {
                return null;
            }
            String text = found.get(0).getText();
            return wanted.test(text) ? text : null;
        });
    }

    void pressEnter(WebElement input) {
        input.sendKeys(Keys.ENTER);
    }

    /** {@link #checkpoint(String)} with {@code focus} scrolled to the middle of the viewport first. */
    Path checkpoint(String screenshot, By focus) throws IOException {
        browser.script("arguments[0].scrollIntoView({block: 'center'});", browser.find(focus));
        return checkpoint(screenshot);
    }

    /** Asserts the console had no error since the last check, screenshots the page and returns the file. */
    Path checkpoint(String screenshot) throws IOException {
        Path shot = browser.screenshot(screenshot);
        assertThat(browser.drainConsole()).as("browser console errors up to '%s' (console so far: %s)", screenshot,
                browser.consoleSoFar()).isEmpty();
        return shot;
    }

    static String quote(String s) {
        if (!s.contains("'")) {
            return "'" + s + "'";
        }
        return "concat('" + s.replace("'", "', \"'\", '") + "')";
    }

    /** By inside By (Selenium's support ByChained without its deprecation). */
    static final class ByChained extends By {
        private final By outer;
        private final By inner;

        ByChained(By outer, By inner) {
            this.outer = outer;
            this.inner = inner;
        }

        @Override
        public List<WebElement> findElements(org.openqa.selenium.SearchContext context) {
            return outer.findElements(context).stream().flatMap(e -> inner.findElements(e).stream()).toList();
        }

        @Override
        public String toString() {
            return outer + " > " + inner;
        }
    }
}
