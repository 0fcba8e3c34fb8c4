package com.hirerelay.api.hris;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The in-process rate budget: a sliding window per key (it was the Factorial plugin's own POST limiter). */
class SlidingWindowRateBudgetTest {

    private static final String KEY = "factorial-posts:abc";
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void letsThePermittedNumberThroughAtOnce() throws InterruptedException {
        SlidingWindowRateBudget budget = new SlidingWindowRateBudget(System::nanoTime);

        long started = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            budget.acquire(KEY, 200, MINUTE).sent();
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("200 POSTs within a minute need no waiting")
                .isLessThan(Duration.ofSeconds(1));
        assertThat(budget.currentDelay(KEY, 200, MINUTE))
                .as("the 201st must wait")
                .isPositive();
        assertThat(budget.currentDelay("factorial-posts:another-key", 200, MINUTE))
                .as("another key has a budget of its own")
                .isZero();
    }

    @Test
    void makesTheNextRequestWaitForTheWindowToMove() throws InterruptedException {
        RateBudget budget = RateBudget.inProcess();

        long started = System.nanoTime();
        for (int i = 0; i < 6; i++) {
            budget.acquire(KEY, 3, Duration.ofMillis(400));
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("six requests at three per 400 ms span at least one window")
                .isGreaterThanOrEqualTo(Duration.ofMillis(390));
    }

    @Test
    void forgetsRequestsOlderThanTheWindow() throws InterruptedException {
        AtomicLong now = new AtomicLong(0);
        SlidingWindowRateBudget budget = new SlidingWindowRateBudget(now::get);

        assertThat(budget.currentDelay(KEY, 2, MINUTE)).isZero();
        budget.acquire(KEY, 2, MINUTE);
        budget.acquire(KEY, 2, MINUTE);
        assertThat(budget.currentDelay(KEY, 2, MINUTE)).as("both permits used").isEqualTo(MINUTE);
        now.set(Duration.ofSeconds(45).toNanos());
        assertThat(budget.currentDelay(KEY, 2, MINUTE))
                .as("15 s until the oldest leaves the window")
                .isEqualTo(Duration.ofSeconds(15));
        now.set(MINUTE.toNanos());
        assertThat(budget.currentDelay(KEY, 2, MINUTE))
                .as("the window has moved past both")
                .isZero();
    }

    @Test
    void countsARequestFromWhenItsAnswerCameSoTheWindowNeverRunsAheadOfTheRemoteOne() throws InterruptedException {
        AtomicLong now = new AtomicLong(0);
        SlidingWindowRateBudget budget = new SlidingWindowRateBudget(now::get);

        RateBudget.Permit permit = budget.acquire(KEY, 1, MINUTE);
        now.set(Duration.ofSeconds(2).toNanos()); // the answer takes 2 s; the remote side counted it in between
        permit.sent();

        now.set(MINUTE.toNanos());
        assertThat(budget.currentDelay(KEY, 1, MINUTE))
                .as("a minute after the start, but not yet after the answer")
                .isEqualTo(Duration.ofSeconds(2));
        now.set(Duration.ofSeconds(62).toNanos());
        assertThat(budget.currentDelay(KEY, 1, MINUTE))
                .as("a minute after the answer")
                .isZero();
    }

    @Test
    void refusesKeysAndLimitsThatCannotBeABudget() {
        RateBudget budget = RateBudget.inProcess();
        assertThatThrownBy(() -> budget.acquire(" ", 1, MINUTE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> budget.acquire("k".repeat(201), 1, MINUTE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> budget.acquire(KEY, 0, MINUTE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> budget.acquire(KEY, 1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
