package com.hirerelay.api.testkit.fake;

import com.hirerelay.api.testkit.BackendCall;
import com.hirerelay.api.testkit.BackendFault;
import com.hirerelay.api.testkit.BackendOperation;
import com.hirerelay.api.testkit.ContractBackend;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HR system with a plain JSON API over real HTTP on loopback, steerable by the kit: the ready
 * {@link ContractBackend} for a plugin whose HR system is simple, and the backend the plugin archetype
 * generates its project against. Start one per test class, {@link #close()} it after.
 *
 * <p>The API, under {@link #baseUrl()} ({@code http://127.0.0.1:<port>/api}), every request with
 * {@code Authorization: Bearer <token>} ({@link #token()}; anything else gets 401):
 * <ul>
 *   <li>{@code GET /account}: {@code {"id":"acct-1","name":"Fake HR Company"}};</li>
 *   <li>{@code GET /lists/{name}?page=1&per_page=100}: one page of a reference list,
 *       {@code {"items":[{"id":"dep-1","name":"Engineering"}],"next_page":2}} ({@code next_page} null on the
 *       last page); lists {@code departments} and {@code locations}; 404 for another name;</li>
 *   <li>{@code GET /employees?email=...} (case-insensitive) or {@code ?external_id=...}: one page of
 *       matching employees, same envelope;</li>
 *   <li>{@code POST /employees} with {@code {"first_name","last_name","work_email","external_id",
 *       "department_id","start_date","job_title","phone"}}: 201 with the employee and its {@code id};
 *       422 {@code {"errors":[{"field":"work_email","message":"can't be blank"}]}} for a missing name or
 *       e-mail, an unknown department or an e-mail already taken;</li>
 *   <li>{@code POST /employees/{id}/invitations}: sends the employee the invitation e-mail, the export's
 *       follow-up step ({@link BackendOperation#FOLLOW_UP}); 201 {@code {"employee_id","invited":true}}, 404
 *       for an unknown employee.</li>
 * </ul>
 * Faults are answered as an HTTP HR system would: 503, 429 with {@code Retry-After}, 401, 403, 422
 * naming the HR system's field, 409 naming none, a 200 whose body is HTML, a connection closed after the
 * create, latency.
 * A {@link BackendFault#refusedField refusal} names the fake's field for the draft key: {@code email} is
 * {@code work_email}, {@code department} is {@code department_id}, any other key keeps its name.
 */
public final class FakeHrSystem implements ContractBackend, AutoCloseable {

    /** The page size served when the client asks for none, and the largest one. */
    public static final int MAX_PAGE_SIZE = 100;

    private static final java.util.regex.Pattern INVITATION =
            java.util.regex.Pattern.compile("/employees/[^/]+/invitations");

    private static final Map<String, List<Map<String, Object>>> LISTS = Map.of(
            "departments",
            List.of(
                    item("dep-1", "Engineering"),
                    item("dep-2", "Sales"),
                    item("dep-3", "People"),
                    item("dep-4", "Finance"),
                    item("dep-5", "Support")),
            "locations",
            List.of(item("loc-1", "Barcelona"), item("loc-2", "Berlin"), item("loc-3", "Remote")));

    private final String token = "fake-" + UUID.randomUUID();
    private final HttpServer server;
    private final ExecutorService threads;
    private final String baseUrl;
    private final List<Map<String, Object>> employees = new ArrayList<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final Map<BackendOperation, Deque<Slot>> faults = new EnumMap<>(BackendOperation.class);
    private final List<BackendCall> calls = new ArrayList<>();
    private volatile int pageSize = MAX_PAGE_SIZE;
    private volatile boolean down;

    private FakeHrSystem() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        AtomicInteger count = new AtomicInteger();
        threads = Executors.newFixedThreadPool(8, task -> {
            Thread thread = new Thread(task, "fake-hr-system-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
        baseUrl = "http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + "/api";
    }

    /**
     * @return a running fake on a free loopback port
     * @throws IllegalStateException if no port could be bound
     */
    public static FakeHrSystem start() {
        try {
            return new FakeHrSystem();
        } catch (IOException e) {
            throw new IllegalStateException("could not start the fake HR system", e);
        }
    }

    /** @return the API's base URL, for example {@code http://127.0.0.1:43125/api} */
    public String baseUrl() {
        return baseUrl;
    }

    /** @return the one bearer token the fake accepts */
    public String token() {
        return token;
    }

    /** @return the employees it holds, as the API serves them */
    public synchronized List<Map<String, Object>> employees() {
        return employees.stream().map(Map::copyOf).toList();
    }

    @Override
    public synchronized long employeesWithEmail(String email) {
        return employees.stream()
                .filter(employee -> email.equalsIgnoreCase((String) employee.get("work_email")))
                .count();
    }

    @Override
    public synchronized void inject(BackendOperation operation, BackendFault fault, int times) {
        if (operation == BackendOperation.OTHER) {
            throw new IllegalArgumentException("the kit never steers OTHER calls");
        }
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        faults.computeIfAbsent(operation, op -> new ArrayDeque<>()).addLast(new Slot(fault, times));
    }

    @Override
    public void usePageSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a page holds at least one entry");
        }
        pageSize = size;
    }

    @Override
    public synchronized List<BackendCall> calls() {
        return List.copyOf(calls);
    }

    /** Faults, an outage, the page size and the recorded calls; the employees stay. */
    @Override
    public synchronized void reset() {
        faults.clear();
        calls.clear();
        pageSize = MAX_PAGE_SIZE;
        down = false;
    }

    /** Forgets every employee too. */
    public synchronized void clearEmployees() {
        employees.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    // ---- request handling ------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            URI uri = exchange.getRequestURI();
            String path = uri.getPath().startsWith("/api") ? uri.getPath().substring(4) : uri.getPath();
            BackendOperation operation = operation(method, path);
            BackendFault fault =
                    arrive(operation, method + " " + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            if (fault == null) {
                send(exchange, 503, Map.of("error", "service unavailable"), null);
                return;
            }
            switch (fault.kind()) {
                case UNAVAILABLE -> send(exchange, 503, Map.of("error", "service unavailable"), null);
                case RATE_LIMITED ->
                    send(
                            exchange,
                            429,
                            Map.of("error", "too many requests"),
                            fault.retryAfter() == null
                                    ? null
                                    : String.valueOf(fault.retryAfter().toSeconds()));
                case CREDENTIALS_REFUSED -> send(exchange, 401, Map.of("error", "invalid token"), null);
                case ACCESS_DENIED -> send(exchange, 403, Map.of("error", "forbidden"), null);
                case REFUSED_FIELD ->
                    send(
                            exchange,
                            422,
                            Map.of(
                                    "errors",
                                    List.of(Map.of("field", fieldFor(fault.draftKey()), "message", "is invalid"))),
                            null);
                case REJECTED ->
                    send(exchange, 409, Map.of("error", "conflict with the current state of the resource"), null);
                case UNREADABLE_ANSWER -> sendRaw(exchange, 200, "<html><body>502 Bad Gateway</body></html>");
                case LOST_ANSWER_AFTER_COMMIT -> route(exchange, method, path, uri, body, true);
                case OUTAGE_AFTER_COMMIT -> {
                    route(exchange, method, path, uri, body, true);
                    down = true;
                }
                case LATENCY -> {
                    pause(fault.retryAfter().toMillis());
                    route(exchange, method, path, uri, body, false);
                }
                case NONE -> route(exchange, method, path, uri, body, false);
            }
        } catch (IOException | RuntimeException e) {
            // The client went away or sent nonsense; there is nobody left to answer.
        }
    }

    private static BackendOperation operation(String method, String path) {
        if (method.equals("GET") && path.equals("/account")) {
            return BackendOperation.VERIFY_CREDENTIALS;
        }
        if (method.equals("GET") && path.startsWith("/lists/")) {
            return BackendOperation.READ_REFERENCE_DATA;
        }
        if (path.equals("/employees")) {
            return method.equals("POST") ? BackendOperation.CREATE_EMPLOYEE : BackendOperation.FIND_EMPLOYEE;
        }
        if (method.equals("POST") && INVITATION.matcher(path).matches()) {
            return BackendOperation.FOLLOW_UP;
        }
        return BackendOperation.OTHER;
    }

    /** Records the call; returns the fault to play, {@link BackendFault#none()}, or null while down. */
    private synchronized BackendFault arrive(BackendOperation operation, String description) {
        calls.add(new BackendCall(operation, description));
        if (down) {
            return null;
        }
        Deque<Slot> queue = faults.get(operation);
        if (queue == null || queue.isEmpty()) {
            return BackendFault.none();
        }
        Slot slot = queue.peekFirst();
        if (slot.remaining != EVERY_CALL && --slot.remaining == 0) {
            queue.removeFirst();
        }
        return slot.fault;
    }

    private void route(HttpExchange exchange, String method, String path, URI uri, byte[] body, boolean loseAnswer)
            throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (!("Bearer " + token).equals(authorization)) {
            send(exchange, 401, Map.of("error", "invalid token"), null);
            return;
        }
        Map<String, String> query = query(uri.getRawQuery());
        int status;
        Object answer;
        if (method.equals("GET") && path.equals("/account")) {
            status = 200;
            answer = Map.of("id", "acct-1", "name", "Fake HR Company");
        } else if (method.equals("GET") && path.startsWith("/lists/")) {
            List<Map<String, Object>> list = LISTS.get(path.substring("/lists/".length()));
            status = list == null ? 404 : 200;
            answer = list == null ? Map.of("error", "no such list") : page(list, query);
        } else if (method.equals("GET") && path.equals("/employees")) {
            status = 200;
            answer = page(matching(query), query);
        } else if (method.equals("POST") && path.equals("/employees")) {
            Map<String, Object> created;
            try {
                created = create(new String(body, StandardCharsets.UTF_8));
                status = created.containsKey("errors") ? 422 : 201;
            } catch (IllegalArgumentException | ClassCastException notJson) {
                created = Map.of("error", "the body is not a JSON object");
                status = 400;
            }
            answer = created;
        } else if (method.equals("POST") && INVITATION.matcher(path).matches()) {
            String employeeId = URLDecoder.decode(path.split("/")[2], StandardCharsets.UTF_8);
            boolean known = invite(employeeId);
            status = known ? 201 : 404;
            answer = known ? Map.of("employee_id", employeeId, "invited", true) : Map.of("error", "no such employee");
        } else {
            status = 404;
            answer = Map.of("error", "not found");
        }
        if (loseAnswer) {
            // Closing an exchange whose headers were never sent drops the connection: the client reads nothing.
            return;
        }
        send(exchange, status, answer, null);
    }

    /** @return whether the employee exists; the fake sends no real e-mail */
    private synchronized boolean invite(String employeeId) {
        return employees.stream().anyMatch(employee -> employeeId.equals(employee.get("id")));
    }

    private synchronized List<Map<String, Object>> matching(Map<String, String> query) {
        String email = query.get("email");
        String externalId = query.get("external_id");
        return employees.stream()
                .filter(employee -> email == null || email.equalsIgnoreCase((String) employee.get("work_email")))
                .filter(employee -> externalId == null || externalId.equals(employee.get("external_id")))
                .filter(employee -> email != null || externalId != null)
                .map(Map::copyOf)
                .toList();
    }

    private Map<String, Object> page(List<Map<String, Object>> all, Map<String, String> query) {
        int size = Math.min(pageSize, positive(query.get("per_page"), MAX_PAGE_SIZE));
        int page = positive(query.get("page"), 1);
        int from = Math.min(all.size(), (page - 1) * size);
        int to = Math.min(all.size(), from + size);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("items", all.subList(from, to));
        envelope.put("next_page", to < all.size() ? page + 1 : null);
        return envelope;
    }

    private synchronized Map<String, Object> create(String text) {
        @SuppressWarnings("unchecked")
        Map<String, Object> sent = (Map<String, Object>) Json.parse(text);
        List<Map<String, Object>> errors = new ArrayList<>();
        for (String required : List.of("first_name", "last_name", "work_email")) {
            if (!(sent.get(required) instanceof String value) || value.isBlank()) {
                errors.add(Map.of("field", required, "message", "can't be blank"));
            }
        }
        Object email = sent.get("work_email");
        if (email instanceof String address
                && employees.stream().anyMatch(e -> address.equalsIgnoreCase((String) e.get("work_email")))) {
            errors.add(Map.of("field", "work_email", "message", "has already been taken"));
        }
        Object department = sent.get("department_id");
        if (department != null
                && LISTS.get("departments").stream()
                        .noneMatch(item -> item.get("id").equals(department))) {
            errors.add(Map.of("field", "department_id", "message", "is not a department"));
        }
        if (!errors.isEmpty()) {
            return Map.of("errors", errors);
        }
        Map<String, Object> employee = new LinkedHashMap<>();
        employee.put("id", "emp-" + nextId.getAndIncrement());
        for (String field : List.of(
                "first_name",
                "last_name",
                "work_email",
                "external_id",
                "department_id",
                "start_date",
                "job_title",
                "phone")) {
            if (sent.get(field) != null) {
                employee.put(field, sent.get(field));
            }
        }
        employees.add(employee);
        return Map.copyOf(employee);
    }

    private static String fieldFor(String draftKey) {
        return switch (draftKey) {
            case "email" -> "work_email";
            case "department" -> "department_id";
            default -> draftKey;
        };
    }

    private static void send(HttpExchange exchange, int status, Object body, String retryAfter) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
        }
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sendRaw(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            query.putIfAbsent(key, value);
        }
        return query;
    }

    private static int positive(String text, int fallback) {
        try {
            return text == null ? fallback : Math.max(1, Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, Object> item(String id, String name) {
        return Map.of("id", id, "name", name);
    }

    private static final class Slot {
        final BackendFault fault;
        int remaining;

        Slot(BackendFault fault, int times) {
            this.fault = fault;
            this.remaining = times;
        }
    }

    @Override
    public String toString() {
        return "FakeHrSystem[" + baseUrl + "]";
    }
}
