package com.hirerelay.host.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.api.UserRole;
import com.hirerelay.host.testing.RunningHost;
import com.hirerelay.host.testing.RunningHostExtension;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium per test class, driven through Debian's chromedriver, pointed at the class's test host.
 * Register both as static fields:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RunningHostExtension host = RunningHostExtension.perClass().connected();
 * @RegisterExtension
 * static final Browser browser = new Browser(host);
 * }</pre>
 *
 * The browser starts before the class's {@code @BeforeAll}, quits after the class, and a failing test leaves a
 * screenshot (and the page source) in {@code target/ui-screenshots/<Class>.<test>-FAILED.png}.
 *
 * <p>Both the browser binary and the driver are given explicitly, so Selenium Manager is never asked to find or
 * download anything. A machine without them fails the tests with a message saying how to install them.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, TestExecutionExceptionHandler {

    public static final String CHROMIUM = System.getProperty("ui.chromium", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getProperty("ui.chromedriver", "/usr/bin/chromedriver");
    public static final Duration WAIT = Duration.ofSeconds(10);
    public static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");

    private final RunningHostExtension host;
    private ChromeDriver driver;
    private String testName = "unnamed";

    /** A browser of that test host; it asks the host for its address on every {@link #open}. */
    public Browser(RunningHostExtension host) {
        // Static fields initialise in order: a Browser declared above its host would get null here.
        this.host = Objects.requireNonNull(host, "declare the RunningHostExtension field above the Browser field");
    }

    // ---- lifecycle ----

    @Override
    public void beforeAll(ExtensionContext context) {
        testName = context.getRequiredTestClass().getSimpleName();
        deleteOldScreenshots(testName);
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        try {
            screenshot(context.getRequiredTestClass().getSimpleName() + "."
                    + context.getRequiredTestMethod().getName() + "-FAILED");
        } catch (RuntimeException e) {
            throwable.addSuppressed(e);
        }
        throw throwable;
    }

    /** Starts the browser; fails (never skips) when Chromium or its driver is missing. */
    public void start() {
        if (driver != null) {
            return;
        }
        for (String binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(Path.of(binary))) {
                throw new IllegalStateException(
                        "The browser tests need " + binary + " (Debian packages chromium and "
                                + "chromium-driver). Install them with .ci/install-test-deps or `apt-get install chromium chromium-driver`.");
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,900",
                "--hide-scrollbars");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    private static void deleteOldScreenshots(String prefix) {
        if (!Files.isDirectory(SCREENSHOTS)) {
            return;
        }
        try (var files = Files.list(SCREENSHOTS)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(prefix + ".")
                            || f.getFileName().toString().startsWith(prefix + "-"))
                    .toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void stop() {
        if (driver != null) {
            try {
                driver.quit();
            } finally {
                driver = null;
            }
        }
    }

    /** The widths every screen is checked and photographed at: a desktop and a phone (iPhone 12 to 15). */
    public static final int WIDE = 1400;

    public static final int NARROW = 390;

    /** A tablet in portrait, where the tables are still tables, and the narrowest phone the layout supports. */
    public static final int TABLET = 768;

    public static final int SMALLEST = 360;

    /** Sets the window to that width (and a height to match), as a person's screen would be. */
    public void resize(int width) {
        // Device metrics rather than the window size: a headless window has a minimum width, a viewport has none.
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                java.util.Map.of(
                        "width", width, "height", width >= 1000 ? 1000 : 844, "deviceScaleFactor", 1, "mobile", false));
        waitFor("window " + width + " px wide", d -> ((Number) js("return window.innerWidth;")).intValue() == width);
    }

    /** Back to the window's own size. */
    public void resetSize() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
    }

    /**
     * Checks the screen shown now with axe-core at both widths and saves
     * {@code target/ui-screenshots/screen-<name>-1400.png} and {@code -390.png}; checks its layout at a tablet's
     * and the smallest phone's width too; then goes back to the window's own size.
     */
    public void checkScreen(String name) {
        for (int width : new int[] {WIDE, NARROW}) {
            resize(width);
            AxeCheck.assertNoSeriousViolations(this, name + " at " + width + " px");
            assertFitsItsWidth(name, width);
            screen(name + "-" + width);
        }
        for (int width : new int[] {TABLET, SMALLEST}) {
            resize(width);
            assertFitsItsWidth(name, width);
        }
        resetSize();
    }

    /**
     * Neither the page nor a table scrolls sideways, and every ⋯ (row menus, the candidate page's) lies within
     * the window's width: a ⋯ in a table scrolled sideways is out of reach for a person who does not know to
     * scroll it.
     */
    private void assertFitsItsWidth(String name, int width) {
        assertThat(js("return document.documentElement.scrollWidth <= window.innerWidth + 1;"))
                .as("%s at %d px has no sideways scrolling", name, width)
                .isEqualTo(true);
        assertThat(
                        js(
                                "return [...document.querySelectorAll('.table-wrap')]"
                                        + ".filter((t) => t.scrollWidth > t.clientWidth + 1).map((t) => t.querySelector('table')?.getAttribute('data-testid'));"))
                .as("%s at %d px: tables that scroll sideways", name, width)
                .asList()
                .isEmpty();
        assertThat(js("return [...document.querySelectorAll(\"[data-testid='row-menu-button']\")]"
                        + ".filter((b) => b.getClientRects().length > 0)"
                        + ".filter((b) => { const r = b.getBoundingClientRect();"
                        + " return r.left < 0 || r.right > document.documentElement.clientWidth; })"
                        + ".map((b) => b.id || b.getAttribute('aria-label'));"))
                .as("%s at %d px: ⋯ buttons beyond the window's edge", name, width)
                .asList()
                .isEmpty();
    }

    public WebDriver driver() {
        return driver;
    }

    // ---- navigation and session ----

    /** Opens {@code #<hashPath>} of the host, e.g. {@code "/candidates?status=HIRED"}. */
    public void open(String hashPath) {
        String base = host.baseUri().toString().replaceAll("/+$", "");
        driver.get(base + "/#" + hashPath);
    }

    /** Loads the app with a fresh session and signs in through the sign-in form as the seeded user of the role. */
    public void signIn(UserRole role) {
        showSignIn();
        WebElement email = waitVisible(testId("login-email"));
        email.clear();
        email.sendKeys(RunningHost.email(role));
        WebElement password = byTestId("login-password");
        password.clear();
        password.sendKeys(RunningHost.password(role));
        byTestId("login-submit").click();
        waitFor(ExpectedConditions.visibilityOfElementLocated(testId("current-user")));
    }

    /** Loads the app with no session: the sign-in form shows. */
    public WebElement showSignIn() {
        open("/candidates");
        driver.manage().deleteAllCookies();
        driver.navigate().refresh();
        return waitVisible(testId("login-form"));
    }

    // ---- finding things ----

    public static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    public static By testId(String id, String dataAttribute, String value) {
        return By.cssSelector("[data-testid='" + id + "'][data-" + dataAttribute + "='" + value + "']");
    }

    /** Waits until an element with that data-testid is present, and returns it. */
    public WebElement byTestId(String id) {
        return waitFor(ExpectedConditions.presenceOfElementLocated(testId(id)));
    }

    /** The elements with that data-testid present now (no waiting). */
    public List<WebElement> allByTestId(String id) {
        return driver.findElements(testId(id));
    }

    public static List<WebElement> within(SearchContext scope, String id) {
        return scope.findElements(testId(id));
    }

    public WebElement waitVisible(By by) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public WebElement waitClickable(By by) {
        return waitFor(ExpectedConditions.elementToBeClickable(by));
    }

    public <T> T waitFor(Function<? super WebDriver, T> condition) {
        return newWait().until(condition);
    }

    public <T> T waitFor(String description, Function<? super WebDriver, T> condition) {
        return newWait().withMessage(description).until(condition);
    }

    private WebDriverWait newWait() {
        WebDriverWait w = new WebDriverWait(driver, WAIT);
        w.ignoring(StaleElementReferenceException.class);
        return w;
    }

    /** Opens the ellipsis menu behind that button and returns its items (appended to the page body). */
    public List<WebElement> openMenu(WebElement menuButton) {
        menuButton.click();
        waitFor("menu open", d -> "true".equals(menuButton.getAttribute("aria-expanded")));
        return waitFor("menu items", d -> {
            List<WebElement> items = d.findElements(By.cssSelector(".menu[role=menu] [data-testid='menu-item']"));
            return items.isEmpty() ? null : items;
        });
    }

    /** Closes an open ellipsis menu with Escape. */
    public void closeMenu() {
        driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ESCAPE);
        waitFor(
                "menu closed",
                d -> d.findElements(By.cssSelector(".menu[role=menu]")).isEmpty());
    }

    /** Waits until no modal dialog is open. */
    public void waitNoModal() {
        waitFor(
                "no modal open",
                d -> d.findElements(By.cssSelector(".modal-backdrop")).isEmpty());
    }

    public static ExpectedCondition<Boolean> textContains(By by, String text) {
        return ExpectedConditions.textToBePresentInElementLocated(by, text);
    }

    public void selectByValue(WebElement select, String value) {
        new Select(select).selectByValue(value);
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** A calendar day as the app shows it in this browser's language, e.g. "Apr 1, 2027" for 2027-04-01. */
    public String dayText(String isoDay) {
        return (String) js(
                "const [y, m, d] = arguments[0].split('-').map(Number);"
                        + " return new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeZone: 'UTC'})"
                        + ".format(new Date(Date.UTC(y, m - 1, d)));",
                isoDay);
    }

    public String pageSource() {
        return driver.getPageSource();
    }

    /** The visible text of every element with that data-testid. */
    public List<String> texts(String id) {
        return allByTestId(id).stream().map(WebElement::getText).collect(Collectors.toList());
    }

    // ---- evidence ----

    /** Saves {@code target/ui-screenshots/<name>.png} and the page's DOM as {@code <name>.html}. */
    public Path screenshot(String name) {
        if (driver == null) {
            return null;
        }
        try {
            Files.createDirectories(SCREENSHOTS);
            String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
            Path png = SCREENSHOTS.resolve(safe + ".png");
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), png, StandardCopyOption.REPLACE_EXISTING);
            Object dom = js("return document.documentElement.outerHTML;");
            Files.writeString(SCREENSHOTS.resolve(safe + ".html"), String.valueOf(dom));
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A screenshot of one screen of the app for people to look at, named after the screen rather than the test:
     * {@code target/ui-screenshots/screen-<name>.png}, e.g. {@code screen-03-candidate-page.png}.
     */
    public void screen(String name) {
        screenshot("screen-" + name);
    }

    /** A screenshot at a key step, named after the test class: {@code <Class>-<step>.png}. */
    public void step(String step) {
        screenshot(testName + "-" + step);
    }
}
