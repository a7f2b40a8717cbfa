package org.evsettle.outbox.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.events.Topics;
import org.evsettle.kit.api.DomainException;
import org.evsettle.outbox.Outbox;
import org.evsettle.outbox.OutboxHeaders;
import org.hibernate.Session;

/**
 * Where a record goes that a consumer could not apply after its bounded attempts, or could not read at
 * all: a row an admin sees, lists and replays once the cause is fixed, and a copy on the consumer's
 * dead-letter topic ({@code dlq.<consumer>}, through the outbox, in the same transaction). Holding a
 * record is what lets the partition move on; it is never a loss.
 */
@ApplicationScoped
public class Quarantine {

    static final String HEADER_CONSUMER = "evsettle-dlq-consumer";
    static final String HEADER_REASON = "evsettle-dlq-reason";
    static final String HEADER_ORIGIN = "evsettle-dlq-origin";
    private static final String COLUMNS = """
            id, consumer, topic, record_partition, record_offset, record_timestamp, message_key, event_id, ce_type,
            reason, attempts, status, quarantined_at, resolved_at, resolved_by, resolution, headers, payload""";

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final MeterRegistry meters;

    public Quarantine(EntityManager entityManager, Outbox outbox, MeterRegistry meters) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.meters = meters;
    }

    /** Holds the record, in a transaction of its own; holding one held before changes nothing. */
    public void hold(String consumer, ConsumedRecord record, String reason, int attempts) {
        boolean held = QuarkusTransaction.requiringNew().call(() -> insert(consumer, record, reason, attempts));
        if (held) {
            meters.counter("evsettle.consumer.quarantined", "consumer", consumer).increment();
            Log.errorf("Quarantined %s %s from %s for consumer %s after %d attempt(s): %s; the partition moves on,"
                    + " an admin can replay it", record.envelope().type(), record.envelope().id(), record.origin(),
                    consumer, attempts, reason);
        }
    }

    /** Holds a parked record that failed, and takes it out of parking, in one transaction. */
    void holdParked(long parkedSeq, String consumer, ConsumedRecord record, String reason, int attempts) {
        boolean held = QuarkusTransaction.requiringNew().call(() -> {
            session().doWork(connection -> {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM parked_event WHERE seq = ?")) {
                    delete.setLong(1, parkedSeq);
                    delete.executeUpdate();
                }
            });
            return insert(consumer, record, reason, attempts);
        });
        if (held) {
            meters.counter("evsettle.consumer.quarantined", "consumer", consumer).increment();
            Log.errorf("Quarantined parked %s %s from %s for consumer %s after %d attempt(s): %s",
                    record.envelope().type(), record.envelope().id(), record.origin(), consumer, attempts, reason);
        }
    }

    private boolean insert(String consumer, ConsumedRecord record, String reason, int attempts) {
        boolean inserted = session().doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO quarantined_event (consumer, topic, record_partition, record_offset, record_timestamp,
                        message_key, event_id, ce_type, headers, payload, reason, attempts)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
                    ON CONFLICT (consumer, topic, record_partition, record_offset) DO NOTHING""")) {
                insert.setString(1, consumer);
                insert.setString(2, record.topic());
                insert.setInt(3, record.partition());
                insert.setLong(4, record.offset());
                insert.setLong(5, record.timestamp());
                insert.setString(6, record.key());
                insert.setObject(7, eventId(record));
                insert.setString(8, record.headers().get("ce_type"));
                insert.setString(9, OutboxHeaders.toJson(record.headers()));
                insert.setBytes(10, record.value());
                insert.setString(11, reason);
                insert.setInt(12, attempts);
                return insert.executeUpdate() == 1;
            }
        });
        if (inserted) {
            Map<String, String> headers = new LinkedHashMap<>(record.headers());
            headers.put(HEADER_CONSUMER, consumer);
            headers.put(HEADER_REASON, reason.length() > 1000 ? reason.substring(0, 1000) : reason);
            headers.put(HEADER_ORIGIN, record.origin());
            outbox.forward(Topics.deadLetters(consumer), record.key(), headers, eventId(record),
                    record.headers().get("ce_type"), record.value());
        }
        return inserted;
    }

    /** The held records, newest first, optionally of one consumer and status; after is the id the previous page ended at. */
    public List<QuarantinedEvent> list(String consumer, QuarantinedEvent.Status status, Long afterId, int limit) {
        return QuarkusTransaction.joiningExisting().call(() -> session().doReturningWork(connection -> {
            StringBuilder query = new StringBuilder("SELECT " + COLUMNS + " FROM quarantined_event WHERE true");
            List<Object> parameters = new ArrayList<>();
            if (consumer != null) {
                query.append(" AND consumer = ?");
                parameters.add(consumer);
            }
            if (status != null) {
                query.append(" AND status = ?");
                parameters.add(status.name());
            }
            if (afterId != null) {
                query.append(" AND id < ?");
                parameters.add(afterId);
            }
            query.append(" ORDER BY id DESC LIMIT ?");
            parameters.add(limit);
            try (PreparedStatement select = connection.prepareStatement(query.toString())) {
                for (int i = 0; i < parameters.size(); i++) {
                    select.setObject(i + 1, parameters.get(i));
                }
                return rows(select);
            }
        }));
    }

    public Optional<QuarantinedEvent> find(long id) {
        return QuarkusTransaction.joiningExisting().call(() -> byId(id, false));
    }

    /** The row, locked against a concurrent replay or discard until the caller's transaction ends. */
    Optional<QuarantinedEvent> lock(long id) {
        return byId(id, true);
    }

    private Optional<QuarantinedEvent> byId(long id, boolean lock) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM quarantined_event WHERE id = ?" + (lock ? " FOR UPDATE" : ""))) {
                select.setLong(1, id);
                return rows(select).stream().findFirst();
            }
        });
    }

    /** Marks a held record resolved (REPLAYED or DISCARDED), in the caller's transaction. */
    void resolve(long id, QuarantinedEvent.Status status, String by, String resolution) {
        session().doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE quarantined_event SET status = ?, resolved_at = now(), resolved_by = ?, resolution = ?
                    WHERE id = ?""")) {
                update.setString(1, status.name());
                update.setString(2, by);
                update.setString(3, resolution);
                update.setLong(4, id);
                update.executeUpdate();
            }
        });
    }

    /**
     * Gives a held record up, with the reason; one discarded already stays as it is, and one replayed
     * cannot be discarded (409).
     */
    public QuarantinedEvent discard(long id, String by, String reason) {
        return QuarkusTransaction.requiringNew().call(() -> {
            QuarantinedEvent event = lock(id).orElseThrow(() -> DomainException.notFound("Quarantined record", id));
            if (event.status() == QuarantinedEvent.Status.REPLAYED) {
                throw DomainException.conflict("Quarantined record " + id + " was replayed already");
            }
            if (event.status() == QuarantinedEvent.Status.QUARANTINED) {
                resolve(id, QuarantinedEvent.Status.DISCARDED, by, reason);
                // who discarded it is kept with the record; a log carries no person's name
                Log.warnf("Quarantined record %d of %s discarded: %s", id, event.consumer(), reason);
            }
            return byId(id, false).orElseThrow();
        });
    }

    /** Records a replay that failed again: the record stays held, with the new reason. */
    void failedAgain(long id, String reason) {
        QuarkusTransaction.requiringNew().run(() -> session().doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE quarantined_event SET attempts = attempts + 1, reason = ? WHERE id = ?")) {
                update.setString(1, reason);
                update.setLong(2, id);
                update.executeUpdate();
            }
        }));
    }

    /** How many records each consumer holds unresolved, for the gauge an alert watches. */
    Map<String, Long> heldByConsumer() {
        return QuarkusTransaction.requiringNew().call(() -> session().doReturningWork(connection -> {
            Map<String, Long> held = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT consumer, count(*) FROM quarantined_event WHERE status = 'QUARANTINED' GROUP BY consumer");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    held.put(rows.getString(1), rows.getLong(2));
                }
            }
            return held;
        }));
    }

    private static List<QuarantinedEvent> rows(PreparedStatement select) throws SQLException {
        List<QuarantinedEvent> events = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                events.add(new QuarantinedEvent(row.getLong("id"), row.getString("consumer"), row.getString("topic"),
                        row.getInt("record_partition"), row.getLong("record_offset"), row.getLong("record_timestamp"),
                        row.getString("message_key"), row.getObject("event_id", UUID.class), row.getString("ce_type"),
                        row.getString("reason"), row.getInt("attempts"),
                        QuarantinedEvent.Status.valueOf(row.getString("status")),
                        instant(row.getTimestamp("quarantined_at")), instant(row.getTimestamp("resolved_at")),
                        row.getString("resolved_by"), row.getString("resolution"),
                        OutboxHeaders.fromJson(row.getString("headers")), row.getBytes("payload")));
            }
        }
        return events;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static UUID eventId(ConsumedRecord record) {
        String id = record.headers().get("ce_id");
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
