package org.evsettle.outbox.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.evsettle.outbox.OutboxHeaders;
import org.hibernate.Session;

/**
 * Events a consumer could not apply yet because what they depend on has not arrived, kept in a table
 * instead of blocking their partition, and applied when it has: the registry projection says so
 * ({@link #arrived}) in the transaction that stores the dependency, and a worker applies the waiting
 * events right after that commits. The order per key holds: a record whose key has a parked record
 * is parked behind it, and only the oldest parked record of a key is applied. A poll looks again at
 * what may have been missed (a dependency stored by another replica, a crash), and every parked
 * event is tried again after a while even if nothing said its dependency arrived.
 */
@ApplicationScoped
public class ParkedEvents {

    private static final String WAKE_REGISTERED = ParkedEvents.class.getName() + ".wake";
    /** The dependencies a transaction said arrived, said again once it committed. */
    private static final String ARRIVALS = ParkedEvents.class.getName() + ".arrivals";
    private static final int BATCH = 100;
    private static final String COLUMNS = """
            seq, consumer, topic, record_partition, record_offset, record_timestamp, message_key, event_id, ce_type,
            awaits, arrived, parked_at, tried_at, headers, payload""";

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final ConsumerSettings settings;
    private final MeterRegistry meters;
    private final EventDelivery delivery;
    private final Consumers consumers;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private ScheduledExecutorService worker;

