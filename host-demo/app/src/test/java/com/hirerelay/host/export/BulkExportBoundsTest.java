package com.hirerelay.host.export;

import static com.hirerelay.api.UserRole.ADMIN;
import static com.hirerelay.api.UserRole.HIRING_MANAGER;
import static com.hirerelay.api.UserRole.RECRUITER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.plugins.PluginCallLimits;
import com.hirerelay.host.plugins.PluginGuard;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.MovableClock;
import com.hirerelay.host.testing.RunningHostExtension;
import com.hirerelay.sandbox.SandboxConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A bulk export holds a bounded amount of the host: a fixed number of threads however many candidates
 * it names, a limited number of bulk exports per user, and memory only until a while after it finished.
 */
class BulkExportBoundsTest {

    private static final int BULK_THREADS = BulkExportLimits.DEFAULTS.threads();
    private static final int PLUGIN_THREADS = PluginCallLimits.DEFAULTS.threadsPerPlugin();

    @Nested
    class OnTheDefaultLimits {

        @RegisterExtension
        final RunningHostExtension host = RunningHostExtension.perTest().connected();

        @Test
        void aBulkExportOfFiveThousandCandidatesRunsOnAFixedNumberOfThreads() throws InterruptedException {
            ApiClient recruiter = host.signIn(RECRUITER);
            List<Long> hired = hiredIds(recruiter, 10);
            List<Long> ids = new ArrayList<>(hired);
            // The rest name no candidate: each is refused at once, which is when a thread per candidate piles up.
            for (long missing = 9_000_000; ids.size() < BulkExportService.MAX_CANDIDATES; missing++) {
                ids.add(missing);
            }
            ThreadCounter bulkThreads = ThreadCounter.start(BulkExportService.THREAD_NAME_PREFIX);
            ThreadCounter pluginThreads = ThreadCounter.start(PluginGuard.THREAD_NAME_PREFIX + "factorial-");
            JsonNode progress;
            try {
                var started =
                        recruiter.post("/api/exports/bulk", Map.of("connectorId", "factorial", "candidateIds", ids));
                assertThat(started.status()).as(started.toString()).isEqualTo(202);
                progress = awaitFinished(recruiter, started.json().get("id").asText());
            } finally {
                bulkThreads.stop();
                pluginThreads.stop();
            }
            assertThat(bulkThreads.max())
                    .as("live bulk-export threads at most, sampled during the run (%d samples)", bulkThreads.samples())
                    .isPositive()
                    .isLessThanOrEqualTo(BULK_THREADS);
            assertThat(pluginThreads.max())
                    .as("live threads running the Factorial plugin's calls at most")
                    .isPositive()
                    .isLessThanOrEqualTo(PLUGIN_THREADS);
            assertThat(progress.get("done").asInt()).isEqualTo(ids.size());
            assertThat(progress.get("succeeded").asInt())
                    .as("every hired candidate is exported")
                    .isEqualTo(hired.size());
            assertThat(progress.get("failed").asInt()).isEqualTo(ids.size() - hired.size());
        }
    }

    @Nested
    class WithAnHourOfRetentionOnAMovableClock {

        final MovableClock clock = new MovableClock();

        @RegisterExtension
        final RunningHostExtension host = RunningHostExtension.perTest()
                .hostOptions(options -> options.withClock(clock)
                        .withBulkLimits(BulkExportLimits.DEFAULTS.withRetention(Duration.ofHours(1))))
                .connected();

