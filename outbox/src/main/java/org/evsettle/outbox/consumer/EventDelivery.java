package org.evsettle.outbox.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.evsettle.events.Envelope;

/**
 * The failure policy of every consumer: how a consumed record reaches its {@link EventConsumer}, and
 * what happens when it cannot be applied. The partition never stops for one record:
 * <ul>
 * <li>a record that depends on one that has not arrived ({@link NotArrivedYet}) is parked and applied
 * when its dependency arrives ({@link ParkedEvents}); later records of its key park behind it;</li>
 * <li>a failure of the infrastructure (the database unreachable, a deadlock) is retried, with growing
 * pauses, for as long as it lasts: it is not the record's fault, and the channel's health says so;</li>
 * <li>any other failure is retried a bounded number of times, then the record is quarantined
 * ({@link Quarantine}), at once if it is unreadable or {@link MalformedRecord}, and the partition moves
 * on; an admin replays it after a fix.</li>
 * </ul>
 * A record is acknowledged (its offset committed) only after it was applied, parked or quarantined,
 * each durably; all three are idempotent, so a redelivery after a crash changes nothing.
 */
@ApplicationScoped
public class EventDelivery {

    /** What becomes of a record that could not be applied: parked, or held in quarantine. */
    private interface Fallback {
        void park(Dependency dependency);

        void quarantine(String reason, int attempts);
    }

    private final ConsumerSettings settings;
    private final Quarantine quarantine;
    private final ParkedEvents parked;
    private final Consumers consumers;
    private final MeterRegistry meters;
    private volatile boolean stopping;

