package com.hirerelay.host.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.host.storage.Database;
import com.hirerelay.host.testing.StoppedClock;
import com.hirerelay.host.web.ClientOrigin;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions against a real SQLite file. */
class SessionStoreTest {

    private final StoppedClock clock = new StoppedClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final List<String> checkedHashes = new ArrayList<>();
    private Database database;
    private SessionStore sessions;

    @BeforeEach
    void open(@TempDir Path dir) {
        database = Database.open(dir.resolve("hirerelay.db"));
        database.jdbi()
                .useHandle(handle -> handle.createUpdate(
                                "INSERT INTO users (email, name, role, password_hash) VALUES (?, 'Ana', 'RECRUITER', ?)")
                        .bind(0, "ana@example.com")
                        .bind(1, Passwords.hash("right-password"))
                        .execute());
        sessions =
                new SessionStore(database.jdbi(), clock, CompletableFuture.completedFuture(null), (password, hash) -> {
                    checkedHashes.add(hash);
                    return Passwords.matches(password, hash);
                });
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void anUnknownEmailCostsTheSamePasswordCheckAsAWrongPassword() {
        assertThat(sessions.signIn("nobody@example.com", "guess")).isEmpty();
        assertThat(sessions.signIn("ana@example.com", "guess")).isEmpty();
        assertThat(checkedHashes)
                .as("one slow check per attempt, known e-mail or not")
                .hasSize(2);
        int[] iterations = checkedHashes.stream()
                .mapToInt(hash -> Integer.parseInt(hash.split("\\$")[1]))
                .toArray();
        assertThat(iterations[0])
                .as("the dummy hash for an unknown e-mail has the real hashes' iteration count")
                .isEqualTo(iterations[1]);
        assertThat(Passwords.matches("", checkedHashes.get(0)))
                .as("no password matches the dummy")
                .isFalse();
    }

    @Test
    void signingInWithEndOtherSessionsEndsTheUsersEarlierSessions() {
        SessionStore.Session laptop = sessions.signIn(
                        "ana@example.com", "right-password", new ClientOrigin("10.0.0.1", "Laptop"), false)
                .orElseThrow();
        SessionStore.Session phone = sessions.signIn(
                        "ana@example.com", "right-password", new ClientOrigin("10.0.0.2", "Phone"), false)
                .orElseThrow();
        assertThat(sessions.find(laptop.token()))
                .as("two sessions side by side")
                .isPresent();
        SessionStore.Session fresh = sessions.signIn(
                        "ana@example.com", "right-password", new ClientOrigin("10.0.0.3", "Desk"), true)
                .orElseThrow();
        assertThat(sessions.find(laptop.token())).as("the laptop's session").isEmpty();
        assertThat(sessions.find(phone.token())).as("the phone's session").isEmpty();
        assertThat(sessions.find(fresh.token())).as("the new session").isPresent();
    }

    @Test
    void adminsSeeLiveSessionsWithoutTokensAndEndThemById() {
        SessionStore.Session session = sessions.signIn(
                        "ana@example.com", "right-password", new ClientOrigin("10.0.0.1", "Firefox\u0000\n 128"), false)
                .orElseThrow();
        List<SessionStore.SessionInfo> live = sessions.live();
        assertThat(live).hasSize(1);
        SessionStore.SessionInfo info = live.get(0);
        assertThat(info.id()).isEqualTo(session.id()).isNotEqualTo(session.token());
        assertThat(info.clientAddress()).isEqualTo("10.0.0.1");
        assertThat(info.userAgent()).as("control characters dropped").isEqualTo("Firefox 128");
        assertThat(info.userEmail()).isEqualTo("ana@example.com");

        assertThat(sessions.end(info.id())).isTrue();
        assertThat(sessions.find(session.token())).as("ended").isEmpty();
        assertThat(sessions.end(info.id())).as("ending it twice finds nothing").isFalse();
    }

    @Test
    void expiredSessionsAreNotListed() {
        sessions.signIn("ana@example.com", "right-password").orElseThrow();
        clock.advance(SessionStore.LIFETIME.plusSeconds(1));
        assertThat(sessions.live()).isEmpty();
    }

    @Test
    void aSessionEndedOnThisInstanceIsRefusedAtOnceThoughItWasJustUsed() {
        SessionStore.Session signOut =
                sessions.signIn("ana@example.com", "right-password").orElseThrow();
        SessionStore.Session endedById =
                sessions.signIn("ana@example.com", "right-password").orElseThrow();
        SessionStore.Session endedWithAll =
                sessions.signIn("ana@example.com", "right-password").orElseThrow();
        for (SessionStore.Session session : List.of(signOut, endedById, endedWithAll)) {
            assertThat(sessions.find(session.token())).as("in use just before").isPresent();
        }

        sessions.signOut(signOut.token());
        assertThat(sessions.find(signOut.token())).as("signed out").isEmpty();
        assertThat(sessions.find(endedById.token()))
                .as("another session of the user")
                .isPresent();

        assertThat(sessions.end(endedById.id())).isTrue();
        assertThat(sessions.find(endedById.token())).as("ended by an admin").isEmpty();

        assertThat(sessions.endAllOf(endedWithAll.user().id(), null)).isEqualTo(1);
        assertThat(sessions.find(endedWithAll.token()))
                .as("ended with all of the user's")
                .isEmpty();
    }

    @Test
    void aSessionEndedOnAnotherInstanceIsRefusedHereWithinTheRevalidationBound() throws InterruptedException {
        Duration bound = Duration.ofMillis(200);
        SessionStore here = new SessionStore(
                database.jdbi(), clock, CompletableFuture.completedFuture(null), Passwords::matches, bound);
        SessionStore elsewhere = new SessionStore(
                database.jdbi(), clock, CompletableFuture.completedFuture(null), Passwords::matches, bound);
        SessionStore.Session session =
                here.signIn("ana@example.com", "right-password").orElseThrow();
        assertThat(here.find(session.token())).as("in use here").isPresent();

        elsewhere.signOut(session.token());
        long deadline = System.nanoTime() + bound.multipliedBy(5).toNanos();
        while (here.find(session.token()).isPresent()) {
            assertThat(System.nanoTime())
                    .as("the session ended elsewhere is still accepted here long after " + bound)
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
        assertThat(here.find(session.token()))
                .as("still refused after the next read of the database")
                .isEmpty();
    }

    @Test
    void aSessionPastItsLifetimeIsRefusedEvenRightAfterUse() {
        SessionStore.Session session =
                sessions.signIn("ana@example.com", "right-password").orElseThrow();
        assertThat(sessions.find(session.token())).as("in use").isPresent();
        clock.advance(SessionStore.LIFETIME.plusSeconds(1));
        assertThat(sessions.find(session.token())).as("past its lifetime").isEmpty();
    }
}
