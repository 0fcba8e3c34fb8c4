package com.hirerelay.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stateful fake of Factorial HR's public REST API (section 8 of the API notes), served over HTTP on loopback
 * by the JDK's {@link HttpServer}. Start one per test (or per test class), point the client at
 * {@link #baseUrl()}, and close it afterwards.
 *
 * <p>The API lives under {@code baseUrl() + "/api/{version}/resources/..."}, where {@code {version}} is any
 * {@code YYYY-MM-DD}. Versions from {@code 2026-07-01} on serialize every {@code id}, {@code *_id} and
 * {@code *_ids} value as a JSON string, older ones as JSON numbers; requests may send ids either way. The seed
 * holds legal entity {@code 18446744073709551}, above 2^53, to catch clients that squeeze ids through a double.
 *
 * <p>Thread-safety: all methods may be called from any thread while requests are served (16 worker threads).
 * Snapshots returned by the inspection methods are copies.
 *
 * <p>The api key is never logged; {@link #requests()} shows it as {@code "[redacted]"}.
 */
public final class FactorialSandbox implements AutoCloseable {

    /** The version whose id mode {@link #employees()} and friends use, as pinned by the official SDK. */
    public static final String DEFAULT_VERSION = "2026-04-01";
    /** The label of the seeded text custom field meant for the ATS reference. */
    public static final String REFERENCE_FIELD_LABEL = SeedData.REFERENCE_FIELD_LABEL;

    /** The largest page the sandbox serves, and the page size {@link #reset()} restores. */
    public static final int MAX_PAGE_SIZE = ApiRouter.MAX_LIMIT;

    private static final Logger LOG = LoggerFactory.getLogger(FactorialSandbox.class);
    private static final Pattern API_PATH = Pattern.compile("^/api/([^/]+)/resources/(.+?)/*$");
    private static final Pattern EMPLOYEE_PAGE = Pattern.compile("^/employees/(\\d{1,40})/?$");
    private static final Pattern VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final String OTHER_ENVIRONMENT_KEY =
            "demo-cluster.eyJjb21wYW55X2lkIjo5OTk5LCJlbnYiOiJkZW1vIn0.b3RoZXItZW52aXJvbm1lbnQ";
    private static final String MALFORMED_BODY =
            "<html><head><title>502</title></head><body>upstream sent an invalid response {\"data\":[</body></html>";
    private static final String REDACTED = "[redacted]";
    private static final Duration WINDOW = Duration.ofSeconds(60);

    private final SandboxConfig config;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Clock clock = Clock.systemUTC();
    private final ApiRouter router;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private final String otherEnvironmentKey;

    private final List<RecordedRequest> requests = new ArrayList<>();
    private final List<FaultSlot> faults = new ArrayList<>();
    private final Map<String, Deque<Instant>> postWindows = new HashMap<>();
    private final AtomicLong rateLimited = new AtomicLong();
    private final java.util.Set<String> retiredVersions = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    /** Set by a fault with {@link Fault#thenOutage()}; every request is answered 503 until faults are cleared. */
    private volatile boolean down;

    private FactorialSandbox(SandboxConfig config) throws IOException {
        this.config = config;
        this.otherEnvironmentKey = config.apiKey().equals(OTHER_ENVIRONMENT_KEY)
                ? OTHER_ENVIRONMENT_KEY + "-other"
                : OTHER_ENVIRONMENT_KEY;
        this.router = new ApiRouter(mapper, clock, seed());
        // Room for load tests: a connection backlog and threads for many clients at once, since each answer may
        // sleep for the configured latency on its thread.
        this.server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 1024);
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "factorial-sandbox-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        InetSocketAddress bound = server.getAddress();
        String host = bound.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        this.baseUrl = "http://" + host + ":" + bound.getPort();
        LOG.info("Factorial sandbox listening on {} ({} seed employees)", baseUrl, config.seedEmployees());
    }

    /** Starts a sandbox with {@link SandboxConfig#defaults()} on a random free port of 127.0.0.1. */
    public static FactorialSandbox start() {
        return start(SandboxConfig.defaults());
    }

    /** Starts a sandbox; throws {@link UncheckedIOException} if the port cannot be bound. */
    public static FactorialSandbox start(SandboxConfig config) {
        try {
            return new FactorialSandbox(config);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot start Factorial sandbox on " + config.host() + ":" + config.port(), e);
        }
    }

    /** E.g. {@code "http://127.0.0.1:41234"}, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The valid {@code x-api-key}. */
    public String apiKey() {
        return config.apiKey();
    }

    /**
     * A key "from the other environment" (demo key on prod): {@code GET api_public/credentials} answers 200 with an
     * empty {@code data} list, every other request 401.
     */
    public String otherEnvironmentKey() {
        return otherEnvironmentKey;
    }

    /** The company the valid key belongs to ({@code "55"}). */
    public String companyId() {
        return SeedData.COMPANY_ID;
    }

    public SandboxConfig config() {
        return config;
    }

    /**
     * Every request received, in the order their responses were decided (recorded just before the response is
     * written, so a client that has its response will find its request here).
     */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public void clearRequests() {
        synchronized (requests) {
            requests.clear();
        }
    }

    /** Queues a fault behind those already queued. */
    public void inject(Fault fault) {
        synchronized (faults) {
            faults.add(new FaultSlot(fault));
        }
    }

    /**
     * How many injected faults no request has met yet: 0 once the request a fault was aimed at has arrived (a
     * delayed request is then being held), so a test can act while it is in flight instead of guessing a time.
     */
    public int pendingFaults() {
        synchronized (faults) {
            return faults.size();
        }
    }

    /** Drops every queued fault and ends an outage started by {@link Fault#thenOutage()}. */
    public void clearFaults() {
        synchronized (faults) {
            faults.clear();
            down = false;
        }
    }

    /**
     * Serves every list in pages of at most {@code size} entries, whatever {@code limit} a client asks for, until
     * {@link #reset()}: makes a client show that it follows every page.
     */
    public void limitPageSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a page holds at least one entry");
        }
        router.pageLimit(size);
    }

    /**
     * Serves each reference list (legal entities, locations, teams, and everyone as managers) with only its first record, until
     * {@link #offerEveryChoice()} or {@link #reset()}: a company that has one choice of each.
     */
    public void offerOnlyTheFirstChoice() {
        router.onlyFirstChoice(true);
    }

    /** Serves every record of the reference lists again, as seeded. */
    public void offerEveryChoice() {
        router.onlyFirstChoice(false);
    }

    /** Stored employees, ascending by id, as {@link #DEFAULT_VERSION} would serve them (numeric ids). */
    public List<Map<String, Object>> employees() {
        SandboxStore s = router.store();
        synchronized (s) {
            return served(new ArrayList<>(s.employees.values()));
        }
    }

    /** The ids of the teams whose members include the employee, ascending (a team is not a field of the employee). */
    public List<String> teamIdsOf(String employeeId) {
        SandboxStore s = router.store();
        synchronized (s) {
            return s.teams.values().stream()
                    .filter(team -> ((List<?>) team.get("employee_ids")).contains(employeeId))
                    .map(team -> String.valueOf(team.get("id")))
                    .sorted()
                    .toList();
        }
    }

    /** The employee whose email, login_email or personal_email equals {@code email}, ignoring case. */
    public Optional<Map<String, Object>> employeeByEmail(String email) {
        SandboxStore s = router.store();
        synchronized (s) {
            return s.employeeByEmail(email).map(e -> served(List.of(e)).get(0));
        }
    }

    /** Contract versions of one employee (id as digits), ascending by id. */
    public List<Map<String, Object>> contractVersions(String employeeId) {
        SandboxStore s = router.store();
        String id = Ids.fromText(employeeId).orElse("");
        synchronized (s) {
            return served(s.contractVersions.values().stream()
                    .filter(c -> id.equals(c.get("employee_id")))
                    .toList());
        }
    }

    /** Custom-field values stored for one employee (id as digits), ascending by id. */
    public List<Map<String, Object>> customFieldValues(String employeeId) {
        SandboxStore s = router.store();
        String id = Ids.fromText(employeeId).orElse("");
        synchronized (s) {
            return served(s.customFieldValues.values().stream()
                    .filter(v -> id.equals(v.get("valuable_id")))
                    .toList());
        }
    }

    /** Documents in one employee's file (id as digits), ascending by id, as the API serves them. */
    public List<Map<String, Object>> documents(String employeeId) {
        SandboxStore s = router.store();
        String id = Ids.fromText(employeeId).orElse("");
        synchronized (s) {
            return served(s.documents.values().stream()
                    .filter(d -> id.equals(d.get("employee_id")))
                    .toList());
        }
    }

    /** The bytes uploaded as this document, when there is one. */
    public Optional<byte[]> documentBytes(String documentId) {
        SandboxStore s = router.store();
        synchronized (s) {
            return Optional.ofNullable(
                            s.documentBytes.get(Ids.fromText(documentId).orElse("")))
                    .map(byte[]::clone);
        }
    }

    /** The document folders, ascending by id. */
    public List<Map<String, Object>> folders() {
        SandboxStore s = router.store();
        synchronized (s) {
            return served(new ArrayList<>(s.folders.values()));
        }
    }

    /** The custom fields, ascending by id. */
    public List<Map<String, Object>> customFields() {
        SandboxStore s = router.store();
        synchronized (s) {
            return served(new ArrayList<>(s.customFields.values()));
        }
    }

    /** Removes the custom field with this label and its values, as an account that never had it. */
    public void removeCustomField(String label) {
        SandboxStore s = router.store();
        synchronized (s) {
            List<String> ids = s.customFields.values().stream()
                    .filter(f -> label.equals(f.get("label_text")))
                    .map(f -> (String) f.get("id"))
                    .toList();
            ids.forEach(s.customFields::remove);
            s.customFieldValues.values().removeIf(v -> ids.contains(v.get("field_id")));
        }
    }

    /**
     * Adds an employee as if someone had created it in Factorial (with its one contract version), for
     * scenarios such as "an employee whose number equals a candidate id".
     *
     * @param companyIdentifier the company's own employee number, or null
     * @return the new employee's id
     */
    public String addEmployee(String firstName, String lastName, String email, String companyIdentifier) {
        SandboxStore s = router.store();
        synchronized (s) {
            String id = s.newEmployeeId();
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", id);
            e.put("access_id", Long.toString(9000 + Long.parseLong(id)));
            e.put("first_name", firstName);
            e.put("last_name", lastName);
            e.put("full_name", firstName + " " + lastName);
            e.put("email", email);
            e.put("login_email", email);
            e.put("personal_email", null);
            e.put("company_id", s.companyId);
            e.put("legal_entity_id", SeedData.MAIN_LEGAL_ENTITY_ID);
            e.put("location_id", "3");
            e.put("manager_id", null);
            e.put("company_identifier", companyIdentifier);
            e.put("active", true);
            e.put("is_terminating", false);
            e.put("terminated_on", null);
            e.put("created_at", SeedData.SEED_TIMESTAMP);
            e.put("updated_at", SeedData.SEED_TIMESTAMP);
            s.employees.put(id, e);
            Map<String, Object> contract = new LinkedHashMap<>();
            String contractId = s.newContractVersionId();
            contract.put("id", contractId);
            contract.put("employee_id", id);
            contract.put("starts_on", "2024-01-15");
            contract.put("effective_on", "2024-01-15");
            contract.put("job_title", "Specialist");
            contract.put("salary_amount", null);
            contract.put("salary_frequency", null);
            s.contractVersions.put(contractId, contract);
            return id;
        }
    }

    /**
     * From now on, requests on this API version are answered 410 Gone, as Factorial may answer a version
     * past its end of support. {@link #reset()} brings it back.
     */
    public void retireVersion(String version) {
        retiredVersions.add(version);
    }

    /** Answers a version {@linkplain #retireVersion retired} earlier again, as before. */
    public void serveVersionAgain(String version) {
        retiredVersions.remove(version);
    }

    /** Ids of employees invited through {@code employees/employees/invite}, in invitation order. */
    public List<String> invitedEmployeeIds() {
        SandboxStore s = router.store();
        synchronized (s) {
            return List.copyOf(s.invited);
        }
    }

    /** How many 429 responses the sandbox has sent (POST limit and injected faults). */
    public long rateLimitedResponses() {
        return rateLimited.get();
    }

    /** Back to the seed data: no faults, no recorded requests, empty POST windows, zero 429 count. */
    public void reset() {
        clearFaults();
        router.replaceStore(seed());
        synchronized (postWindows) {
            postWindows.clear();
        }
        rateLimited.set(0);
        router.pageLimit(ApiRouter.MAX_LIMIT);
        router.onlyFirstChoice(false);
        retiredVersions.clear();
        clearRequests();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Factorial sandbox on {} stopped", baseUrl);
    }

    // ---- request handling ----------------------------------------------------------------------------------

    private SandboxStore seed() {
        return SeedData.build(config.companyName(), config.seedEmployees());
    }

    private void handle(HttpExchange exchange) {
        Instant at = clock.instant();
        try (exchange) {
            byte[] requestBody = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            URI uri = exchange.getRequestURI();
            String path = uri.getRawPath();
            Matcher page = EMPLOYEE_PAGE.matcher(path == null ? "" : path);
            if (page.matches() && method.equals("GET")) {
                answerEmployeePage(exchange, page.group(1));
                return;
            }
            Matcher m = API_PATH.matcher(path == null ? "" : path);
            String version = m.matches() ? m.group(1) : null;
            String resource = m.matches() ? m.group(2) : null;
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
            Request request = new Request(
                    method,
                    path,
                    uri.getRawQuery(),
                    version,
                    resource,
                    headers,
                    new String(requestBody, StandardCharsets.UTF_8),
                    requestBody);

            Fault fault = down ? null : takeFault(method, resource, parseQuery(uri.getRawQuery()));
            ApiResponse response;
            boolean truncate = false;
            boolean lose = false;
            if (down) {
                response = ApiResponse.canned(503);
            } else if (fault == null) {
                response = process(request);
            } else {
                LOG.debug("Injecting {} into {} {}", fault, method, path);
                switch (fault.kind()) {
                    case STATUS ->
                        response = fault.rawBody() == null
                                ? ApiResponse.canned(fault.statusCode())
                                : ApiResponse.raw(fault.statusCode(), fault.rawBody());
                    case RATE_LIMITED ->
                        response = fault.retryAfterSeconds() == null
                                ? ApiResponse.canned(429)
                                : ApiResponse.canned(429)
                                        .withHeader(
                                                "Retry-After",
                                                fault.retryAfterSeconds().toString());
                    case DELAY -> {
                        sleep(fault.delayDuration());
                        response = process(request);
                    }
                    case MALFORMED_JSON -> response = ApiResponse.raw(200, MALFORMED_BODY);
                    case TRUNCATED_BODY -> {
                        response = process(request);
                        truncate = true;
                    }
                    case AFTER_COMMIT -> {
                        process(request);
                        response = ApiResponse.canned(fault.statusCode());
                    }
                    case LOST_RESPONSE -> {
                        process(request);
                        response = null;
                        lose = true;
                    }
                    default -> throw new IllegalStateException("unknown fault " + fault.kind());
                }
                if (fault.outageAfter()) {
                    down = true;
                }
            }
            respond(exchange, request, response, truncate, lose, at);
        } catch (IOException e) {
            LOG.debug("Connection problem while answering a request: {}", e.toString());
        } catch (RuntimeException e) {
            LOG.error("Factorial sandbox failed to handle a request", e);
        }
    }

    /** Version check, authentication, POST limit, then routing. */
    private ApiResponse process(Request request) {
        if (request.resource() == null
                || !VERSION.matcher(request.version()).matches()
                || !SandboxVersions.isSpoken(request.version())) {
            return ApiResponse.notFound();
        }
        if (retiredVersions.contains(request.version())) {
            return ApiResponse.message(410, "API version " + request.version() + " is no longer supported");
        }
        String key = presentedKey(request.headers());
        if (!config.apiKey().equals(key)) {
            if (otherEnvironmentKey.equals(key)
                    && request.method().equals("GET")
                    && request.resource().equals("api_public/credentials")) {
                return ApiRouter.emptyCredentials();
            }
            return ApiResponse.canned(401);
        }
        if (request.method().equals("POST") && config.postLimitPerMinute() != null) {
            Optional<Long> retryAfter = admitPost(key);
            if (retryAfter.isPresent()) {
                return ApiResponse.canned(429)
                        .withHeader("Retry-After", retryAfter.get().toString());
            }
        }
        List<String> contentType = request.headers().getOrDefault("content-type", List.of());
        if (!contentType.isEmpty()
                && contentType.get(0).toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return MultipartForm.parse(contentType.get(0), request.rawBody())
                    .map(form -> router.routeForm(request.method(), request.resource(), form))
                    .orElseGet(() -> ApiResponse.message(400, "The multipart/form-data body cannot be read"));
        }
        return router.route(request.method(), request.resource(), parseQuery(request.query()), request.body());
    }

    /** Sliding 60 s window per key; returns the seconds to wait (rounded up) when the POST is refused. */
    private Optional<Long> admitPost(String key) {
        Instant now = clock.instant();
        synchronized (postWindows) {
            Deque<Instant> window = postWindows.computeIfAbsent(key, k -> new ArrayDeque<>());
            while (!window.isEmpty() && !window.peekFirst().plus(WINDOW).isAfter(now)) {
                window.pollFirst();
            }
            if (window.size() >= config.postLimitPerMinute()) {
                long millis =
                        Duration.between(now, window.peekFirst().plus(WINDOW)).toMillis();
                return Optional.of(Math.max(1, (millis + 999) / 1000));
            }
            window.addLast(now);
            return Optional.empty();
        }
    }

    private static String presentedKey(Map<String, List<String>> headers) {
        List<String> apiKey = headers.get("x-api-key");
        if (apiKey != null && !apiKey.isEmpty()) {
            return apiKey.get(0).trim();
        }
        List<String> authorization = headers.get("authorization");
        if (authorization != null
                && !authorization.isEmpty()
                && authorization.get(0).regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.get(0).substring(7).trim();
        }
        return null;
    }

    private Fault takeFault(String method, String resource, Map<String, List<String>> query) {
        synchronized (faults) {
            for (Iterator<FaultSlot> it = faults.iterator(); it.hasNext(); ) {
                FaultSlot slot = it.next();
                if (slot.fault.matches(method, resource, query)) {
                    if (--slot.remaining <= 0) {
                        it.remove();
                    }
                    return slot.fault;
                }
            }
            return null;
        }
    }

    private void respond(
            HttpExchange exchange, Request request, ApiResponse response, boolean truncate, boolean lose, Instant at)
            throws IOException {
        int status = lose ? 0 : response.status();
        byte[] body = lose ? new byte[0] : render(response, request.version());
        if (truncate) {
            body = java.util.Arrays.copyOf(body, body.length / 2);
        }
        record(request, status, at);
        if (status == 429) {
            rateLimited.incrementAndGet();
        }
        LOG.debug(
                "{} {} -> {}", request.method(), request.path(), lose ? "connection closed without response" : status);
        sleep(config.latency());
        if (lose) {
            // Closing an exchange whose headers were never sent closes the connection: the client reads nothing.
            return;
        }
        String contentType = response.raw() != null && response.raw().startsWith("<") && status != 200
                ? "text/html; charset=utf-8"
                : "application/json; charset=utf-8";
        exchange.getResponseHeaders().set("Content-Type", contentType);
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private byte[] render(ApiResponse response, String version) throws JsonProcessingException {
        if (response.raw() != null) {
            return response.raw().getBytes(StandardCharsets.UTF_8);
        }
        IdMode mode = version != null && VERSION.matcher(version).matches() ? IdMode.forVersion(version) : IdMode.INT;
        return mapper.writeValueAsBytes(mode.apply(response.bodyFor(version)));
    }

    /**
     * The sandbox's stand-in for Factorial's web page of an employee, so that "Open in Factorial" works offline:
     * read-only HTML with the name, e-mails, contract versions and custom-field values. Needs no key, like a
     * page a signed-in person opens; the sandbox only listens on loopback.
     */
    private void answerEmployeePage(HttpExchange exchange, String id) throws IOException {
        SandboxStore s = router.store();
        String html;
        int status;
        synchronized (s) {
            Map<String, Object> e = s.employees.get(Ids.normalize(id));
            if (e == null) {
                status = 404;
                html = EmployeePage.notFound(id);
            } else {
                status = 200;
                List<Map<String, Object>> contracts = s.contractVersions.values().stream()
                        .filter(c -> e.get("id").equals(c.get("employee_id")))
                        .toList();
                List<Map<String, Object>> values = s.customFieldValues.values().stream()
                        .filter(v -> e.get("id").equals(v.get("valuable_id")))
                        .toList();
                html = EmployeePage.render(s.companyName, e, contracts, values);
            }
        }
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void record(Request request, int status, Instant at) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers()
                .forEach((name, values) -> headers.put(
                        name,
                        name.equals("x-api-key") || name.equals("authorization")
                                ? List.of(REDACTED)
                                : List.copyOf(values)));
        RecordedRequest recorded = new RecordedRequest(
                request.method(),
                request.path(),
                request.query(),
                request.version(),
                request.resource(),
                Map.copyOf(headers),
                request.body(),
                status,
                at);
        synchronized (requests) {
            requests.add(recorded);
        }
    }

    /** Stored records as the default version serves them, parsed back so numbers are Integer/Long/BigInteger. */
    private List<Map<String, Object>> served(List<Map<String, Object>> records) {
        try {
            byte[] json =
                    mapper.writeValueAsBytes(IdMode.forVersion(DEFAULT_VERSION).apply(records));
            return List.copyOf(mapper.readValue(json, new TypeReference<List<Map<String, Object>>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static void sleep(Duration d) {
        if (d == null || d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A received request, before it is answered. */
    private record Request(
            String method,
            String path,
            String query,
            String version,
            String resource,
            Map<String, List<String>> headers,
            String body,
            byte[] rawBody) {}

    private static final class FaultSlot {
        final Fault fault;
        int remaining;

        FaultSlot(Fault fault) {
            this.fault = fault;
            this.remaining = fault.timesCount();
        }
    }
}
