package com.hirerelay.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.api.hris.RateBudget;
import com.hirerelay.host.storage.Database;
import com.hirerelay.host.storage.DatabaseServer;
import com.hirerelay.host.testing.TestPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The rate budget of host instances sharing a PostgreSQL database: three "instances" (each its own connection
 * pool and budget object) spending one key together never count more than the limit in any window, and another
 * key is not slowed by it.
 */
class DatabaseRateBudgetTest {

    private static final Duration WINDOW = Duration.ofSeconds(1);
    private static final int PERMITS = 4;

    @Test
    void threeInstancesTogetherStayWithinOneBudget() throws Exception {
        DatabaseServer server = TestPostgres.server().createDatabase(null);
        List<Database> instances = new ArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            for (int i = 0; i < 3; i++) {
                instances.add(Database.connect(server));
            }
            List<Long> granted = Collections.synchronizedList(new ArrayList<>());
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                RateBudget budget = new DatabaseRateBudget(instances.get(i % 3).jdbi());
                calls.add(callers.submit(() -> {
                    RateBudget.Permit permit = budget.acquire("factorial-posts:shared", PERMITS, WINDOW);
                    granted.add(System.nanoTime());
                    permit.sent();
                    return null;
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }
            List<Long> times = new ArrayList<>(granted);
            Collections.sort(times);
            for (int i = PERMITS; i < times.size(); i++) {
                assertThat(Duration.ofNanos(times.get(i) - times.get(i - PERMITS)))
                        .as("request " + (i + 1) + " and the one " + PERMITS + " before it fit one window only if"
                                + " the budget was exceeded")
                        .isGreaterThanOrEqualTo(WINDOW.minusMillis(50));
            }
            long started = System.nanoTime();
            new DatabaseRateBudget(instances.get(0).jdbi())
                    .acquire("factorial-posts:another-key", PERMITS, WINDOW)
                    .sent();
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("another key has its own budget, untouched")
                    .isLessThan(WINDOW);
        } finally {
            callers.shutdownNow();
            instances.forEach(Database::close);
        }
    }
}