    public ParkedEvents(EntityManager entityManager, TransactionSynchronizationRegistry transactions,
                        ConsumerSettings settings, MeterRegistry meters, EventDelivery delivery, Consumers consumers) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.settings = settings;
        this.meters = meters;
        this.delivery = delivery;
        this.consumers = consumers;
    }

    void start(@Observes StartupEvent startup) {
        worker = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "parked-events"));
        long poll = settings.parkedPoll().toMillis();
        worker.scheduleWithFixedDelay(this::drain, poll, poll, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Parks the record, in a transaction of its own, until the dependency arrives; without one (null), it
     * waits only behind the parked records of its key. Parking one parked before changes nothing.
     */
    public void park(String consumer, ConsumedRecord record, Dependency awaits) {
        boolean parked = QuarkusTransaction.requiringNew().call(() -> {
            boolean inserted = insert(consumer, record, awaits);
            if (inserted) {
                // also with a dependency: it may have been stored between the failed attempt and this
                // commit, when its arrival found nothing parked yet; the worker tries each new record once
                wakeAfterCommit();
            }
            return inserted;
        });
        if (parked) {
            meters.counter("evsettle.consumer.parked", "consumer", consumer).increment();
            if (awaits == null) {
                Log.debugf("Parked %s %s for %s behind an earlier record of key %s", record.envelope().type(),
                        record.envelope().id(), consumer, record.key());
            } else {
                Log.infof("Parked %s %s for %s until %s arrives", record.envelope().type(), record.envelope().id(),
                        consumer, awaits);
            }
        }
    }

    /** Parks the record in the caller's transaction (a replayed record that turns out to wait). */
    @Transactional(Transactional.TxType.MANDATORY)
    void parkHere(String consumer, ConsumedRecord record, Dependency awaits) {
        insert(consumer, record, awaits);
    }

    private boolean insert(String consumer, ConsumedRecord record, Dependency awaits) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO parked_event (consumer, message_key, awaits, topic, record_partition, record_offset,
                        record_timestamp, event_id, ce_type, headers, payload)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                    ON CONFLICT (consumer, topic, record_partition, record_offset) DO NOTHING""")) {
                insert.setString(1, consumer);
                insert.setString(2, record.orderingKey());
                insert.setString(3, awaits == null ? null : awaits.name());
                insert.setString(4, record.topic());
                insert.setInt(5, record.partition());
                insert.setLong(6, record.offset());
                insert.setLong(7, record.timestamp());
                insert.setObject(8, record.envelope().isTombstone() || record.isUnreadable() ? null : record.envelope().id());
                insert.setString(9, record.headers().get("ce_type"));
                insert.setString(10, OutboxHeaders.toJson(record.headers()));
                insert.setBytes(11, record.value());
                return insert.executeUpdate() == 1;
            }
        });
    }

    /** The keys among these that have parked records of the consumer: their next records park behind them. */
    public Set<String> keysHeld(String consumer, Collection<String> keys) {
        if (keys.isEmpty()) {
            return new HashSet<>();
        }
        return QuarkusTransaction.joiningExisting().call(() -> session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT DISTINCT message_key FROM parked_event WHERE consumer = ? AND message_key = ANY (?)")) {
                select.setString(1, consumer);
                select.setArray(2, connection.createArrayOf("text", keys.stream().distinct().toArray()));
                Set<String> held = new HashSet<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        held.add(rows.getString(1));
                    }
                }
                return held;
            }
        }));
    }

    /**
     * Says, in the transaction that stored it, that a dependency arrived: the events waiting for it are
     * applied right after that transaction commits. Once it has committed, the worker says so again: an
     * event parked while that transaction ran (after its mark, and tried before its commit, so it saw
     * the dependency in neither) is found by the second mark instead of waiting for the recheck.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void arrived(Dependency dependency) {
        int waiting = markArrived(dependency);
        if (waiting > 0) {
            Log.debugf("%s arrived: %d parked events follow", dependency, waiting);
            wakeAfterCommit();
        }
        @SuppressWarnings("unchecked")
        Set<String> arrivals = (Set<String>) transactions.getResource(ARRIVALS);
        if (arrivals == null) {
            Set<String> inThisTransaction = new LinkedHashSet<>();
            transactions.putResource(ARRIVALS, inThisTransaction);
            afterCommit(() -> markAgain(inThisTransaction));
            arrivals = inThisTransaction;
        }
        arrivals.add(dependency.name());
    }

    private void markAgain(Set<String> dependencies) {
        if (worker == null || worker.isShutdown()) {
            return;
        }
        worker.execute(() -> {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> markArrived(dependencies)) > 0) {
                    drain();
                }
            } catch (RuntimeException e) {
                Log.warnf("Parked events awaiting %d arrived dependencies will be looked at again later: %s",
                        dependencies.size(), e.toString());
            }
        });
    }

    private int markArrived(Dependency dependency) {
        return markArrived(Set.of(dependency.name()));
    }

    private int markArrived(Set<String> dependencies) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE parked_event SET arrived = true WHERE awaits = ANY (?) AND NOT arrived")) {
                update.setArray(1, connection.createArrayOf("text", dependencies.toArray()));
                return update.executeUpdate();
            }
        });
    }

    /** Applies the parked events whose turn it is, soon, on the worker; a wake while one is queued is the same wake. */
    public void wake() {
        if (worker != null && !worker.isShutdown() && wakeQueued.compareAndSet(false, true)) {
            worker.execute(() -> {
                wakeQueued.set(false);
                drain();
            });
        }
    }

    private void drain() {
        try {
            int applied = 0;
            int appliedInPass;
            do {
                appliedInPass = 0;
                for (ParkedEvent parked : due()) {
                    Optional<EventConsumer> consumer = consumers.named(parked.consumer());
                    if (consumer.isEmpty()) {
                        Log.errorf("Parked event %d is for consumer %s, which this service does not have", parked.seq(),
                                parked.consumer());
                    } else if (delivery.applyParked(consumer.get(), parked)) {
                        appliedInPass++;
                    }
                }
                applied += appliedInPass;
            } while (appliedInPass > 0 && !Thread.currentThread().isInterrupted());
            if (applied > 0) {
                Log.infof("Applied %d parked events whose dependencies arrived", applied);
            }
        } catch (RuntimeException e) {
            Log.warnf("Parked events will be tried again later: %s", e.toString());
        }
    }

    /**
     * The parked events due now: the oldest of each key, whose dependency arrived, that waits behind
     * nothing, that was never tried since it was parked (its dependency may have come just before), or
     * that has waited longer than the recheck interval.
     */
    private List<ParkedEvent> due() {
        return QuarkusTransaction.requiringNew().call(() -> session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + """
                     FROM parked_event p
                    WHERE (p.awaits IS NULL OR p.arrived OR p.tried_at = p.parked_at OR p.tried_at < ?)
                      AND NOT EXISTS (SELECT 1 FROM parked_event e
                                       WHERE e.consumer = p.consumer AND e.message_key = p.message_key AND e.seq < p.seq)
                    ORDER BY p.seq LIMIT ?""")) {
                select.setTimestamp(1, Timestamp.from(Instant.now().minus(settings.parkedRecheck())));
                select.setInt(2, BATCH);
                return rows(select);
            }
        }));
    }

    /** Takes a parked event out, in the caller's transaction, if it is still there and no one else has it. */
    boolean take(long seq) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("""
                    DELETE FROM parked_event WHERE seq = (SELECT seq FROM parked_event WHERE seq = ? FOR UPDATE SKIP LOCKED)""")) {
                delete.setLong(1, seq);
                return delete.executeUpdate() == 1;
            }
        });
    }

    /** The event still waits, now for this dependency: it is tried again when that arrives. */
    void waitsAgain(long seq, Dependency awaits) {
        QuarkusTransaction.requiringNew().run(() -> session().doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE parked_event SET awaits = ?, arrived = false, tried_at = now() WHERE seq = ?")) {
                update.setString(1, awaits.name());
                update.setLong(2, seq);
                update.executeUpdate();
            }
        }));
    }

    /** The parked events, oldest first, optionally of one consumer; after is the seq the previous page ended at. */
    public List<ParkedEvent> list(String consumer, Long afterSeq, int limit) {
        return QuarkusTransaction.joiningExisting().call(() -> session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM parked_event WHERE (? IS NULL OR consumer = ?) AND seq > ? ORDER BY seq LIMIT ?")) {
                select.setString(1, consumer);
                select.setString(2, consumer);
                select.setLong(3, afterSeq == null ? 0 : afterSeq);
                select.setInt(4, limit);
                return rows(select);
            }
        }));
    }

    /** How many events each consumer has parked, for the gauge. */
    Map<String, Long> parkedByConsumer() {
        return QuarkusTransaction.requiringNew().call(() -> session().doReturningWork(connection -> {
            Map<String, Long> parked = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT consumer, count(*) FROM parked_event GROUP BY consumer");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    parked.put(rows.getString(1), rows.getLong(2));
                }
            }
            return parked;
        }));
    }

    private void wakeAfterCommit() {
        if (transactions.getResource(WAKE_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
        afterCommit(this::wake);
    }

    private void afterCommit(Runnable action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }

    private static List<ParkedEvent> rows(PreparedStatement select) throws SQLException {
        List<ParkedEvent> events = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                Timestamp parkedAt = row.getTimestamp("parked_at");
                Timestamp triedAt = row.getTimestamp("tried_at");
                events.add(new ParkedEvent(row.getLong("seq"), row.getString("consumer"), row.getString("topic"),
                        row.getInt("record_partition"), row.getLong("record_offset"), row.getLong("record_timestamp"),
                        emptyToNull(row.getString("message_key")), row.getObject("event_id", UUID.class),
                        row.getString("ce_type"), row.getString("awaits"), row.getBoolean("arrived"), parkedAt.toInstant(), triedAt.toInstant(),
                        OutboxHeaders.fromJson(row.getString("headers")), row.getBytes("payload")));
            }
        }
        return events;
    }

    private static String emptyToNull(String key) {
        return key == null || key.isEmpty() ? null : key;
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