    public EventDelivery(ConsumerSettings settings, Quarantine quarantine, ParkedEvents parked, Consumers consumers,
                         MeterRegistry meters) {
        this.settings = settings;
        this.quarantine = quarantine;
        this.parked = parked;
        this.consumers = consumers;
        this.meters = meters;
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Delivers one record; returns once it is applied, parked or quarantined. */
    public void deliver(EventConsumer consumer, ConsumerRecord<String, byte[]> consumed) {
        ConsumedRecord record = ConsumedRecord.of(consumed);
        if (record.isUnreadable()) {
            untilDone(() -> quarantine.hold(consumer.name(), record, record.unreadableReason(), 0));
        } else if (!held(consumer, List.of(record)).isEmpty()) {
            untilDone(() -> parked.park(consumer.name(), record, null));
        } else {
            settle(consumer.name(), record, () -> {
                consumer.apply(record);
                return true;
            }, fresh(consumer, record, null));
        }
    }

    /**
     * Delivers a poll's records: in one transaction while that works, else one at a time, each by the
     * policy, so that one bad record is handled alone and the others are applied.
     */
    public void deliverAll(BatchEventConsumer consumer, Iterable<ConsumerRecord<String, byte[]>> consumed) {
        List<ConsumedRecord> records = new ArrayList<>();
        consumed.forEach(record -> records.add(ConsumedRecord.of(record)));
        Set<String> parkedKeys = held(consumer, records);
        List<ConsumedRecord> applicable = new ArrayList<>();
        for (ConsumedRecord record : records) {
            if (record.isUnreadable()) {
                untilDone(() -> quarantine.hold(consumer.name(), record, record.unreadableReason(), 0));
            } else if (parkedKeys.contains(record.orderingKey())) {
                untilDone(() -> parked.park(consumer.name(), record, null));
            } else {
                applicable.add(record);
            }
        }
        if (applicable.isEmpty() || (applicable.size() > 1 && appliedTogether(consumer, applicable))) {
            return;
        }
        for (ConsumedRecord record : applicable) {
            if (parkedKeys.contains(record.orderingKey())) {
                untilDone(() -> parked.park(consumer.name(), record, null));
            } else {
                settle(consumer.name(), record, () -> {
                    consumer.applyAll(List.of(record.envelope()));
                    return true;
                }, fresh(consumer, record, parkedKeys));
            }
        }
    }

    /** The batch in one transaction; false when it must be applied one record at a time. */
    private boolean appliedTogether(BatchEventConsumer consumer, List<ConsumedRecord> records) {
        List<Envelope<?>> envelopes = records.stream().<Envelope<?>>map(ConsumedRecord::envelope).toList();
        Duration pause = settings.firstPause();
        while (true) {
            try {
                consumer.applyAll(envelopes);
                return true;
            } catch (RuntimeException e) {
                if (stopping) {
                    throw e;
                }
                if (notArrivedYet(e) != null || !TransientFailures.isTransient(e)) {
                    Log.warnf("%s could not apply %d events from %s in one transaction, applying them one at a time: %s",
                            consumer.name(), records.size(), records.get(0).origin(), describe(e));
                    return false;
                }
                retried(consumer.name(), "transient");
                Log.warnf("%s could not apply %d events from %s, trying again in %d ms: %s", consumer.name(),
                        records.size(), records.get(0).origin(), pause.toMillis(), describe(e));
                pause = pause(pause);
            }
        }
    }

    /** Applies a parked event whose turn it is; returns whether it was applied (not parked again or held). */
    boolean applyParked(EventConsumer consumer, ParkedEvent event) {
        ConsumedRecord record = event.record();
        if (record.isUnreadable()) {
            untilDone(() -> quarantine.holdParked(event.seq(), consumer.name(), record, record.unreadableReason(), 0));
            return false;
        }
        return settle(consumer.name(), record, () -> QuarkusTransaction.requiringNew().call(() -> {
            if (!parked.take(event.seq())) {
                return false; // another replica is at it, or it is gone
            }
            consumer.apply(record);
            return true;
        }), new Fallback() {
            @Override
            public void park(Dependency dependency) {
                parked.waitsAgain(event.seq(), dependency);
            }

            @Override
            public void quarantine(String reason, int attempts) {
                quarantine.holdParked(event.seq(), consumer.name(), record, reason, attempts);
            }
        });
    }

    /** The outcome of replaying a quarantined record once. */
    public record Replay(Result result, String detail) {
        public enum Result {
            APPLIED, PARKED, FAILED, UNCHANGED
        }
    }

    /**
     * Applies a quarantined record once more, now, for an admin: once applied (or parked, when it turns
     * out to wait for a dependency) it is marked REPLAYED by them; when it fails again it stays held with
     * the new reason. A record not QUARANTINED any more is left as it is, so a replay is idempotent.
     */
    public Replay replay(QuarantinedEvent event, String by) {
        EventConsumer consumer = consumers.named(event.consumer()).orElse(null);
        if (consumer == null) {
            return new Replay(Replay.Result.FAILED, "this service has no consumer " + event.consumer());
        }
        ConsumedRecord record = event.record();
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                QuarantinedEvent current = quarantine.lock(event.id()).orElseThrow();
                if (current.status() != QuarantinedEvent.Status.QUARANTINED) {
                    return new Replay(Replay.Result.UNCHANGED, "it is " + current.status() + " already");
                }
                if (record.isUnreadable()) {
                    throw new MalformedRecord(record.unreadableReason());
                }
                consumer.apply(record);
                quarantine.resolve(event.id(), QuarantinedEvent.Status.REPLAYED, by, "applied");
                return new Replay(Replay.Result.APPLIED, "applied");
            });
        } catch (RuntimeException e) {
            NotArrivedYet waiting = notArrivedYet(e);
            if (waiting != null) {
                String detail = "parked until " + waiting.dependency() + " arrives";
                QuarkusTransaction.requiringNew().run(() -> {
                    parked.parkHere(consumer.name(), record, waiting.dependency());
                    quarantine.resolve(event.id(), QuarantinedEvent.Status.REPLAYED, by, detail);
                });
                return new Replay(Replay.Result.PARKED, detail);
            }
            String reason = describe(e);
            quarantine.failedAgain(event.id(), reason);
            Log.warnf("Replaying quarantined event %d for %s failed again: %s", event.id(), consumer.name(), reason);
            return new Replay(Replay.Result.FAILED, reason);
        }
    }

    /**
     * Tries until the record is applied, parked or held; returns whether it was applied. Failures of the
     * infrastructure are tried again for as long as they last, any other up to the bounded attempts.
     */
    private boolean settle(String consumer, ConsumedRecord record, Supplier<Boolean> attempt, Fallback fallback) {
        Duration pause = settings.firstPause();
        int failures = 0;
        while (true) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                NotArrivedYet waiting = notArrivedYet(e);
                if (waiting != null) {
                    untilDone(() -> fallback.park(waiting.dependency()));
                    return false;
                }
                if (stopping) {
                    throw e;
                }
                if (TransientFailures.isTransient(e)) {
                    retried(consumer, "transient");
                    Log.warnf("%s could not apply %s %s from %s, trying again in %d ms: %s", consumer,
                            record.envelope().type(), record.envelope().id(), record.origin(), pause.toMillis(),
                            describe(e));
                } else {
                    failures++;
                    if (failures >= settings.maxAttempts() || isMalformed(e)) {
                        int attempts = failures;
                        untilDone(() -> fallback.quarantine(describe(e), attempts));
                        return false;
                    }
                    retried(consumer, "record");
                    Log.warnf("%s could not apply %s %s from %s (attempt %d of %d), trying again in %d ms: %s",
                            consumer, record.envelope().type(), record.envelope().id(), record.origin(), failures,
                            settings.maxAttempts(), pause.toMillis(), describe(e));
                }
                pause = pause(pause);
            }
        }
    }

    private Fallback fresh(EventConsumer consumer, ConsumedRecord record, Set<String> parkedKeys) {
        return new Fallback() {
            @Override
            public void park(Dependency dependency) {
                parked.park(consumer.name(), record, dependency);
                if (parkedKeys != null) {
                    parkedKeys.add(record.orderingKey());
                }
            }

            @Override
            public void quarantine(String reason, int attempts) {
                quarantine.hold(consumer.name(), record, reason, attempts);
            }
        };
    }

    /** The keys of these records that have parked records: their records wait behind them. */
    private Set<String> held(EventConsumer consumer, List<ConsumedRecord> records) {
        Set<String> keys = new HashSet<>();
        records.forEach(record -> keys.add(record.orderingKey()));
        return untilDone(() -> parked.keysHeld(consumer.name(), keys));
    }

    /**
     * Runs a step of the policy itself (park, hold, look up parked keys) until it succeeds: these are the
     * kit's own tables, and a record may not be acknowledged before its step is durable.
     */
    private void untilDone(Runnable step) {
        untilDone(() -> {
            step.run();
            return null;
        });
    }

    private <T> T untilDone(Supplier<T> step) {
        Duration pause = settings.firstPause();
        while (true) {
            try {
                return step.get();
            } catch (RuntimeException e) {
                if (stopping) {
                    throw e;
                }
                Log.warnf("Could not park or quarantine a record, trying again in %d ms: %s", pause.toMillis(),
                        describe(e));
                pause = pause(pause);
            }
        }
    }

    private Duration pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis()); // a consumer's worker thread: the partition waits for this record anyway
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to try again", interrupted);
        }
        Duration doubled = pause.multipliedBy(2);
        return doubled.compareTo(settings.longestPause()) > 0 ? settings.longestPause() : doubled;
    }

    private void retried(String consumer, String failure) {
        meters.counter("evsettle.consumer.retries", "consumer", consumer, "failure", failure).increment();
    }

    private static NotArrivedYet notArrivedYet(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof NotArrivedYet waiting) {
                return waiting;
            }
        }
        return null;
    }

    private static boolean isMalformed(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof MalformedRecord) {
                return true;
            }
        }
        return false;
    }

    /** The failure in one line: the root cause's class and message. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        String text = root == failure ? root.getClass().getSimpleName() + message
                : failure.getClass().getSimpleName() + " caused by " + root.getClass().getSimpleName() + message;
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