        @Test
        void aFinishedBulkExportIsClearedAfterItsRetentionAndItsExportsStayInTheHistory() throws InterruptedException {
            ApiClient recruiter = host.signIn(RECRUITER);
            List<Long> hired = hiredIds(recruiter, 3);
            var started =
                    recruiter.post("/api/exports/bulk", Map.of("connectorId", "factorial", "candidateIds", hired));
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            String bulkId = started.json().get("id").asText();
            assertThat(awaitFinished(recruiter, bulkId).get("succeeded").asInt())
                    .isEqualTo(hired.size());

            clock.advance(Duration.ofMinutes(59));
            assertThat(recruiter.get("/api/exports/bulk/" + bulkId).status())
                    .as("kept within the retention")
                    .isEqualTo(200);

            clock.advance(Duration.ofMinutes(2));
            var cleared = recruiter.get("/api/exports/bulk/" + bulkId);
            assertThat(cleared.status()).as(cleared.toString()).isEqualTo(404);
            assertThat(cleared.json().get("code").asText()).isEqualTo("not_found");
            assertThat(cleared.json().get("message").asText())
                    .as("says what happened to it and where its results are")
                    .contains("finished at", "cleared from memory 1 hour later", "export history");
            assertThat(cleared.json().has("fieldErrors")).isTrue();
            var someoneElse = host.signIn(HIRING_MANAGER).get("/api/exports/bulk/" + bulkId);
            assertThat(someoneElse.status()).isEqualTo(404);
            assertThat(someoneElse.json().get("message").asText())
                    .as("another user learns nothing about it")
                    .isEqualTo("There is no such bulk export.");

            ApiClient admin = host.signIn(ADMIN);
            for (long candidateId : hired) {
                JsonNode history =
                        admin.get("/api/exports?candidateId=" + candidateId).json();
                assertThat(history.get("items"))
                        .as("the history of candidate %d after the bulk export was cleared", candidateId)
                        .singleElement()
                        .satisfies(attempt -> {
                            assertThat(attempt.get("state").asText()).isEqualTo("CREATED");
                            assertThat(attempt.get("employeeId").isNull()).isFalse();
                        });
            }
        }
    }

    @Nested
    class WithRoomForThreeFinishedLines {

        @RegisterExtension
        final RunningHostExtension host = RunningHostExtension.perTest()
                .hostOptions(options -> options.withBulkLimits(BulkExportLimits.DEFAULTS
                        .withRetention(Duration.ofHours(1))
                        .withRetainedResults(3)))
                .connected();

        @Test
        void finishedBulkExportsBeyondTheLinesKeptAreClearedOldestFirstWithinTheRetention()
                throws InterruptedException {
            ApiClient recruiter = host.signIn(RECRUITER);
            // Ids that name no candidate finish at once: the way to pile up finished bulk exports quickly.
            var older = bulk(recruiter, List.of(9_000_001L, 9_000_002L));
            assertThat(older.status()).as(older.toString()).isEqualTo(202);
            String olderId = older.json().get("id").asText();
            awaitFinished(recruiter, olderId);
            var newer = bulk(recruiter, List.of(9_000_003L, 9_000_004L));
            assertThat(newer.status()).as(newer.toString()).isEqualTo(202);
            String newerId = newer.json().get("id").asText();

            assertThat(awaitFinished(recruiter, newerId).get("failed").asInt())
                    .as("the newer one is kept")
                    .isEqualTo(2);
            var cleared = recruiter.get("/api/exports/bulk/" + olderId);
            assertThat(cleared.status())
                    .as("four finished lines, three kept: the older bulk export is cleared an hour early: " + cleared)
                    .isEqualTo(404);
            assertThat(cleared.json().get("message").asText())
                    .as("says why it is gone and where its results are")
                    .contains("cleared from memory to make room for later bulk exports", "export history");
        }
    }

    @Nested
    class AgainstASlowFactorial {

        // Latency keeps the first two bulk exports running while the third is asked for.
        @RegisterExtension
        final RunningHostExtension host = RunningHostExtension.perTest()
                .sandbox(SandboxConfig.defaults().withLatency(Duration.ofMillis(400)))
                .connected();

