package com.hirerelay.host.plugins;

import static com.hirerelay.api.UserRole.ADMIN;
import static com.hirerelay.api.UserRole.RECRUITER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.PluginJarBuilder;
import com.hirerelay.host.testing.RawHttp;
import com.hirerelay.host.testing.RunningHostExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken plugins installed through the admin API never take the host down: the host keeps serving,
 * Factorial keeps working, and admins see which plugin failed and why.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PluginAdminApiTest {

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass().connected();

    @TempDir
    Path jars;

    ApiClient admin;

    @BeforeAll
    void signIn() {
        admin = host.signIn(ADMIN);
    }

    private ApiClient.Answer upload(Path jar) throws IOException {
        return admin.send("POST", "/api/plugins", Files.readAllBytes(jar), true);
    }

    private void assertFactorialStillWorks() {
        var candidates = host.signIn(RECRUITER).get("/api/candidates?status=HIRED&pageSize=3");
        assertThat(candidates.status()).isEqualTo(200);
        assertThat(candidates.json().get("items").get(0).get("menu").toString()).contains("Export to FactorialHr");
        JsonNode factorial = plugin("factorial");
        assertThat(factorial.get("status").asText()).isEqualTo("STARTED");
    }

    private JsonNode plugin(String id) {
        for (JsonNode plugin : admin.get("/api/plugins").json()) {
            if (plugin.get("id").asText().equals(id)) {
                return plugin;
            }
        }
        throw new AssertionError(
                "no plugin " + id + " in " + admin.get("/api/plugins").body());
    }

    @Test
    void aJarThatIsNotAPluginIsRefusedWithReasons() throws IOException {
        Path junk = Files.write(jars.resolve("junk.jar"), new byte[] {'n', 'o', 't', ' ', 'a', ' ', 'z', 'i', 'p'});
        var answer = upload(junk);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
        assertThat(answer.json().get("code").asText()).isEqualTo("plugin_rejected");
        assertThat(answer.json().get("fieldErrors")).isNotEmpty();
        assertFactorialStillWorks();
    }

    @Test
    void anIncompatiblePluginRequiresIsRefusedWithAClearMessage() throws IOException {
        Path jar = PluginHostTest.workingPlugin("future-hr", "future")
                .manifest("Plugin-Requires", ">=2.0.0")
                .writeTo(jars);
        var answer = upload(jar);
        assertThat(answer.status()).as(answer.toString()).isIn(201, 422);
        String text =
                answer.status() == 422 ? answer.body() : plugin("future-hr").toString();
        assertThat(text).as("the reason names the version range").contains("2.0.0");
        if (answer.status() == 201) {
            assertThat(plugin("future-hr").get("status").asText()).isNotEqualTo("STARTED");
        }
        assertFactorialStillWorks();
    }

    @Test
    void aConnectorThatThrowsIsMarkedFailedWithItsReason() throws IOException {
        String pkg = "test.throwing";
        Path jar = PluginJarBuilder.plugin("throwing-hr")
                .source(
                        pkg + ".TestConnector",
                        PluginHostTest.connectorSource(
                                pkg,
                                "throwing",
                                "throw new IllegalStateException(\"broken on purpose\");",
                                "return null;"),
                        true)
                .writeTo(jars);
        var answer = upload(jar);
        assertThat(answer.status()).as(answer.toString()).isIn(201, 422);
        JsonNode plugin = plugin("throwing-hr");
        assertThat(plugin.toString()).as("admins see why").contains("broken on purpose");
        assertThat(admin.get("/api/integrations").status()).isEqualTo(200);
        assertFactorialStillWorks();
    }

    @Test
    void aFailedPluginIsReplacedByUploadingAFixedVersionAndNoStrayJarIsLeft() throws IOException {
        Path broken = PluginHostTest.pluginWithLifecycle(
                        "mending-hr", "mending", "throw new IllegalStateException(\"broken start\");", "")
                .writeTo(jars.resolve("broken"));
        var first = upload(broken);
        assertThat(first.status()).as(first.toString()).isIn(201, 422);
        assertThat(plugin("mending-hr").get("status").asText()).isEqualTo("FAILED");

        Path fixed = PluginHostTest.workingPlugin("mending-hr", "mending")
                .manifest("Plugin-Version", "1.0.1")
                .writeTo(jars.resolve("fixed"));
        var second = upload(fixed);

        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        JsonNode replaced = plugin("mending-hr");
        assertThat(replaced.get("status").asText()).as(replaced.toString()).isEqualTo("STARTED");
        assertThat(replaced.get("version").asText()).isEqualTo("1.0.1");
        try (var files = Files.list(host.pluginsDir())) {
            assertThat(files.map(f -> f.getFileName().toString())
                            .filter(name -> name.startsWith("mending"))
                            .toList())
                    .as("only the fixed version's jar is in the plugins folder")
                    .singleElement()
                    .asString()
                    .contains("1.0.1");
        }
        assertFactorialStillWorks();
    }

    @Test
    void aMenuRuleThatHangsIsCutOffAndTheListIsStillServed() throws IOException {
        String pkg = "test.hanging";
        String menu = """
                package test.hanging;
                import com.hirerelay.api.menu.*;
                import java.util.Set;
                @org.pf4j.Extension
                public class HangingMenu implements ExportMenuContribution {
                    public MenuItem menuItem() {
                        return new MenuItem("export-hanging", "Export to Hanging HR", "hanging",
                                Set.of(MenuPlacement.CANDIDATE_LIST_ROW), MenuItem.EXPORTING_ROLES, 200);
                    }
                    public boolean isVisible(MenuContext context) {
                        try { Thread.sleep(60_000); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                        return true;
                    }
                }
                """;
        Path jar = PluginHostTest.workingPlugin("hanging-hr", "hanging")
                .source(pkg + ".HangingMenu", menu, true)
                .writeTo(jars);
        var answer = upload(jar);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        long started = System.nanoTime();
        var list = host.signIn(RECRUITER).get("/api/candidates?status=HIRED&pageSize=2");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain("Export to Hanging HR");
        assertThat((System.nanoTime() - started) / 1_000_000_000)
                .as("seconds to serve the list")
                .isLessThan(30);
        assertThat(admin.delete("/api/plugins/hanging-hr").status()).isEqualTo(204);
        assertFactorialStillWorks();
    }

    @Test
    void disablingAndEnablingAPluginTakesItsMenusAwayAndBack() {
        assertThat(admin.post("/api/plugins/factorial/disable", null).status()).isEqualTo(200);
        var list = host.signIn(RECRUITER).get("/api/candidates?status=HIRED&pageSize=2");
        assertThat(list.body()).doesNotContain("Export to FactorialHr");
        assertThat(admin.post("/api/plugins/factorial/enable", null).status()).isEqualTo(200);
        assertFactorialStillWorks();
    }

    private RawHttp.Answer rawUpload(RawHttp raw, String fileName, Map<String, String> extraHeaders, byte[] body) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Cookie", admin.cookieHeader());
        headers.put("X-CSRF-Token", admin.csrfToken());
        headers.put("Content-Type", "application/java-archive");
        if (fileName != null) {
            headers.put("X-File-Name", fileName);
        }
        headers.putAll(extraHeaders);
        return raw.send(RawHttp.request("POST", "/api/plugins", headers, body));
    }

    @Test
    void aZipBombIsRefusedWithTheEntryNamedAndTheHostCarriesOn() throws IOException {
        Path bomb = PluginHostTest.workingPlugin("bomb", "bomb")
                .withoutExtensionIndex()
                .filledEntry("META-INF/extensions.idx", 64L << 20)
                .writeTo(jars.resolve("bomb"));

        var answer = upload(bomb);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
        assertThat(answer.json().get("code").asText()).isEqualTo("plugin_rejected");
        assertThat(answer.json().get("fieldErrors").get(0).get("message").asText())
                .contains("META-INF/extensions.idx", "unpacks to more than");
        try (var files = Files.list(host.pluginsDir())) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("bomb")))
                    .as("nothing of the bomb in the plugins folder")
                    .isEmpty();
        }
        assertFactorialStillWorks();
    }

    @Test
    void aPluginThatWouldEndTheJvmIsRefused() throws IOException {
        Path exits = PluginHostTest.workingPlugin("quitter", "quitter")
                .source(
                        "test.quitter.Shutdown",
                        "package test.quitter; public class Shutdown { public static void now() { System.exit(1); } }",
                        false)
                .writeTo(jars.resolve("quitter"));

        var answer = upload(exits);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
        assertThat(answer.body()).contains("java.lang.System.exit", "test.quitter.Shutdown");
        assertFactorialStillWorks();
    }

    @Test
    void anUploadLargerThanTheLimitIsRefusedBeforeItsBodyIsRead() {
        try (RawHttp raw = new RawHttp(host.baseUri())) {
            byte[] request = RawHttp.request(
                    "POST",
                    "/api/plugins",
                    Map.of(
                            "Cookie", admin.cookieHeader(),
                            "X-CSRF-Token", admin.csrfToken(),
                            "Content-Type", "application/java-archive",
                            "Content-Length", Long.toString(60L << 20)),
                    new byte[0]);
            // only the head is sent: the answer comes without waiting for 60 MiB
            RawHttp.Answer answer = raw.send(request);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(413);
            assertThat(answer.text()).contains("\"code\":\"too_large\"", "50 MiB");
        }
    }

    @Test
    void oddFileNamesAreFieldErrors() throws IOException {
        byte[] jar = Files.readAllBytes(
                PluginHostTest.workingPlugin("named", "named").writeTo(jars.resolve("named")));
        List<String> wrong = new java.util.ArrayList<>();
        try (RawHttp raw = new RawHttp(host.baseUri())) {
            for (String name : List.of(
                    "%zz.jar",
                    "..%2F..%2Fetc%2Fpasswd.jar",
                    "C%3A%5Cplugins%5Cx.jar",
                    "a%00b.jar",
                    "%1B%5B31mred.jar",
                    "..",
                    "x".repeat(300) + ".jar",
                    "%ED%A0%80.jar")) {
                RawHttp.Answer answer = rawUpload(raw, name, Map.of(), jar);
                if (answer.status() != 422 || !answer.text().contains("\"field\":\"X-File-Name\"")) {
                    wrong.add(name.substring(0, Math.min(40, name.length())) + " -> " + answer);
                }
            }
            assertThat(wrong).as("file names not refused as a field error").isEmpty();
            RawHttp.Answer plain = rawUpload(raw, "named%20plugin.jar", Map.of(), jar);
            assertThat(plain.status()).as("a plain name with a space: " + plain).isEqualTo(201);
        }
        try (var files = Files.list(host.pluginsDir())) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("named"))
                            .count())
                    .as("only the accepted upload was stored")
                    .isEqualTo(1);
        }
    }
}
