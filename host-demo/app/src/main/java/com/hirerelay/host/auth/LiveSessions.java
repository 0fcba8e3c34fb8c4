package com.hirerelay.host.auth;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions {@link SessionStore} found live in the database, by token hash, each trusted for a short time
 * after it was read so that a tight loop of requests does not query the database for every one.
 *
 * <p>Ending a session anywhere in this process calls {@link #forgetAll()} after the database row is gone. A
 * look-up that read the row before that must not put it back: it keeps what it read only if no
 * {@link #forgetAll()} came since it {@linkplain #generation() noted the generation}, and a session ended on
 * another instance is trusted at most {@code trustNanos} after the read that found it. Thread-safe.
 */
final class LiveSessions {

    /**
     * A session as read from the database.
     *
     * @param session the session
     * @param expiresAt when it ends by itself, whatever this cache says
     * @param readAtNanos {@link System#nanoTime()} before the read that found it
     */
    record Kept(SessionStore.Session session, Instant expiresAt, long readAtNanos) {}

    private final ConcurrentHashMap<String, Kept> byTokenHash = new ConcurrentHashMap<>();
    private final long trustNanos;
    private final int maxKept;
    // Guarded by this; read without the lock only to be checked again under it.
    private volatile long generation;

    LiveSessions(long trustNanos, int maxKept) {
        this.trustNanos = trustNanos;
        this.maxKept = maxKept;
    }

    /** @return the kept session if it was read less than the trusted time before {@code nowNanos}, else null */
    Kept get(String tokenHash, long nowNanos) {
        Kept kept = byTokenHash.get(tokenHash);
        return kept != null && nowNanos - kept.readAtNanos() < trustNanos ? kept : null;
    }

    /** @return the generation to hand to {@link #keep} after the database read that starts now */
    long generation() {
        return generation;
    }

    /**
     * Keeps a session read from the database, unless sessions were ended since {@code generationBeforeRead}
     * (the read may have seen a row deleted since).
     */
    synchronized void keep(String tokenHash, Kept read, long generationBeforeRead) {
        if (generation != generationBeforeRead) {
            return;
        }
        if (byTokenHash.size() >= maxKept) {
            long now = System.nanoTime();
            byTokenHash.values().removeIf(kept -> now - kept.readAtNanos() >= trustNanos);
            if (byTokenHash.size() >= maxKept) {
                byTokenHash.clear();
            }
        }
        byTokenHash.put(tokenHash, read);
    }

    /** @return how many sessions are kept now */
    int size() {
        return byTokenHash.size();
    }

    /** Forgets one session the database no longer has. */
    void forget(String tokenHash) {
        byTokenHash.remove(tokenHash);
    }

    /** Forgets every session: called after sessions were ended, so the next look-up of each reads the database. */
    synchronized void forgetAll() {
        generation++;
        byTokenHash.clear();
    }
}
