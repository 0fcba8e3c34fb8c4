package com.hirerelay.host.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.RunningHost;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bulk export holds a bounded amount of the host: a fixed number of threads however many candidates
 * it names.
 */
class BulkExportBoundsTest {

    /** The bulk pool's size by default. */
    private static final int BULK_THREADS = 8;

    @TempDir
    Path root;

    RunningHost running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void aBulkExportOfFiveThousandCandidatesRunsOnAFixedNumberOfThreads() throws InterruptedException {
        running = RunningHost.start(root);
        running.connectFactorial();
        ApiClient recruiter = running.signIn("RECRUITER");
        List<Long> hired = hiredIds(recruiter, 10);
        List<Long> ids = new ArrayList<>(hired);
        // The rest name no candidate: each is refused at once, which is when a thread per candidate piles up.
        for (long missing = 9_000_000; ids.size() < BulkExportService.MAX_CANDIDATES; missing++) {
            ids.add(missing);
        }
        ThreadCounter counter = ThreadCounter.start("bulk-export");
        JsonNode progress;
        try {
            var started = recruiter.post("/api/exports/bulk", Map.of("connectorId", "factorial", "candidateIds", ids));
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            progress = awaitFinished(recruiter, started.json().get("id").asText());
        } finally {
            counter.stop();
        }
        assertThat(counter.max())
                .as("live bulk-export threads at most, sampled during the run (%d samples)", counter.samples())
                .isPositive()
                .isLessThanOrEqualTo(BULK_THREADS);
        assertThat(progress.get("done").asInt()).isEqualTo(ids.size());
        assertThat(progress.get("succeeded").asInt())
                .as("every hired candidate is exported")
                .isEqualTo(hired.size());
        assertThat(progress.get("failed").asInt()).isEqualTo(ids.size() - hired.size());
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
                .as("finished within 2 minutes: %s", progress.toString().substring(0, 300))
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
