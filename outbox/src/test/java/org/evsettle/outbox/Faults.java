package org.evsettle.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Failures a test plans for an event: it fails that many times (or always, -1) before it applies. */
@ApplicationScoped
public class Faults {

    private final Map<UUID, AtomicInteger> remaining = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();

    public void failTimes(UUID eventId, int times) {
        remaining.put(eventId, new AtomicInteger(times));
    }

    public void heal(UUID eventId) {
        remaining.remove(eventId);
    }

    public int attempts(UUID eventId) {
        return attempts.getOrDefault(eventId, new AtomicInteger()).get();
    }

    void attempt(UUID eventId) {
        attempts.computeIfAbsent(eventId, id -> new AtomicInteger()).incrementAndGet();
        AtomicInteger left = remaining.get(eventId);
        if (left != null && (left.get() < 0 || left.getAndDecrement() > 0)) {
            throw new IllegalStateException("planned failure of " + eventId);
        }
    }
}
