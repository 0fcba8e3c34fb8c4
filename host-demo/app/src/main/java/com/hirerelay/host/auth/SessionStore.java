package com.hirerelay.host.auth;

import com.hirerelay.api.UserRole;
import com.hirerelay.host.web.ClientOrigin;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.jdbi.v3.core.Jdbi;

/**
 * Users and their sessions. A session is a random token in an HttpOnly cookie; the database keeps only
 * its hash, the user, the CSRF token that state-changing requests must echo, and a separate public id
 * under which admins see and end it.
 *
 * <p>Signing in does the same work whether or not the e-mail belongs to a user: an unknown e-mail is
 * checked against a dummy hash with the same cost, so the answer's timing does not tell which e-mails
 * exist.
 *
 * <p>Every API request looks its session up, so live sessions found in the database are kept in memory
 * ({@link LiveSessions}) and read again at most {@link #REVALIDATE_AFTER} later. Ending sessions through this
 * store (sign-out, an admin ending one or all of a user's, signing in with "end other sessions") takes effect at
 * once on this instance; another instance sharing the database sees it within {@link #REVALIDATE_AFTER}.
 * Thread-safe.
 */
public final class SessionStore {

    /** How long a session lives without being renewed by sign-in. */
    public static final Duration LIFETIME = Duration.ofHours(12);

    /**
     * Checked when the e-mail is unknown: a well-formed hash with the real iteration count, matching no
     * password anyone can type (its salt and hash are zero bytes).
     */
    private static final String DUMMY_HASH = Passwords.unmatchableHash();

    /**
     * How long a session found in the database is trusted without reading it again: the bound within which a
     * session ended on another instance of a shared database stops working here.
     */
    public static final Duration REVALIDATE_AFTER = Duration.ofSeconds(1);

    /** Live sessions kept at most; past it stale entries go, then all (a look-up then reads the database). */
    static final int MAX_KEPT_SESSIONS = 10_000;

    private final Jdbi jdbi;
    private final Clock clock;
    private final java.util.concurrent.CompletableFuture<?> usersReady;
    private final BiPredicate<String, String> passwordMatches;
    private final LiveSessions liveSessions;

    /**
     * @param usersReady completes when the users exist (the first start seeds them while serving begins)
     */
    public SessionStore(Jdbi jdbi, Clock clock, java.util.concurrent.CompletableFuture<?> usersReady) {
        this(jdbi, clock, usersReady, Passwords::matches);
    }

    /**
     * @param passwordMatches (password, stored hash) to whether they match; tests count the checks with it
     */
    SessionStore(
            Jdbi jdbi,
            Clock clock,
            java.util.concurrent.CompletableFuture<?> usersReady,
            BiPredicate<String, String> passwordMatches) {
        this(jdbi, clock, usersReady, passwordMatches, REVALIDATE_AFTER);
    }