        @Test
        void aUserRunsAtMostTwoBulkExportsAtOnceAndIsToldWhenToRetry() throws InterruptedException {
            ApiClient recruiter = host.signIn(RECRUITER);
            List<Long> hired = hiredIds(recruiter, 10);

            var first = bulk(recruiter, hired.subList(0, 3));
            var second = bulk(recruiter, hired.subList(3, 6));
            assertThat(first.status()).as(first.toString()).isEqualTo(202);
            assertThat(second.status()).as(second.toString()).isEqualTo(202);

            var third = bulk(recruiter, hired.subList(6, 9));
            assertThat(third.status()).as(third.toString()).isEqualTo(429);
            assertThat(third.json().get("code").asText()).isEqualTo("limit_reached");
            assertThat(third.json().get("message").asText()).contains("running 2 bulk exports");
            assertThat(third.json().get("retryAfterSeconds").asLong()).isBetween(1L, 3600L);
            assertThat(third.headers().get("retry-after"))
                    .as("the Retry-After header: %s", third.headers())
                    .singleElement()
                    .isEqualTo(third.json().get("retryAfterSeconds").asText());

            var someoneElse = bulk(host.signIn(HIRING_MANAGER), hired.subList(6, 9));
            assertThat(someoneElse.status())
                    .as("the limit is per user: %s", someoneElse)
                    .isEqualTo(202);

            awaitFinished(recruiter, first.json().get("id").asText());
            var afterOne = bulk(recruiter, hired.subList(9, 10));
            assertThat(afterOne.status())
                    .as("room again once one has finished: %s", afterOne)
                    .isEqualTo(202);

            awaitFinished(recruiter, second.json().get("id").asText());
            awaitFinished(recruiter, afterOne.json().get("id").asText());
            awaitFinished(
                    host.signIn(HIRING_MANAGER), someoneElse.json().get("id").asText());
            assertThat(host.sandbox().employees())
                    .as("each of the ten exported once, the refused bulk export exported nothing of its own")
                    .hasSize(12 + hired.size());
        }
    }

    private static ApiClient.Answer bulk(ApiClient client, List<Long> candidateIds) {
        return client.post("/api/exports/bulk", Map.of("connectorId", "factorial", "candidateIds", candidateIds));
    }

    static List<Long> hiredIds(ApiClient client, int count) {
        List<Long> ids = new ArrayList<>();
        client.get("/api/candidates?status=HIRED&pageSize=" + count)
                .json()
                .get("items")
                .forEach(row -> ids.add(row.get("id").asLong()));
        assertThat(ids).as("the seed has %d hired candidates", count).hasSize(count);
        return ids;
    }

    static JsonNode awaitFinished(ApiClient client, String bulkId) throws InterruptedException {
        JsonNode progress = client.get("/api/exports/bulk/" + bulkId).json();
        for (int i = 0; i < 1200 && !progress.get("finished").asBoolean(); i++) {
            Thread.sleep(100);
            progress = client.get("/api/exports/bulk/" + bulkId).json();
        }
        assertThat(progress.get("finished").asBoolean())
                .as("finished within 2 minutes: %.300s", progress)
                .isTrue();
        return progress;
    }

    /** Samples, every few milliseconds, how many live threads have a name starting with a prefix. */
    static final class ThreadCounter {
        private final String prefix;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger max = new AtomicInteger();
        private final AtomicInteger samples = new AtomicInteger();
        private final Thread sampler;

        private ThreadCounter(String prefix) {
            this.prefix = prefix;
            this.sampler = new Thread(this::sample, "thread-counter");
        }

        static ThreadCounter start(String prefix) {
            ThreadCounter counter = new ThreadCounter(prefix);
            counter.sampler.start();
            return counter;
        }

        private void sample() {
            var threads = ManagementFactory.getThreadMXBean();
            while (running.get()) {
                ThreadInfo[] infos = threads.getThreadInfo(threads.getAllThreadIds(), 0);
                int live = (int) Arrays.stream(infos)
                        .filter(info -> info != null && info.getThreadName().startsWith(prefix))
                        .count();
                max.accumulateAndGet(live, Math::max);
                samples.incrementAndGet();
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            sampler.join();
        }

        int max() {
            return max.get();
        }

        int samples() {
            return samples.get();
        }
    }
}
