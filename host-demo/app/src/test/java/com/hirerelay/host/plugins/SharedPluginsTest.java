package com.hirerelay.host.plugins;

import static com.hirerelay.api.UserRole.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.HostProcess;
import com.hirerelay.host.testing.RunningHostExtension;
import com.hirerelay.host.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two host processes on one PostgreSQL database keep one set of plugins: a jar uploaded on one is loaded by the
 * other on its next heartbeat, and disabling or removing it on either takes it away from both. The instances run
 * with a lease of a few seconds ({@code --instance-lease}), so they reconcile every third of a second. Runs in the
 * build's PostgreSQL test run ({@link TestPostgres#selected()}).
 */
class SharedPluginsTest {

    private static final String LEASE_SECONDS = "4";
    // Far above the heartbeat (a third of a second): room for a loaded build machine, never slept through.
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass().connected();

    @TempDir
    Path jars;

    @Test
    void aPluginUploadedOnOneInstanceIsLoadedByTheOtherAndDisablingOrRemovingItOnEitherReachesBoth()
            throws IOException, InterruptedException {
        assumeTrue(TestPostgres.selected(), "several instances need the PostgreSQL store");
        host.stopHost();
        HostProcess first = host.launchProcess("--instance-lease", LEASE_SECONDS);
        HostProcess second = host.launchProcess("--instance-lease", LEASE_SECONDS);
        ApiClient onFirst = first.signIn(ADMIN);
        ApiClient onSecond = onFirst.sameSessionAt(second.baseUri());
        assertThat(plugin(onSecond, "shared-hr"))
                .as("the second instance before the upload")
                .isEmpty();

        Path jar = PluginHostTest.workingPlugin("shared-hr", "shared").writeTo(jars);
        ApiClient.Answer uploaded = onFirst.send("POST", "/api/plugins", Files.readAllBytes(jar), true);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);

        JsonNode loaded = await(
                onSecond,
                "the second instance loads the plugin uploaded on the first",
                found -> found.map(p -> p.get("status").asText().equals("STARTED"))
                        .orElse(false));
        assertThat(loaded.get("extensions").toString())
                .as("the second instance offers the plugin's connector: %s", loaded)
                .contains("HRIS connector: shared");

        ApiClient.Answer disabled = onSecond.post("/api/plugins/shared-hr/disable", null);
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        JsonNode stopped = await(
                onFirst,
                "the first instance disables the plugin disabled on the second",
                found -> found.map(p -> p.get("status").asText().equals("DISABLED"))
                        .orElse(false));
        assertThat(stopped.get("extensions"))
                .as("the first instance no longer offers the plugin's connector: %s", stopped)
                .isEmpty();

        ApiClient.Answer removed = onFirst.delete("/api/plugins/shared-hr");
        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
        await(onSecond, "the second instance removes the plugin removed on the first", Optional::isEmpty);

        first.kill();
        // As if an old deployment had left the removed jar in the folder of an instance started later.
        Files.copy(jar, host.pluginsDir().resolve("shared-hr.jar"));
        HostProcess restarted = host.launchProcess("--instance-lease", LEASE_SECONDS);
        assertThat(plugin(restarted.signIn(ADMIN), "shared-hr"))
                .as("an instance started after the removal, with the removed jar in its folder, does not bring it back")
                .isEmpty();
    }

    private static Optional<JsonNode> plugin(ApiClient admin, String id) {
        ApiClient.Answer list = admin.get("/api/plugins");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        for (JsonNode plugin : list.json()) {
            if (plugin.get("id").asText().equals(id)) {
                return Optional.of(plugin);
            }
        }
        return Optional.empty();
    }

    /** Polls the instance's plugins page until the plugin is as expected; fails at the deadline. */
    private static JsonNode await(ApiClient admin, String what, Predicate<Optional<JsonNode>> expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        Optional<JsonNode> seen = plugin(admin, "shared-hr");
        while (!expected.test(seen) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            seen = plugin(admin, "shared-hr");
        }
        assertThat(expected.test(seen))
                .as("%s within %s; last seen: %s", what, DEADLINE, seen)
                .isTrue();
        return seen.orElse(null);
    }
}