    /** @param revalidateAfter how long a session read from the database is trusted (tests shorten it) */
    SessionStore(
            Jdbi jdbi,
            Clock clock,
            java.util.concurrent.CompletableFuture<?> usersReady,
            BiPredicate<String, String> passwordMatches,
            Duration revalidateAfter) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.usersReady = usersReady;
        this.passwordMatches = passwordMatches;
        this.liveSessions = new LiveSessions(revalidateAfter.toNanos(), MAX_KEPT_SESSIONS);
    }

    /**
     * A signed-in session.
     *
     * @param token the cookie value (only known at creation; empty when read back)
     * @param user the user
     * @param csrfToken the token state-changing requests must send
     * @param id the session's public id, under which admins see and end it
     */
    public record Session(String token, User user, String csrfToken, String id) {}

    /**
     * A session as admins see it under Settings &gt; Sessions; never the token or its hash.
     *
     * @param id the public id
     * @param userId whose session it is
     * @param userEmail the user's e-mail
     * @param userName the user's name
     * @param role the user's role
     * @param createdAt when the user signed in
     * @param expiresAt when the session ends by itself
     * @param clientAddress where the sign-in came from
     * @param userAgent the browser that signed in, shortened
     */
    public record SessionInfo(
            String id,
            long userId,
            String userEmail,
            String userName,
            UserRole role,
            Instant createdAt,
            Instant expiresAt,
            String clientAddress,
            String userAgent) {}

    /** {@link #signIn(String, String, ClientOrigin, boolean)} from an unknown origin, keeping other sessions. */
    public Optional<Session> signIn(String email, String password) {
        return signIn(email, password, ClientOrigin.UNKNOWN, false);
    }

    /**
     * @param origin where the sign-in comes from, stored with the session for admins
     * @param endOtherSessions whether to end the user's other sessions when the sign-in succeeds
     * @return the new session, or empty when the e-mail or password is wrong
     */
    public Optional<Session> signIn(String email, String password, ClientOrigin origin, boolean endOtherSessions) {
        if (email == null || password == null) {
            return Optional.empty();
        }
        usersReady.join();
        Optional<StoredUser> stored = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT id, email, name, role, password_hash FROM users WHERE lower(email) = lower(?)")
                .bind(0, email.strip())
                .map((rs, ctx) -> new StoredUser(readUser(rs), rs.getString("password_hash")))
                .findOne());
        // The same slow check either way: an unknown e-mail must not answer sooner than a wrong password.
        boolean matches = passwordMatches.test(
                password, stored.map(StoredUser::passwordHash).orElse(DUMMY_HASH));
        if (stored.isEmpty() || !matches) {
            return Optional.empty();
        }
        String token = Passwords.randomToken();
        String csrf = Passwords.randomToken();
        String id = Passwords.randomToken().substring(0, 22);
        Instant now = clock.instant();
        long userId = stored.get().user().id();
        jdbi.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM sessions WHERE expires_at < ?")
                    .bind(0, now.toString())
                    .execute();
            if (endOtherSessions) {
                handle.createUpdate("DELETE FROM sessions WHERE user_id = ?")
                        .bind(0, userId)
                        .execute();
            }
            handle.createUpdate("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at,"
                            + " public_id, client_address, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .bind(0, Passwords.sha256(token))
                    .bind(1, userId)
                    .bind(2, csrf)
                    .bind(3, now.toString())
                    .bind(4, now.plus(LIFETIME).toString())
                    .bind(5, id)
                    .bind(6, origin.address())
                    .bind(7, origin.userAgent())
                    .execute();
        });
        if (endOtherSessions) {
            liveSessions.forgetAll();
        }
        return Optional.of(new Session(token, stored.get().user(), csrf, id));
    }

    /** @return the live session for the cookie value, or empty */
    public Optional<Session> find(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        String hash = Passwords.sha256(token);
        Instant now = clock.instant();
        long readAt = System.nanoTime();
        LiveSessions.Kept kept = liveSessions.get(hash, readAt);
        if (kept != null && now.isBefore(kept.expiresAt())) {
            return Optional.of(kept.session());
        }
        long generation = liveSessions.generation();
        Optional<LiveSessions.Kept> found = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT u.id, u.email, u.name, u.role, s.csrf_token, s.public_id, s.expires_at FROM sessions s"
                                + " JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ?")
                .bind(0, hash)
                .bind(1, now.toString())
                .map((rs, ctx) -> new LiveSessions.Kept(
                        new Session("", readUser(rs), rs.getString("csrf_token"), rs.getString("public_id")),
                        Instant.parse(rs.getString("expires_at")),
                        readAt))
                .findOne());
        if (found.isEmpty()) {
            liveSessions.forget(hash);
            return Optional.empty();
        }
        liveSessions.keep(hash, found.get(), generation);
        return Optional.of(found.get().session());
    }

    /** Ends the session of that cookie value. */
    public void signOut(String token) {
        if (token != null) {
            String hash = Passwords.sha256(token);
            jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM sessions WHERE token_hash = ?")
                    .bind(0, hash)
                    .execute());
            liveSessions.forgetAll();
        }
    }

    /** @return every live session, newest first */
    public List<SessionInfo> live() {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT s.public_id, s.created_at, s.expires_at, s.client_address, s.user_agent, u.id, u.email,"
                                + " u.name, u.role FROM sessions s JOIN users u ON u.id = s.user_id"
                                + " WHERE s.expires_at > ? ORDER BY s.created_at DESC, s.public_id")
                .bind(0, clock.instant().toString())
                .map((rs, ctx) -> new SessionInfo(
                        rs.getString("public_id"),
                        rs.getLong("id"),
                        rs.getString("email"),
                        rs.getString("name"),
                        UserRole.valueOf(rs.getString("role")),
                        Instant.parse(rs.getString("created_at")),
                        Instant.parse(rs.getString("expires_at")),
                        rs.getString("client_address"),
                        rs.getString("user_agent")))
                .list());
    }

    /**
     * Ends a session by its public id.
     *
     * @return whether there was such a session
     */
    public boolean end(String id) {
        int ended = jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM sessions WHERE public_id = ?")
                .bind(0, id)
                .execute());
        liveSessions.forgetAll();
        return ended > 0;
    }

    /**
     * Ends every session of a user except one.
     *
     * @param keepId the public id of a session to keep (the caller's own), or null to end them all
     * @return how many sessions were ended
     */
    public int endAllOf(long userId, String keepId) {
        // Two statements rather than SQLite's "IS NOT ?", which PostgreSQL does not take.
        int ended = keepId == null
                ? jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM sessions WHERE user_id = ?")
                        .bind(0, userId)
                        .execute())
                : jdbi.withHandle(
                        handle -> handle.createUpdate("DELETE FROM sessions WHERE user_id = ? AND public_id <> ?")
                                .bind(0, userId)
                                .bind(1, keepId)
                                .execute());
        liveSessions.forgetAll();
        return ended;
    }

    private static User readUser(ResultSet rs) throws SQLException {
        return new User(
                rs.getLong("id"), rs.getString("email"), rs.getString("name"), UserRole.valueOf(rs.getString("role")));
    }

    private record StoredUser(User user, String passwordHash) {}
}
