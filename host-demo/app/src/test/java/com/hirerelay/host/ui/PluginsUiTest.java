package com.hirerelay.host.ui;

import static com.hirerelay.api.UserRole.ADMIN;
import static com.hirerelay.host.ui.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.BuiltPlugins;
import com.hirerelay.host.testing.PluginJarBuilder;
import com.hirerelay.host.testing.RunningHostExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Settings > Plugins as an admin: the installed Factorial plugin with its id, version, state and extensions; the
 * example plugin uploaded, seen under Integrations, disabled and removed without a restart; a file that is not a
 * jar refused with the reasons.
 */
class PluginsUiTest {

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass();

    @RegisterExtension
    static final Browser browser = new Browser(host);

    private static By row(String pluginId) {
        return testId("plugin-row", "plugin-id", pluginId);
    }

    private static WebElement waitForState(String pluginId, String state) {
        return browser.waitFor("plugin " + pluginId + " " + state, d -> {
            List<WebElement> rows = d.findElements(row(pluginId));
            return !rows.isEmpty()
                            && state.equals(rows.get(0)
                                    .findElement(By.cssSelector("[data-status]"))
                                    .getAttribute("data-status"))
                    ? rows.get(0)
                    : null;
        });
    }

    private static List<String> cells(WebElement row) {
        return Flows.texts(row.findElements(By.tagName("td")));
    }

    private static void openPlugins() {
        browser.waitClickable(testId("nav-settings")).click();
        browser.waitClickable(testId("nav-plugins")).click();
        browser.waitFor(ExpectedConditions.urlContains("#/settings/plugins"));
        browser.waitVisible(testId("plugin-table"));
    }

