package com.hirerelay.host.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.api.UserRole;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The sessions kept in memory between database reads (the races a request can lose to a sign-out). */
class LiveSessionsTest {

    private static SessionStore.Session session(long userId) {
        return new SessionStore.Session(
                "", new User(userId, "u" + userId + "@example.com", "U", UserRole.RECRUITER), "csrf", "id" + userId);
    }

    @Test
    void aReadThatRacedASignOutIsNotKept() {
        LiveSessions live = new LiveSessions(Duration.ofMinutes(1).toNanos(), 10);
        long generation = live.generation();
        long readAt = System.nanoTime();
        // The read found the row; a sign-out deleted it and forgot every session before the read's result came back.
        live.forgetAll();
        live.keep("hash", new LiveSessions.Kept(session(1), Instant.MAX, readAt), generation);
        assertThat(live.get("hash", System.nanoTime()))
                .as("a session read before a sign-out must not be trusted after it")
                .isNull();
    }

    @Test
    void aKeptSessionIsTrustedOnlyForTheBoundAfterItsRead() {
        long bound = Duration.ofSeconds(1).toNanos();
        LiveSessions live = new LiveSessions(bound, 10);
        long readAt = System.nanoTime();
        live.keep("hash", new LiveSessions.Kept(session(1), Instant.MAX, readAt), live.generation());
        assertThat(live.get("hash", readAt + bound - 1))
                .as("just within the bound")
                .isNotNull();
        assertThat(live.get("hash", readAt + bound)).as("at the bound").isNull();
    }

    @Test
    void keptSessionsStayWithinTheirLimit() {
        LiveSessions live = new LiveSessions(Duration.ofMinutes(1).toNanos(), 3);
        for (int i = 0; i < 10; i++) {
            live.keep("hash" + i, new LiveSessions.Kept(session(i), Instant.MAX, System.nanoTime()), live.generation());
        }
        assertThat(live.size()).as("sessions kept").isLessThanOrEqualTo(3);
        assertThat(live.get("hash9", System.nanoTime())).as("the latest").isNotNull();
    }
}
