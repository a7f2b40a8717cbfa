package org.evsettle.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventJson;
import org.hibernate.Session;

/**
 * Where a service announces events: they are stored in the same database transaction as the change
 * they announce, and {@link OutboxRelay} sends them to Kafka after the commit. A crash between the
 * commit and the send loses nothing; at worst an event is sent twice, with the same id.
 */
@ApplicationScoped
public class Outbox {

    private static final String WAKE_REGISTERED = Outbox.class.getName() + ".wake";

    private final EntityManager entityManager;
    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;

    public Outbox(EntityManager entityManager, OutboxRelay relay, TransactionSynchronizationRegistry transactions) {
        this.entityManager = entityManager;
        this.relay = relay;
        this.transactions = transactions;
    }

    /** Stores the event in the caller's transaction; it reaches Kafka only if that transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Envelope<?> envelope) {
        publishAll(List.of(envelope));
    }

    /**
     * Stores several events in one round trip (a bulk import announces hundreds), in the caller's
     * transaction; they are relayed in the order given.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(List<? extends Envelope<?>> envelopes) {
        if (envelopes.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO outbox_event (event_id, topic, message_key, ce_type, ce_source, ce_time, payload)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                for (Envelope<?> envelope : envelopes) {
                    insert.setObject(1, envelope.id());
                    insert.setString(2, envelope.topic());
                    insert.setString(3, envelope.subject());
                    insert.setString(4, envelope.type());
                    insert.setString(5, envelope.source());
                    insert.setTimestamp(6, Timestamp.from(envelope.time()));
                    insert.setBytes(7, payload(envelope));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        wakeRelayAfterCommit();
    }

    /**
     * Stores a record to be sent as it is given, headers and value byte for byte (a quarantined record
     * on its way to a dead-letter topic), in the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forward(String topic, String key, Map<String, String> headers, UUID eventId, String ceType,
                        byte[] payload) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO outbox_event (event_id, topic, message_key, ce_type, ce_source, ce_time, payload, headers)
                    VALUES (?, ?, ?, ?, ?, now(), ?, ?::jsonb)""")) {
                insert.setObject(1, eventId != null ? eventId : UUID.randomUUID());
                insert.setString(2, topic);
                insert.setString(3, key == null ? "" : key);
                insert.setString(4, ceType != null ? ceType : "unreadable");
                insert.setString(5, topic);
                insert.setBytes(6, payload);
                insert.setString(7, OutboxHeaders.toJson(headers));
                insert.executeUpdate();
            }
        });
        wakeRelayAfterCommit();
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }

    private static byte[] payload(Envelope<?> envelope) {
        if (envelope.isTombstone()) {
            return null;
        }
        try {
            return EventJson.mapper().writeValueAsBytes(envelope.data());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + envelope.type() + " as JSON", e);
        }
    }
}