    private static List<String> pluginJars() throws IOException {
        try (Stream<Path> files = Files.list(host.pluginsDir())) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void adminUploadsTheExamplePluginSeesItUnderIntegrationsDisablesAndRemovesIt() throws IOException {
        assertThat(BuiltPlugins.EXAMPLE_JAR)
                .as("the example plugin jar copied by the build")
                .isRegularFile();
        browser.signIn(ADMIN);
        openPlugins();

        // The Factorial plugin: id, version, state and extensions, as the host reports them
        JsonNode factorialApi = null;
        for (JsonNode p : host.signIn(ADMIN).get("/api/plugins").json()) {
            if (p.get("id").asText().equals("factorial")) {
                factorialApi = p;
            }
        }
        assertThat(factorialApi).isNotNull();
        WebElement factorial = waitForState("factorial", "STARTED");
        List<String> cells = cells(factorial);
        assertThat(cells.get(0)).startsWith("factorial");
        assertThat(cells.get(1)).isEqualTo(factorialApi.get("version").asText()).isNotBlank();
        assertThat(cells.get(3)).isEqualTo("Started");
        assertThat(cells.get(4))
                .contains("Provides:")
                .contains("HRIS connector: factorial")
                .contains("Export menu: export-to-factorial")
                .contains("Settings panel: factorial");
        assertThat(browser.allByTestId("plugin-row")).hasSize(1);
        browser.screen("10-plugins-page");

        // Upload the example plugin through the page's file input: checked, loaded and started without a restart
        browser.byTestId("plugin-upload-input").sendKeys(BuiltPlugins.EXAMPLE_JAR.toString());
        browser.waitClickable(testId("plugin-upload-submit")).click();
        WebElement folder = waitForState("folder-export", "STARTED");
        List<String> folderCells = cells(folder);
        assertThat(folderCells.get(1)).isEqualTo("1.0.0");
        assertThat(folderCells.get(3)).isEqualTo("Started");
        assertThat(folderCells.get(4))
                .contains("HRIS connector: folder-export")
                .contains("Export menu: export-to-folder");
        assertThat(browser.byTestId("plugin-upload-error").isDisplayed()).isFalse();
        assertThat(browser.byTestId("plugin-upload-input").getAttribute("value"))
                .as("the file input is cleared")
                .isEmpty();
        assertThat(waitForState("factorial", "STARTED")).isNotNull();
        browser.step("01-example-plugin-started");

        // Settings > Account > Integrations: a second card in the HRIS section
        browser.waitClickable(testId("nav-integrations")).click();
        WebElement hris = browser.waitVisible(testId("integration-section", "category", "HRIS"));
        List<WebElement> cards = Browser.within(hris, "integration-card");
        assertThat(cards)
                .extracting(c -> c.getAttribute("data-connector-id"))
                .containsExactly("factorial", "folder-export");
        WebElement folderCard = hris.findElement(testId("integration-card", "connector-id", "folder-export"));
        assertThat(folderCard.findElement(By.tagName("h3")).getText()).isEqualTo("Folder export");
        assertThat(folderCard.findElement(testId("integration-status")).getText())
                .isEqualTo("Not connected");
        assertThat(folderCard.findElements(testId("connect-button"))).hasSize(1);
        browser.step("02-integrations-second-hris-card");

        // Disable: the state says so, with the reason, and the card leaves Integrations
        browser.waitClickable(testId("nav-plugins")).click();
        waitForState("folder-export", "STARTED")
                .findElement(testId("plugin-disable"))
                .click();
        WebElement disabled = waitForState("folder-export", "DISABLED");
        assertThat(cells(disabled).get(3)).isEqualTo("Disabled");
        assertThat(cells(disabled).get(4)).contains("disabled by an admin");
        assertThat(disabled.findElements(testId("plugin-enable"))).hasSize(1);
        browser.step("03-example-plugin-disabled");
        browser.waitClickable(testId("nav-integrations")).click();
        browser.waitVisible(testId("integration-card", "connector-id", "factorial"));
        assertThat(browser.allByTestId("integration-card"))
                .extracting(c -> c.getAttribute("data-connector-id"))
                .as("a disabled plugin offers no connector")
                .containsExactly("factorial");

        // Remove, after a confirmation: the row and the jar are gone, Factorial is untouched
        browser.waitClickable(testId("nav-plugins")).click();
        waitForState("folder-export", "DISABLED")
                .findElement(testId("plugin-remove"))
                .click();
        WebElement confirm = browser.waitVisible(testId("confirm-remove-dialog"));
        assertThat(confirm.getText()).contains("folder-export");
        browser.waitClickable(testId("confirm-remove")).click();
        browser.waitNoModal();
        browser.waitFor(
                "folder-export row gone",
                d -> d.findElements(row("folder-export")).isEmpty());
        assertThat(browser.allByTestId("plugin-row"))
                .extracting(r -> r.getAttribute("data-plugin-id"))
                .containsExactly("factorial");
        waitForState("factorial", "STARTED");
        assertThat(pluginJars()).as("plugins folder").noneMatch(name -> name.startsWith("folder-export"));
        browser.step("04-example-plugin-removed");
    }

    @Test
    void aFileThatIsNotAJarIsRefusedWithTheReasons(@TempDir Path tmp) throws IOException {
        byte[] junk = new byte[512];
        new Random(4).nextBytes(junk);
        Path file = Files.write(tmp.resolve("not-a-plugin.txt"), junk);
        List<String> jarsBefore = pluginJars();

        browser.signIn(ADMIN);
        openPlugins();
        browser.byTestId("plugin-upload-input").sendKeys(file.toString());
        browser.waitClickable(testId("plugin-upload-submit")).click();
        WebElement error = browser.waitVisible(testId("plugin-upload-error"));
        assertThat(error.getText())
                .contains("not-a-plugin.txt")
                .contains("refused")
                .contains("not a readable jar");
        assertThat(error.getText().split("not a readable jar", -1))
                .as("the reason is shown once: %s", error.getText())
                .hasSize(2);
        assertThat(browser.waitClickable(testId("plugin-upload-submit")).getText())
                .isEqualTo("Upload plugin");
        browser.step("05-not-a-jar-refused");
        assertThat(browser.allByTestId("plugin-row"))
                .extracting(r -> r.getAttribute("data-plugin-id"))
                .doesNotContain("not-a-plugin");
        assertThat(pluginJars()).as("nothing kept in the plugins folder").isEqualTo(jarsBefore);

        // A jar with several problems: each reason listed once
        Path broken = PluginJarBuilder.plugin("broken-plugin")
                .manifest("Plugin-Version", "one")
                .manifest("Plugin-Requires", ">=9.0.0")
                .withoutExtensionIndex()
                .writeTo(tmp);
        browser.byTestId("plugin-upload-input").sendKeys(broken.toString());
        browser.waitClickable(testId("plugin-upload-submit")).click();
        browser.waitFor(Browser.textContains(testId("plugin-upload-error"), "broken-plugin.jar"));
        WebElement brokenError = browser.byTestId("plugin-upload-error");
        assertThat(brokenError.findElement(By.tagName("div")).getText())
                .isEqualTo("Plugin jar 'broken-plugin.jar' was refused:");
        List<String> reasons = Flows.texts(brokenError.findElements(By.tagName("li")));
        assertThat(reasons)
                .hasSize(3)
                .anySatisfy(r -> assertThat(r).contains("Plugin-Version 'one'"))
                .anySatisfy(r -> assertThat(r).contains("9.0.0"))
                .anySatisfy(r -> assertThat(r).contains("extensions.idx"));
        for (String reason : reasons) {
            assertThat(brokenError.getText().split(java.util.regex.Pattern.quote(reason), -1))
                    .as("shown once: %s", reason)
                    .hasSize(2);
        }
        browser.step("06-broken-jar-refused");
        assertThat(pluginJars()).isEqualTo(jarsBefore);

        // Choosing nothing says so instead of sending
        browser.js("arguments[0].value = '';", browser.byTestId("plugin-upload-input"));
        browser.waitClickable(testId("plugin-upload-submit")).click();
        browser.waitFor(Browser.textContains(testId("plugin-upload-error"), "Choose a .jar file first."));
    }
}
