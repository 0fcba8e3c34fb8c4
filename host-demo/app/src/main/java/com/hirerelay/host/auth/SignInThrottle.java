package com.hirerelay.host.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down password guessing: failed sign-ins are counted per account (the e-mail as typed, whether or
 * not such a user exists, so the throttle tells nothing about which e-mails exist) and per client address.
 * After a few free failures every further one makes that key wait twice as long as the last, up to a
 * ceiling; while a key waits, sign-in is refused without looking at the password.
 *
 * <p>A key forgets its failures some time after the last one. Memory is bounded: at most
 * {@link Policy#maxTrackedKeys()} keys are kept, the least recently used dropped first.
 *
 * <p>Thread-safe.
 */
public final class SignInThrottle {

    /**
     * The throttle's numbers.
     *
     * @param freeAccountFailures failures of one account before it waits
     * @param freeAddressFailures failures from one address before it waits (higher: offices share addresses)
     * @param firstDelay the wait after the first failure beyond the free ones; doubles with each further one
     * @param maxDelay the longest wait
     * @param forgetAfter a key with no failure for this long starts again from zero
     * @param maxTrackedKeys the most accounts plus addresses remembered
     */
    public record Policy(
            int freeAccountFailures,
            int freeAddressFailures,
            Duration firstDelay,
            Duration maxDelay,
            Duration forgetAfter,
            int maxTrackedKeys) {

        /** 5 free failures per account, 20 per address, then 1 s, 2 s, 4 s ... up to 15 minutes. */
        public static final Policy DEFAULTS =
                new Policy(5, 20, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1), 100_000);
    }

    private final Policy policy;
    private final Clock clock;
    /** Access-ordered, so the first entry is the least recently used. */
    private final Map<String, Failures> failures = new LinkedHashMap<>(64, 0.75f, true);

    public SignInThrottle(Policy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Registers a sign-in attempt before its password is checked. The attempt counts as a failure at once,
     * so that many attempts sent side by side cannot all pass before the first failure is counted;
     * {@link #succeeded} takes it back.
     *
     * @param email the e-mail as typed
     * @param clientAddress where the attempt comes from
     * @return how long the caller must wait before a sign-in is even tried (nothing is counted then), or
     *         empty when this attempt may go ahead
     */
    public synchronized Optional<Duration> attempt(String email, String clientAddress) {
        Optional<Duration> wait = waitBefore(email, clientAddress);
        if (wait.isPresent()) {
            return wait;
        }
        Instant now = clock.instant();
        count(accountKey(email), policy.freeAccountFailures(), now);
        count(addressKey(clientAddress), policy.freeAddressFailures(), now);
        return Optional.empty();
    }

    /**
     * The attempt's password was right: forgets the account's failures and takes the attempt back from
     * the address (whose earlier failures stay counted: one valid account must not let an address guess
     * the passwords of others).
     */
    public synchronized void succeeded(String email, String clientAddress) {
        failures.remove(accountKey(email));
        Failures address = failures.get(addressKey(clientAddress));
        if (address != null) {
            address.count = Math.max(0, address.count - 1);
            address.blockedUntil = address.count > policy.freeAddressFailures() ? address.blockedUntil : null;
        }
    }

    /** @return how long an attempt now would have to wait, without counting one */
    synchronized Optional<Duration> waitBefore(String email, String clientAddress) {
        Instant now = clock.instant();
        Duration wait = max(remaining(accountKey(email), now), remaining(addressKey(clientAddress), now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** @return how many keys are remembered now */
    synchronized int trackedKeys() {
        return failures.size();
    }

    private Duration remaining(String key, Instant now) {
        Failures known = failures.get(key);
        if (known == null || known.blockedUntil == null || !known.blockedUntil.isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, known.blockedUntil);
    }

    private void count(String key, int free, Instant now) {
        Failures known = failures.get(key);
        if (known == null || known.last.plus(policy.forgetAfter()).isBefore(now)) {
            known = new Failures();
            failures.put(key, known);
        }
        known.count++;
        known.last = now;
        int beyondFree = known.count - free;
        if (beyondFree > 0) {
            // 2^(n-1) times the first delay, computed without overflow for any n.
            Duration delay = policy.maxDelay();
            if (beyondFree <= 30) {
                Duration doubled = policy.firstDelay().multipliedBy(1L << (beyondFree - 1));
                delay = doubled.compareTo(policy.maxDelay()) < 0 ? doubled : policy.maxDelay();
            }
            known.blockedUntil = now.plus(delay);
        }
        evict(now);
    }

    private void evict(Instant now) {
        if (failures.size() <= policy.maxTrackedKeys()) {
            return;
        }
        for (Iterator<Failures> it = failures.values().iterator(); it.hasNext(); ) {
            Failures oldest = it.next();
            if (failures.size() <= policy.maxTrackedKeys()
                    && oldest.last.plus(policy.forgetAfter()).isAfter(now)) {
                return;
            }
            it.remove();
        }
    }

    private static String accountKey(String email) {
        return "account:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String clientAddress) {
        return "address:" + (clientAddress == null ? "unknown" : clientAddress);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static final class Failures {
        int count;
        Instant last;
        Instant blockedUntil;
    }
}
