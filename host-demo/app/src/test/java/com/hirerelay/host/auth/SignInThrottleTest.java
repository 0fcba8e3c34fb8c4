package com.hirerelay.host.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.host.testing.StoppedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final StoppedClock clock = new StoppedClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(
            new SignInThrottle.Policy(3, 6, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofHours(1), 1_000),
            clock);

    /** An attempt that must be let through (and so counts as a failure until a success takes it back). */
    private void fails(String email, String address) {
        assertThat(throttle.attempt(email, address))
                .as("%s from %s may be tried now", email, address)
                .isEmpty();
    }

    private long waitSeconds(String email, String address) {
        return throttle.waitBefore(email, address).map(Duration::toSeconds).orElse(0L);
    }

    @Test
    void anAccountWaitsTwiceAsLongAfterEachFailureBeyondTheFreeOnesUpToTheCeiling() {
        List<Long> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 10; attempt++) {
            // a different address each time: only the account's count matters here
            fails(attempt % 2 == 0 ? "ana@example.com" : " ANA@example.com", "10.0.0." + attempt);
            waits.add(waitSeconds("ana@example.com", "10.0.1.1"));
            clock.advance(Duration.ofSeconds(61));
        }
        assertThat(waits)
                .as("wait after each failure; the e-mail is compared without case and surrounding spaces")
                .containsExactly(0L, 0L, 0L, 1L, 2L, 4L, 8L, 16L, 32L, 60L);
    }

    @Test
    void aThrottledAttemptIsNotCountedAndNotTried() {
        for (int i = 0; i < 4; i++) {
            fails("ana@example.com", "10.0.0.1");
        }
        assertThat(throttle.attempt("ana@example.com", "10.0.0.1"))
                .as("the attempt after the first failure beyond the free ones")
                .hasValue(Duration.ofSeconds(1));
        for (int i = 0; i < 50; i++) {
            throttle.attempt("ana@example.com", "10.0.0.1");
        }
        clock.advance(Duration.ofSeconds(1));
        fails("ana@example.com", "10.0.0.1");
        assertThat(waitSeconds("ana@example.com", "10.0.0.1"))
                .as("refused attempts did not lengthen the wait: the next failure waits 2 s, not more")
                .isEqualTo(2);
    }

    @Test
    void oneAddressGuessingManyAccountsIsThrottled() {
        for (int i = 0; i < 7; i++) {
            fails("user" + i + "@example.com", "203.0.113.9");
        }
        assertThat(throttle.attempt("user99@example.com", "203.0.113.9"))
                .as("an eighth e-mail from the same address, after its seven failures")
                .hasValue(Duration.ofSeconds(1));
        fails("user99@example.com", "198.51.100.1");
    }

    @Test
    void aSuccessClearsTheAccountButNotTheAddressesEarlierFailures() {
        for (int i = 0; i < 6; i++) {
            fails("victim" + i + "@example.com", "203.0.113.9");
        }
        for (int i = 0; i < 3; i++) {
            fails("mine@example.com", "198.51.100." + i);
        }
        fails("mine@example.com", "203.0.113.9");
        throttle.succeeded("mine@example.com", "203.0.113.9");
        assertThat(waitSeconds("mine@example.com", "198.51.100.1"))
                .as("the account starts from zero after its success")
                .isZero();
        fails("victim9@example.com", "203.0.113.9");
        assertThat(waitSeconds("victim9@example.com", "203.0.113.9"))
                .as("the address's six failures still count after one valid sign-in from it")
                .isEqualTo(1);
    }

    @Test
    void failuresAreForgottenAnHourAfterTheLast() {
        for (int i = 0; i < 5; i++) {
            fails("ana@example.com", "10.0.0." + i);
            clock.advance(Duration.ofMinutes(2));
        }
        clock.advance(Duration.ofMinutes(61));
        for (int i = 0; i < 3; i++) {
            fails("ana@example.com", "10.0.1." + i);
        }
        assertThat(waitSeconds("ana@example.com", "10.0.2.1"))
                .as("three failures after an hour of quiet are free again")
                .isZero();
    }

    @Test
    void memoryIsBoundedWhateverIsSent() {
        SignInThrottle small = new SignInThrottle(
                new SignInThrottle.Policy(
                        3, 6, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofHours(1), 100),
                clock);
        for (int i = 0; i < 10_000; i++) {
            small.attempt("random" + i + "@example.com", "10.1." + (i / 256) + "." + (i % 256));
        }
        assertThat(small.trackedKeys()).as("accounts and addresses remembered").isLessThanOrEqualTo(100);
    }
}
