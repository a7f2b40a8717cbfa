package org.evsettle.gateway;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.evsettle.gateway.config.GatewaySettings;

/**
 * Token buckets on what a flood of handshakes would cost: failed password checks per remote address
 * and per chargePointId (each one a PBKDF2 hash), and enrolments per enrollment key and per address
 * (each one a charger in the registry). A password check goes ahead while both of its buckets hold a
 * token, and only a failed one spends a token (a burst of checks running in parallel may take a
 * bucket into debt, down to minus its burst, which it then pays off): so successes never count, and
 * a garage of chargers behind one NAT address reconnects at once. An enrolment spends its tokens
 * before it is admitted. Memory is bounded: each limit
 * tracks at most {@code tracked} keys, buckets that refilled completely are dropped when the table is
 * full, and keys beyond it share one bucket. An IPv6 address counts by its /64 prefix, which one
 * subscriber usually holds whole.
 */
public final class HandshakeLimiter {

    private final Buckets failuresByAddress;
    private final Buckets failuresByCharger;
    private final Buckets enrolmentsByKey;
    private final Buckets enrolmentsByAddress;

    public HandshakeLimiter(GatewaySettings.HandshakeLimits limits, LongSupplier nanoTime) {
        this.failuresByAddress = new Buckets(limits.addressBurst(), limits.addressRefill(), limits.tracked(), nanoTime);
        this.failuresByCharger = new Buckets(limits.chargerBurst(), limits.chargerRefill(), limits.tracked(), nanoTime);
        this.enrolmentsByKey = new Buckets(limits.enrollmentKeyBurst(), limits.enrollmentKeyRefill(), limits.tracked(),
                nanoTime);
        this.enrolmentsByAddress = new Buckets(limits.enrollmentAddressBurst(), limits.enrollmentAddressRefill(),
                limits.tracked(), nanoTime);
    }

    /** Empty while a password check from this address for this charger may go ahead, else how long to wait. */
    public Optional<Duration> checkAllowed(String remoteAddress, String chargePointId) {
        Optional<Duration> wait = failuresByAddress.waitFor(addressKey(remoteAddress));
        return wait.isPresent() ? wait : failuresByCharger.waitFor(chargePointId);
    }

    /** Spends a token of both buckets for a password check that failed. */
    public void checkFailed(String remoteAddress, String chargePointId) {
        failuresByAddress.spend(addressKey(remoteAddress));
        failuresByCharger.spend(chargePointId);
    }

    /** Takes a token for an enrolment with this key (its SHA-256); empty when taken, else how long to wait. */
    public Optional<Duration> takeEnrolment(String keySha256, String remoteAddress) {
        return takeBoth(enrolmentsByKey, keySha256, enrolmentsByAddress, addressKey(remoteAddress));
    }

    /** How many keys the limits track, all four together (bounded by four times {@code tracked}). */
    public int tracked() {
        return failuresByAddress.size() + failuresByCharger.size() + enrolmentsByKey.size() + enrolmentsByAddress.size();
    }

    private static Optional<Duration> takeBoth(Buckets first, String firstKey, Buckets second, String secondKey) {
        Optional<Duration> wait = first.take(firstKey);
        if (wait.isPresent()) {
            return wait;
        }
        wait = second.take(secondKey);
        if (wait.isPresent()) {
            first.giveBack(firstKey);
        }
        return wait;
    }

