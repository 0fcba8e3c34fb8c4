package com.hirerelay.host.auth;

import com.hirerelay.api.UserRole;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Users and their sessions. A session is a random token in an HttpOnly cookie; the database keeps only
 * its hash, the user and the CSRF token that state-changing requests must echo.
 */
public final class SessionStore {

    /** How long a session lives without being renewed by sign-in. */
    public static final Duration LIFETIME = Duration.ofHours(12);

    private final Jdbi jdbi;
    private final Clock clock;
    private final java.util.concurrent.CompletableFuture<?> usersReady;

    /**
     * @param usersReady completes when the users exist (the first start seeds them while serving begins)
     */
    public SessionStore(Jdbi jdbi, Clock clock, java.util.concurrent.CompletableFuture<?> usersReady) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.usersReady = usersReady;
    }

    /**
     * A signed-in session.
     *
     * @param token the cookie value (only known at creation; empty when read back)
     * @param user the user
     * @param csrfToken the token state-changing requests must send
     */
    public record Session(String token, User user, String csrfToken) {}

    /**
     * @return the new session, or empty when the e-mail or password is wrong
     */
    public Optional<Session> signIn(String email, String password) {
        if (email == null || password == null) {
            return Optional.empty();
        }
        usersReady.join();
        Optional<StoredUser> stored = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT id, email, name, role, password_hash FROM users WHERE lower(email) = lower(?)")
                .bind(0, email.strip())
                .map((rs, ctx) -> new StoredUser(
                        new User(
                                rs.getLong("id"),
                                rs.getString("email"),
                                rs.getString("name"),
                                UserRole.valueOf(rs.getString("role"))),
                        rs.getString("password_hash")))
                .findOne());
        if (stored.isEmpty() || !Passwords.matches(password, stored.get().passwordHash())) {
            return Optional.empty();
        }
        String token = Passwords.randomToken();
        String csrf = Passwords.randomToken();
        Instant now = clock.instant();
        jdbi.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM sessions WHERE expires_at < ?")
                    .bind(0, now.toString())
                    .execute();
            handle.createUpdate("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at)"
                            + " VALUES (?, ?, ?, ?, ?)")
                    .bind(0, Passwords.sha256(token))
                    .bind(1, stored.get().user().id())
                    .bind(2, csrf)
                    .bind(3, now.toString())
                    .bind(4, now.plus(LIFETIME).toString())
                    .execute();
        });
        return Optional.of(new Session(token, stored.get().user(), csrf));
    }

    /** @return the live session for the cookie value, or empty */
    public Optional<Session> find(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT u.id, u.email, u.name, u.role, s.csrf_token FROM sessions s JOIN users u"
                                + " ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ?")
                .bind(0, Passwords.sha256(token))
                .bind(1, clock.instant().toString())
                .map((rs, ctx) -> new Session(
                        "",
                        new User(
                                rs.getLong("id"),
                                rs.getString("email"),
                                rs.getString("name"),
                                UserRole.valueOf(rs.getString("role"))),
                        rs.getString("csrf_token")))
                .findOne());
    }

    /** Ends the session of that cookie value. */
    public void signOut(String token) {
        if (token != null) {
            jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM sessions WHERE token_hash = ?")
                    .bind(0, Passwords.sha256(token))
                    .execute());
        }
    }

    private record StoredUser(User user, String passwordHash) {}
}
