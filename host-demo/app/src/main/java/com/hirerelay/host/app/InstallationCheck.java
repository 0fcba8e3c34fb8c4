package com.hirerelay.host.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hirerelay.api.UserRole;
import com.hirerelay.api.hris.ExportOutcome;
import com.hirerelay.host.auth.SessionFilter;
import com.hirerelay.host.demo.DemoConnector;
import com.hirerelay.host.demo.DemoSandboxLauncher;
import com.hirerelay.host.demo.DemoSeed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code java -jar host-demo.jar --check}: walks the demo once, end to end, on a throw-away data folder
 * and free ports: the first page, the demo admin's sign-in, the hired candidates, connecting the demo's
 * connector (Factorial, on the embedded sandbox: see {@link DemoConnector}) and exporting one hire. It proves an installation works (the plugin jar loads,
 * SQLite opens, the sandbox answers), and the build runs it to record which classes a start needs in
 * an application class-data archive (see README, "Run the demo").
 */
final class InstallationCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI base;
    private String csrfToken;

    private InstallationCheck(URI base) {
        this.base = base;
    }

    /**
     * @param pluginsDir the plugins folder to load
     * @return what was checked, for the console
     * @throws IllegalStateException naming the step that failed
     */
    static String run(Path pluginsDir) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Path data = Files.createTempDirectory("hirerelay-check");
        try (DemoSandboxLauncher sandbox = DemoSandboxLauncher.start(0);
                HireRelayHost host = HireRelayHost.start(
                        new HostOptions("127.0.0.1", 0, data, pluginsDir, sandbox.settingDefaults(), Map.of()))) {
            new InstallationCheck(host.baseUri()).walk(host, sandbox);
            return "Installation check passed in " + (System.nanoTime() - started) / 1_000_000 + " ms: first page,"
                    + " sign-in, hired candidates, " + DemoConnector.NAME + " connected (embedded sandbox), one hire"
                    + " exported.";
        } finally {
            deleteQuietly(data);
        }
    }

    private void walk(HireRelayHost host, DemoSandboxLauncher sandbox) throws IOException, InterruptedException {
        expect("the first page", send("GET", "/", null), 200);
        DemoSeed.SeededUser admin = host.seededUsers().stream()
                .filter(user -> user.role() == UserRole.ADMIN)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The demo data has no admin"));
        JsonNode session = expect(
                "signing in as " + admin.email(),
                send("POST", "/api/session", Map.of("email", admin.email(), "password", admin.password())),
                200);
        csrfToken = session.path("csrfToken").asText();
        JsonNode hired =
                expect("the hired candidates", send("GET", "/api/candidates?status=HIRED&pageSize=1", null), 200);
        JsonNode first = hired.path("items").path(0);
        if (first.isMissingNode()) {
            throw new IllegalStateException("The demo data has no hired candidate: " + hired);
        }
        expect(
                "connecting " + DemoConnector.NAME,
                send(
                        "POST",
                        "/api/integrations/" + DemoConnector.ID,
                        Map.of("values", DemoConnector.connectFormValues(sandbox.apiKey()))),
                201);
        String exports = "/api/candidates/" + first.path("id").asText() + "/exports/" + DemoConnector.ID;
        expect("the export dialog", send("GET", exports + "/draft", null), 200);
        JsonNode outcome = expect("exporting a hire", send("POST", exports, Map.of("values", Map.of())), 200);
        if (!outcome.path("outcome").asText().equals(ExportOutcome.CREATED.name())) {
            throw new IllegalStateException("Exporting a hire answered " + outcome);
        }
    }

    private HttpResponse<String> send(String method, String path, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (csrfToken != null) {
            request.header(SessionFilter.CSRF_HEADER, csrfToken);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode expect(String step, HttpResponse<String> response, int status) throws IOException {
        if (response.statusCode() != status) {
            throw new IllegalStateException(
                    "Installation check failed at " + step + ": HTTP " + response.statusCode() + " " + response.body());
        }
        String body = response.body();
        return body.isBlank() || !body.strip().startsWith("{") ? JSON.createObjectNode() : JSON.readTree(body);
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary folder; the system cleans it up eventually
        }
    }
}