    /** The key of a remote address: an IPv4 address as it is, an IPv6 address by its /64. */
    static String addressKey(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isEmpty()) {
            return "(none)";
        }
        if (remoteAddress.indexOf(':') < 0) {
            return remoteAddress;
        }
        try {
            // an address literal: no name lookup happens
            byte[] bytes = InetAddress.getByName(remoteAddress).getAddress();
            if (bytes.length != 16) {
                return remoteAddress;
            }
            StringBuilder prefix = new StringBuilder("v6:");
            for (int i = 0; i < 8; i++) {
                prefix.append(String.format("%02x", bytes[i]));
            }
            return prefix.toString();
        } catch (UnknownHostException | SecurityException e) {
            return remoteAddress;
        }
    }

    /** Token buckets by key, at most {@code tracked} of them, and one shared by the keys beyond. */
    static final class Buckets {
        private final int burst;
        private final long refillNanos;
        private final int tracked;
        private final LongSupplier nanoTime;
        private final Map<String, Bucket> byKey = new ConcurrentHashMap<>();
        private final Bucket overflow;
        private volatile long lastSweep;

        Buckets(int burst, Duration refill, int tracked, LongSupplier nanoTime) {
            this.burst = Math.max(1, burst);
            this.refillNanos = Math.max(1, refill.toNanos());
            this.tracked = Math.max(1, tracked);
            this.nanoTime = nanoTime;
            this.overflow = new Bucket(this.burst, nanoTime.getAsLong());
            this.lastSweep = nanoTime.getAsLong() - this.refillNanos;
        }

        Optional<Duration> take(String key) {
            long now = nanoTime.getAsLong();
            long wait = bucket(key, now).take(now, burst, refillNanos);
            return wait == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(wait));
        }

        void giveBack(String key) {
            Bucket bucket = byKey.get(key);
            (bucket != null ? bucket : overflow).giveBack(burst);
        }

        /** Empty while the key's bucket holds a token, else the wait until it does. */
        Optional<Duration> waitFor(String key) {
            long now = nanoTime.getAsLong();
            long wait = bucket(key, now).waitFor(now, burst, refillNanos);
            return wait == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(wait));
        }

        /** Spends a token, into debt down to minus the burst if need be. */
        void spend(String key) {
            long now = nanoTime.getAsLong();
            bucket(key, now).spend(now, burst, refillNanos);
        }

        int size() {
            return byKey.size();
        }

        private Bucket bucket(String key, long now) {
            Bucket bucket = byKey.get(key);
            if (bucket != null) {
                return bucket;
            }
            if (byKey.size() >= tracked) {
                sweep(now);
                if (byKey.size() >= tracked) {
                    return overflow;
                }
            }
            return byKey.computeIfAbsent(key, k -> new Bucket(burst, now));
        }

        /** Drops buckets that refilled completely (they are as good as new); at most once per refill interval. */
        private void sweep(long now) {
            if (now - lastSweep < refillNanos) {
                return;
            }
            lastSweep = now;
            byKey.values().removeIf(bucket -> bucket.isFull(now, burst, refillNanos));
        }
    }

    /** One bucket: tokens in whole units, refilled lazily from the time of the last refill. */
    static final class Bucket {
        private int tokens;
        private long refilledAt;

        Bucket(int tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        /** Takes a token: 0 when taken, else the nanoseconds until the next one. */
        synchronized long take(long now, int burst, long refillNanos) {
            refill(now, burst, refillNanos);
            if (tokens > 0) {
                tokens--;
                return 0;
            }
            return Math.max(1, refillNanos - (now - refilledAt));
        }

        synchronized long waitFor(long now, int burst, long refillNanos) {
            refill(now, burst, refillNanos);
            return tokens > 0 ? 0 : Math.max(1, (1 - tokens) * refillNanos - (now - refilledAt));
        }

        synchronized void spend(long now, int burst, long refillNanos) {
            refill(now, burst, refillNanos);
            tokens = Math.max(-burst, tokens - 1);
        }

        synchronized void giveBack(int burst) {
            tokens = Math.min(burst, tokens + 1);
        }

        synchronized boolean isFull(long now, int burst, long refillNanos) {
            refill(now, burst, refillNanos);
            return tokens >= burst;
        }

        private void refill(long now, int burst, long refillNanos) {
            long elapsed = now - refilledAt;
            if (elapsed < refillNanos) {
                return;
            }
            long gained = elapsed / refillNanos;
            if (tokens + gained >= burst) {
                tokens = burst;
                refilledAt = now;
            } else {
                tokens += (int) gained;
                refilledAt += gained * refillNanos;
            }
        }
    }

    /** Whole seconds to wait, at least one: the value of a Retry-After header. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait.toNanos() + TimeUnit.SECONDS.toNanos(1) - 1));
    }
}
