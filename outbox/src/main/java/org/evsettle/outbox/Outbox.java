package org.evsettle.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Timestamp;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventJson;

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
        entityManager.createNativeQuery("""
                        INSERT INTO outbox_event (event_id, topic, message_key, ce_type, ce_source, ce_time, payload)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, envelope.id())
                .setParameter(2, envelope.topic())
                .setParameter(3, envelope.subject())
                .setParameter(4, envelope.type())
                .setParameter(5, envelope.source())
                .setParameter(6, Timestamp.from(envelope.time()))
                .setParameter(7, payload(envelope))
                .executeUpdate();
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
