package com.hirerelay.factorial.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PostRateLimiterTest {

    @Test
    void letsThePermittedNumberThroughAtOnce() throws InterruptedException {
        PostRateLimiter limiter = new PostRateLimiter(200, Duration.ofMinutes(1));

        long started = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            limiter.acquire();
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("200 POSTs within a minute need no waiting")
                .isLessThan(Duration.ofSeconds(1));
        assertThat(limiter.currentDelay()).as("the 201st must wait").isPositive();
    }

    @Test
    void makesTheNextRequestWaitForTheWindowToMove() throws InterruptedException {
        PostRateLimiter limiter = new PostRateLimiter(3, Duration.ofMillis(400));

        long started = System.nanoTime();
        for (int i = 0; i < 6; i++) {
            limiter.acquire();
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("six requests at three per 400 ms span at least one window")
                .isGreaterThanOrEqualTo(Duration.ofMillis(390));
    }

    @Test
    void forgetsRequestsOlderThanTheWindow() {
        AtomicLong now = new AtomicLong(0);
        PostRateLimiter limiter = new PostRateLimiter(2, Duration.ofSeconds(60), now::get);

        assertThat(limiter.currentDelay()).isZero();
        try {
            limiter.acquire();
            limiter.acquire();
        } catch (InterruptedException unexpected) {
            throw new AssertionError(unexpected);
        }
        assertThat(limiter.currentDelay()).as("both permits used").isEqualTo(Duration.ofSeconds(60));
        now.set(Duration.ofSeconds(45).toNanos());
        assertThat(limiter.currentDelay())
                .as("15 s until the oldest leaves the window")
                .isEqualTo(Duration.ofSeconds(15));
        now.set(Duration.ofSeconds(60).toNanos());
        assertThat(limiter.currentDelay()).as("the window has moved past both").isZero();
    }

    @Test
    void countsARequestFromWhenItsAnswerCameSoTheWindowNeverRunsAheadOfFactorials() throws InterruptedException {
        AtomicLong now = new AtomicLong(0);
        PostRateLimiter limiter = new PostRateLimiter(1, Duration.ofSeconds(60), now::get);

        PostRateLimiter.Permit permit = limiter.acquirePermit();
        now.set(Duration.ofSeconds(2).toNanos()); // the answer takes 2 s; Factorial counted it in between
        permit.sent();

        now.set(Duration.ofSeconds(60).toNanos());
        assertThat(limiter.currentDelay())
                .as("a minute after the start, but not yet after the answer")
                .isEqualTo(Duration.ofSeconds(2));
        now.set(Duration.ofSeconds(62).toNanos());
        assertThat(limiter.currentDelay()).as("a minute after the answer").isZero();
    }
}
