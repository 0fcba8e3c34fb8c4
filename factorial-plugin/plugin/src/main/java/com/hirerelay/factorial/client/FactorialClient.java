package com.hirerelay.factorial.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.hirerelay.api.AccessDeniedException;
import com.hirerelay.api.ApiVersionUnavailableException;
import com.hirerelay.api.HrisException;
import com.hirerelay.api.InvalidCredentialsException;
import com.hirerelay.api.RateLimitedException;
import com.hirerelay.api.RemoteRejectedException;
import com.hirerelay.api.RemoteUnavailableException;
import com.hirerelay.api.hris.HrisRequest;
import com.hirerelay.api.hris.RateBudget;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.glassfish.jersey.apache5.connector.Apache5ClientProperties;
import org.glassfish.jersey.apache5.connector.Apache5ConnectorProvider;
import org.glassfish.jersey.apache5.connector.Apache5HttpClientBuilderConfigurator;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.client.JerseyClientBuilder;
import org.glassfish.jersey.client.RequestEntityProcessing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of Factorial's public API: the {@code x-api-key} header, JSON, retries, POST pacing
 * and the mapping of answers to the SPI's exceptions. Knows resources only by path
 * ({@code employees/employees}); {@link FactorialApi} knows what they mean.
 *
 * <p>Retry policy:
 * <ul>
 *   <li>GET: a 5xx, a time-out, a dropped connection or an unreadable body is tried again, up to
 *       {@link FactorialClientConfig#readAttempts()} in all, with exponential back-off;</li>
 *   <li>POST: never repeated after it may have reached Factorial; such failures are reported as
 *       {@link PostOutcomeUnknownException} so that the caller can look before deciding;</li>
 *   <li>429, any method: Factorial refused without doing anything, so the request is made again after
 *       {@code Retry-After} when sent, otherwise after an exponential back-off, up to
 *       {@link FactorialClientConfig#rateLimitRetries()} times.</li>
 * </ul>
 * Every POST first takes a permit from the key's {@link RateBudget}, which the host shares.
 *
 * <p>Thread-safe. The API key appears only in the request header: never in a log line, a message or
 * {@link #toString()}; text echoed by Factorial is {@linkplain ApiKey#redact redacted} before use.
 */
public final class FactorialClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FactorialClient.class);
    private static final MediaType JSON_UTF8 = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");
    private static final int PAGE_SIZE = 100;
    private static final byte[] NO_BYTES = new byte[0];
    private static final int MAX_PAGES = 1000;
    private static final Set<String> ACTIONS = Set.of("create_with_contract", "invite");
    /**
     * Connections to Factorial per client: the host runs up to 64 plugin calls at once, and an export up to three
     * requests side by side; a request waits for a connection only beyond that.
     */
    private static final int MAX_CONNECTIONS = 256;

    /**
     * Jersey without HK2 warns on every client it builds that injection is unavailable and that the
     * optional jakarta.activation provider is absent. Neither matters to a plain JSON client, and an
     * operator should not read them as faults; the loggers are held so that JUL keeps the levels.
     */
    private static final List<java.util.logging.Logger> QUIETED_JERSEY_LOGGERS = List.of(
            quiet("org.glassfish.jersey.client.innate.inject.NonInjectionManager"),
            quiet("org.glassfish.jersey.message.internal.MessagingBinders"));

    private final FactorialClientConfig config;
    private final ApiKey apiKey;
    private final RateBudget postBudget;
    private final String postBudgetKey;
    private final String connectionLabel;
    private final RequestReports reports;
    private final ObjectMapper mapper;
    private final Client http;
    /** Every request's URI up to the resource, built once: a regular expression per request showed in profiles. */
    private final String resourcesBase;

    /**
     * Builds the client. Does no I/O.
     *
     * @param config where and how to talk to Factorial
     * @param apiKey the key
     * @param postBudget the budget of POST requests, which the host shares between every connection (and host
     *     instance) with this key; Factorial allows {@link FactorialClientConfig#postsPerWindow()} per key
     * @param connectionLabel names the connection in log lines, for operators
     */
    public FactorialClient(FactorialClientConfig config, ApiKey apiKey, RateBudget postBudget, String connectionLabel) {
        this(config, apiKey, postBudget, connectionLabel, RequestReports.none());
    }

    /**
     * Builds the client. Does no I/O.
     *
     * @param config where and how to talk to Factorial
     * @param apiKey the key
     * @param postBudget the budget of POST requests, which the host shares between every connection (and host
     *     instance) with this key; Factorial allows {@link FactorialClientConfig#postsPerWindow()} per key
     * @param connectionLabel names the connection in log lines, for operators
     * @param reports where every request and every wait for the rate limit is reported
     */
    public FactorialClient(
            FactorialClientConfig config,
            ApiKey apiKey,
            RateBudget postBudget,
            String connectionLabel,
            RequestReports reports) {
        this.config = config;
        this.apiKey = apiKey;
        this.postBudget = postBudget;
        this.postBudgetKey = "factorial-posts:" + apiKey.fingerprint();
        this.connectionLabel = connectionLabel;
        this.reports = reports;
        this.mapper = JsonMapper.builder().build();
        this.http = newJerseyClient(config);
        this.resourcesBase =
                config.baseUri().toString().replaceAll("/+$", "") + "/api/" + config.apiVersion() + "/resources/";
    }

    /**
     * Jersey looks its parts up through the thread's context class loader; inside a pf4j plugin that
     * must be the plugin's own loader, so it is set for the duration of the build. The builder is
     * instantiated directly because {@code ClientBuilder.newBuilder()} may not see Jersey from a plugin.
     *
     * <p>Jersey over Apache HttpClient 5 (classic, blocking): each exchange runs on the calling thread, with no
     * hand-off to a selector and an executor thread as java.net.http does (issue 19, round 6: less CPU per
     * request). What the client must keep, set here rather than left to defaults:
     * <ul>
     *   <li>no automatic retries: Apache would re-send a GET or PUT on its own after a dropped connection, and
     *       this class counts, reports and paces every attempt itself; a POST is never re-sent either way;</li>
     *   <li>no redirects, no cookies, no content compression (answers are parsed as Factorial sent them);</li>
     *   <li>connections that log nothing ({@link QuietHttpConnection}): Apache's log the headers, the key among
     *       them, at DEBUG;</li>
     *   <li>buffered bodies with a Content-Length (not chunked), so headers and body leave in one write;</li>
     *   <li>HTTP/1.1 with keep-alive, a pool large enough for every export the host runs at once, and a check
     *       of connections idle for a second, so a POST is not written to a connection Factorial already
     *       closed (which would turn into an unknown outcome for nothing);</li>
     *   <li>the time-out bounds connecting, waiting for a pooled connection and each wait for the answer.</li>
     * </ul>
     */
    private static Client newJerseyClient(FactorialClientConfig config) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(FactorialClient.class.getClassLoader());
        try {
            Timeout timeout = Timeout.ofMilliseconds(config.readTimeout().toMillis());
            PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                    .setConnectionFactory(QuietHttpConnection.FACTORY)
                    .setMaxConnPerRoute(MAX_CONNECTIONS)
                    .setMaxConnTotal(MAX_CONNECTIONS)
                    .setDefaultConnectionConfig(ConnectionConfig.custom()
                            .setConnectTimeout(timeout)
                            .setSocketTimeout(timeout)
                            .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                            .build())
                    .setDefaultSocketConfig(
                            SocketConfig.custom().setTcpNoDelay(true).build())
                    .build();
            Apache5HttpClientBuilderConfigurator plain = builder -> builder.disableAutomaticRetries()
                    .disableRedirectHandling()
                    .disableCookieManagement()
                    .disableContentCompression()
                    .disableAuthCaching();
            return new JerseyClientBuilder()
                    .withConfig(new org.glassfish.jersey.client.ClientConfig()
                            .connectorProvider(new Apache5ConnectorProvider()))
                    .property(Apache5ClientProperties.CONNECTION_MANAGER, connections)
                    .property(Apache5ClientProperties.DISABLE_COOKIES, Boolean.TRUE)
                    .property(
                            Apache5ClientProperties.REQUEST_CONFIG,
                            RequestConfig.custom()
                                    .setConnectionRequestTimeout(timeout)
                                    .setExpectContinueEnabled(false)
                                    .build())
                    .property(ClientProperties.REQUEST_ENTITY_PROCESSING, RequestEntityProcessing.BUFFERED)
                    .property(ClientProperties.CONNECT_TIMEOUT, (int)
                            config.readTimeout().toMillis())
                    .property(ClientProperties.READ_TIMEOUT, (int)
                            config.readTimeout().toMillis())
                    .property(ClientProperties.FOLLOW_REDIRECTS, Boolean.FALSE)
                    .register(plain)
                    .build();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    /** @return the configuration this client was built with */
    public FactorialClientConfig config() {
        return config;
    }

    /** @return the plugin's JSON mapper, for building request bodies */
    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * Reads one resource or one page.
     *
     * @param resource the path below {@code /resources/}, such as {@code api_public/credentials}
     * @param query the query
     * @return the parsed answer
     * @throws HrisException the mapped failure, after the retries of the policy above
     */
    public JsonNode get(String resource, FactorialQuery query) {
        URI uri = uri(resource, query);
        RemoteUnavailableException last = null;
        for (int attempt = 1; attempt <= config.readAttempts(); attempt++) {
            try {
                Answer answer = sendWithRateLimitRetries("GET", resource, uri, null);
                if (answer.isSuccess()) {
                    return parse(answer.bytes());
                }
                throw mapFailure("GET", resource, answer);
            } catch (RetryableReadFailure failure) {
                last = failure.reported;
                if (attempt < config.readAttempts()) {
                    Duration pause = backoff(attempt);
                    LOG.warn(
                            "Factorial GET {} failed for connection {} ({}); attempt {} of {}, retrying in {} ms",
                            resource,
                            connectionLabel,
                            failure.reported.getMessage(),
                            attempt,
                            config.readAttempts(),
                            pause.toMillis());
                    sleep(pause, "GET " + resource);
                }
            }
        }
        throw last;
    }

    /**
     * Reads every page of a list resource, following {@code meta.end_cursor} as {@code after_id}, 100
     * per page, until {@code meta.has_next_page} is false.
     *
     * @param resource the list resource
     * @param query filters; {@code limit} and {@code after_id} are set by this method
     * @return every element of every page's {@code data}, in order
     */
    public List<JsonNode> getAll(String resource, FactorialQuery query) {
        List<JsonNode> all = new ArrayList<>();
        Set<String> seenCursors = new HashSet<>();
        FactorialQuery base = query.without("limit").without("after_id").and("limit", PAGE_SIZE);
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode answer = get(resource, cursor == null ? base : base.and("after_id", cursor));
            JsonNode data = answer.isArray() ? answer : answer.path("data");
            if (!data.isArray()) {
                throw new RemoteUnavailableException(
                        "Factorial's list of " + resource + " has an unexpected shape (no \"data\" array)", null);
            }
            data.forEach(all::add);
            JsonNode meta = answer.path("meta");
            String next = meta.path("end_cursor").isValueNode()
                    ? meta.path("end_cursor").asText(null)
                    : null;
            boolean hasNext = meta.path("has_next_page").asBoolean(false);
            if (!hasNext || next == null || next.isBlank() || data.isEmpty() || !seenCursors.add(next)) {
                return all;
            }
            cursor = next;
        }
        LOG.warn("Factorial list {} for connection {} stopped after {} pages", resource, connectionLabel, MAX_PAGES);
        return all;
    }

    /**
     * Sends a POST once (plus retries after 429, which Factorial answers without doing anything).
     *
     * @param resource the path below {@code /resources/}
     * @param body the JSON body
     * @return the parsed answer, or an empty object when the answer had no body
     * @throws PostOutcomeUnknownException if the POST may have taken effect but its answer was lost
     * @throws HrisException another mapped failure; nothing was changed
     */
    public JsonNode post(String resource, JsonNode body) {
        return post(resource, json(body));
    }

    /**
     * Sends a {@code multipart/form-data} POST once, as {@link #post(String, JsonNode)} sends JSON: paced,
     * retried only after 429, and an answer that never came is a {@link PostOutcomeUnknownException}.
     *
     * @param resource the path below {@code /resources/}
     * @param form the body
     * @return the parsed answer, or an empty object when the answer had no body
     */
    public JsonNode postMultipart(String resource, MultipartBody form) {
        return post(resource, Entity.entity(form.bytes(), MediaType.valueOf(form.contentType())));
    }

    private JsonNode post(String resource, Entity<?> json) {
        URI uri = uri(resource, FactorialQuery.none());
        Answer answer;
        try {
            answer = sendWithRateLimitRetries("POST", resource, uri, json);
        } catch (RetryableReadFailure failure) {
            throw failure.reported;
        }
        if (answer.isSuccess()) {
            if (answer.isBlank()) {
                return mapper.createObjectNode();
            }
            try {
                return readTree(answer.bytes());
            } catch (IOException unreadable) {
                throw new PostOutcomeUnknownException(
                        PostOutcomeUnknownException.Reason.UNREADABLE_ANSWER,
                        answer.status(),
                        "Factorial accepted POST " + resource + " (HTTP " + answer.status()
                                + ") but its answer could not be read",
                        null);
            }
        }
        if (answer.status() >= 500) {
            throw new PostOutcomeUnknownException(
                    PostOutcomeUnknownException.Reason.SERVER_ERROR,
                    answer.status(),
                    "Factorial failed on POST " + resource + " (HTTP " + answer.status() + "): "
                            + describe(answer, "no reason given"),
                    null);
        }
        throw mapFailure("POST", resource, answer);
    }

    /**
     * Sends a PUT, which fixes a record in place: sending it again gives the same record, so a 5xx, a
     * time-out or a dropped connection is tried again like a read. Paced with the POSTs.
     *
     * @param resource the path below {@code /resources/}, with the record's id
     * @param body the JSON body
     * @return the parsed answer, or an empty object when the answer had no body
     * @throws HrisException the mapped failure, after the retries of the read policy
     */
    public JsonNode put(String resource, JsonNode body) {
        URI uri = uri(resource, FactorialQuery.none());
        Entity<byte[]> json = json(body);
        RemoteUnavailableException last = null;
        for (int attempt = 1; attempt <= config.readAttempts(); attempt++) {
            try {
                Answer answer = sendWithRateLimitRetries("PUT", resource, uri, json);
                if (answer.isSuccess()) {
                    return answer.isBlank() ? mapper.createObjectNode() : parse(answer.bytes());
                }
                throw mapFailure("PUT", resource, answer);
            } catch (RetryableReadFailure failure) {
                last = failure.reported;
                if (attempt < config.readAttempts()) {
                    sleep(backoff(attempt), "PUT " + resource);
                }
            }
        }
        throw last;
    }

    private Answer sendWithRateLimitRetries(String method, String resource, URI uri, Entity<?> json) {
        for (int retry = 0; ; retry++) {
            // Factorial's budget counts POSTs: a PUT (the personal e-mail, the contract version) spends none of it.
            RateBudget.Permit permit = method.equals("POST") ? acquirePostPermit(resource) : null;
            Answer answer;
            try {
                answer = send(method, resource, uri, json);
            } finally {
                if (permit != null) {
                    permit.sent();
                }
            }
            if (answer.status() != 429) {
                return answer;
            }
            Duration retryAfter = parseRetryAfter(answer.retryAfter());
            if (retry >= config.rateLimitRetries()
                    || (retryAfter != null && retryAfter.compareTo(config.maxRetryAfter()) > 0)) {
                throw new RateLimitedException(
                        "Factorial is rate limiting requests (" + method + " " + resource
                                + ") and did not accept them after " + (retry + 1) + " attempts"
                                + (retryAfter == null ? "" : "; it asks to wait " + retryAfter.toSeconds() + " s"),
                        retryAfter);
            }
            Duration pause = retryAfter != null ? retryAfter : backoff(retry + 1);
            long pauseStarted = System.nanoTime();
            LOG.warn(
                    "Factorial rate limited {} {} for connection {} (HTTP 429{}); waiting {} ms before retry {} of {}",
                    method,
                    resource,
                    connectionLabel,
                    retryAfter == null ? "" : ", Retry-After " + retryAfter.toSeconds() + " s",
                    pause.toMillis(),
                    retry + 1,
                    config.rateLimitRetries());
            try {
                sleep(pause, method + " " + resource);
            } finally {
                reports.rateBudgetWaited(pauseStarted, System.nanoTime());
            }
        }
    }

    private RateBudget.Permit acquirePostPermit(String resource) {
        try {
            RateBudget.Permit permit = postBudget.acquire(postBudgetKey, config.postsPerWindow(), config.postWindow());
            Duration waited = permit.waited();
            if (!waited.isZero()) {
                long end = System.nanoTime();
                reports.rateBudgetWaited(end - waited.toNanos(), end);
            }
            if (waited.toMillis() >= 1000) {
                LOG.info(
                        "Paced POST {} for connection {} by {} ms to stay under Factorial's limit of {} POSTs per {} s",
                        resource,
                        connectionLabel,
                        waited.toMillis(),
                        config.postsPerWindow(),
                        config.postWindow().toSeconds());
            }
            return permit;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new RemoteUnavailableException(
                    "Interrupted while waiting to send POST " + resource + " to Factorial; nothing was sent",
                    interrupted);
        }
    }

    /** One HTTP exchange. Transport failures become {@link RetryableReadFailure} or a POST outcome failure. */
    private Answer send(String method, String resource, URI uri, Entity<?> json) {
        Invocation.Builder request = http.target(uri)
                .request(MediaType.APPLICATION_JSON_TYPE)
                .header("x-api-key", apiKey.reveal())
                .header("User-Agent", "HireRelay-Factorial-Plugin/1.0");
        boolean sent = false;
        long started = System.nanoTime();
        int status = HrisRequest.NO_ANSWER;
        try {
            Response response;
            if (json == null) {
                response = request.get();
            } else if (method.equals("PUT")) {
                response = request.put(json);
            } else {
                // Automatic retries are off (newJerseyClient), so the HTTP stack never re-sends a POST when a
                // connection drops before the answer (HttpURLConnection may): one export never makes two employees.
                response = request.post(json);
            }
            sent = true;
            try (response) {
                status = response.getStatus();
                // Bytes straight into Jackson: no String of the whole answer to decode and then parse again.
                byte[] body = response.hasEntity() ? response.readEntity(byte[].class) : NO_BYTES;
                return new Answer(status, body, response.getHeaderString("Retry-After"));
            }
        } catch (ProcessingException failure) {
            boolean reachedFactorial = sent || !isConnectFailure(failure);
            String what = describeTransportFailure(failure);
            if (json != null && reachedFactorial && !method.equals("PUT")) {
                throw new PostOutcomeUnknownException(
                        PostOutcomeUnknownException.Reason.NO_ANSWER,
                        0,
                        "Factorial did not answer POST " + resource + " (" + what + ")",
                        failure);
            }
            throw new RetryableReadFailure(new RemoteUnavailableException(
                    "Factorial could not be reached for " + method + " " + resource + " (" + what + ")", failure));
        } finally {
            reports.requestFinished(method, resource, status, started, System.nanoTime());
        }
    }

    /** A time-out as the admin set it: whole seconds in seconds, anything else in milliseconds. */
    private static String describe(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    private HrisException mapFailure(String method, String resource, Answer answer) {
        int status = answer.status();
        String request = method + " " + resource;
        return switch (status) {
            case 401 ->
                new InvalidCredentialsException("Factorial did not accept the API key (HTTP 401 on " + request
                        + "). An admin must reconnect Factorial with a valid key from the right environment.");
            case 403 ->
                new AccessDeniedException("Factorial refused " + request + " (HTTP 403): "
                        + describe(answer, "the API key lacks the permission")
                        + ". Use a key created by a Factorial admin.");
            case 404 ->
                isWholeResource(resource)
                        ? versionGone(404, request)
                        : new RemoteRejectedException(
                                404,
                                "Factorial has no " + resource + " (HTTP 404): " + describe(answer, "not found") + ".");
            case 410 -> versionGone(410, request);
            case 400, 422 -> {
                FactorialErrorBody body = FactorialErrorBody.parse(mapper, apiKey.redact(answer.body()));
                yield new UnprocessableEntityException(
                        "Factorial refused the data (HTTP " + status + "): " + body.summary("no reason given"),
                        status,
                        body);
            }
            default -> {
                RemoteUnavailableException unavailable = new RemoteUnavailableException(
                        "Factorial failed on " + request + " (HTTP " + status + "): "
                                + describe(answer, "no reason given"),
                        null);
                if (status >= 500) {
                    throw new RetryableReadFailure(unavailable);
                }
                yield new RemoteRejectedException(
                        status,
                        "Factorial refused " + request + " (HTTP " + status + "): "
                                + describe(answer, "no reason given"));
            }
        };
    }

    /**
     * A 404 on a list or an action (never on one record) means the version's whole path is missing: these
     * resources exist in every version Factorial serves.
     */
    private static boolean isWholeResource(String resource) {
        String[] parts = resource.split("/");
        return parts.length == 2 || (parts.length == 3 && ACTIONS.contains(parts[2]));
    }

    private ApiVersionUnavailableException versionGone(int status, String request) {
        return new ApiVersionUnavailableException(
                config.apiVersion(),
                "Factorial no longer serves API version " + config.apiVersion() + " (HTTP " + status + " on " + request
                        + "). Nothing was sent; an admin must upgrade the connection to a supported version in"
                        + " Settings > Integrations > Factorial.");
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new RetryableReadFailure(new RemoteUnavailableException("Factorial sent an empty answer", null));
            }
            return node;
        } catch (IOException unreadable) {
            throw new RetryableReadFailure(
                    new RemoteUnavailableException("Factorial sent an answer that is not valid JSON", unreadable));
        }
    }

    private String describe(Answer answer, String fallback) {
        return FactorialErrorBody.parse(mapper, apiKey.redact(answer.body())).summary(fallback);
    }

    /** @return the answer's JSON; UTF-8, as Factorial sends it (Jackson detects the other Unicode encodings) */
    private JsonNode readTree(byte[] body) throws IOException {
        return body.length == 0 ? mapper.missingNode() : mapper.readTree(body);
    }

    /** A JSON body written once, straight to UTF-8 bytes. */
    private Entity<byte[]> json(JsonNode body) {
        try {
            return Entity.entity(mapper.writeValueAsBytes(body), JSON_UTF8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            // a JsonNode tree always serialises; a failure here is a bug, never Factorial's answer
            throw new IllegalStateException("A request body could not be written as JSON", impossible);
        }
    }

    private URI uri(String resource, FactorialQuery query) {
        String encodedQuery = query.encoded();
        return URI.create(resourcesBase + resource + (encodedQuery.isEmpty() ? "" : "?" + encodedQuery));
    }

    private Duration backoff(int attempt) {
        long base = config.backoffBase().toMillis() << Math.min(attempt - 1, 10);
        long jitter = ThreadLocalRandom.current().nextLong(base / 4 + 1);
        return Duration.ofMillis(base + jitter);
    }

    private void sleep(Duration pause, String what) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new RemoteUnavailableException("Interrupted while waiting to retry " + what, interrupted);
        }
    }

    /**
     * @param header a {@code Retry-After} value: seconds or an HTTP date; may be null
     * @return the pause it asks for, or null when absent or unreadable
     */
    static Duration parseRetryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(
                        java.time.Instant.now(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                                .toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }

    private static boolean isConnectFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectTimeoutException
                    || cause instanceof ConnectException
                    || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException) {
                return true;
            }
            if (cause instanceof SocketTimeoutException
                    && cause.getMessage() != null
                    && cause.getMessage().toLowerCase(java.util.Locale.ROOT).contains("connect")) {
                return true;
            }
        }
        return false;
    }

    private String describeTransportFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectTimeoutException) {
                return "no connection within " + describe(config.readTimeout());
            }
            if (cause instanceof SocketTimeoutException) {
                return "no answer within " + describe(config.readTimeout());
            }
            if (cause instanceof UnknownHostException) {
                return "unknown host " + config.baseUri().getHost();
            }
            if (cause instanceof ConnectException) {
                return "connection refused by " + config.baseUri().getHost();
            }
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return apiKey.redact(
                root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage()));
    }

    /** Closes the HTTP client. Never throws. */
    @Override
    public void close() {
        try {
            http.close();
        } catch (RuntimeException ignored) {
            LOG.debug("Closing the Factorial HTTP client of connection {} failed", connectionLabel, ignored);
        }
    }

    @Override
    public String toString() {
        return "FactorialClient[" + config.baseUri() + ", version " + config.apiVersion() + ", connection "
                + connectionLabel + "]";
    }

    /** One answer: its status, its body as sent, and its {@code Retry-After} header (null when absent). */
    private record Answer(int status, byte[] bytes, String retryAfter) {
        boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        /** @return whether the body is empty or only white space (an answer without content) */
        boolean isBlank() {
            for (byte b : bytes) {
                if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                    return false;
                }
            }
            return true;
        }

        /** @return the body as text, for error descriptions only (the success path parses the bytes) */
        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** A failure a read may retry; carries what to report when the attempts run out. */
    private static final class RetryableReadFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient RemoteUnavailableException reported;

        RetryableReadFailure(RemoteUnavailableException reported) {
            super(reported.getMessage(), null, false, false);
            this.reported = reported;
        }
    }
}
