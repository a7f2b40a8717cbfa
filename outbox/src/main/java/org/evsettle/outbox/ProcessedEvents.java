package org.evsettle.outbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/**
 * The events each consumer has acted on, recorded in the transaction of the effect itself: a
 * redelivered event finds its id here and is skipped, so every consumer acts once per event.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager entityManager;
    private final Duration retention;

    public ProcessedEvents(EntityManager entityManager,
                           @ConfigProperty(name = "evsettle.processed-events.retention", defaultValue = "P30D")
                           Duration retention) {
        this.entityManager = entityManager;
        this.retention = retention;
    }

    /** True the first time this consumer sees the event; false for a repeat. Joins the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(String consumer, UUID eventId) {
        // why plain JDBC: a native query through Hibernate flushes every pending change first, which makes a
        // batch of n events cost n flushes over a growing persistence context
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO processed_event (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                insert.setString(1, consumer);
                insert.setObject(2, eventId);
                return insert.executeUpdate() == 1;
            }
        });
    }

    /**
     * The ids of a batch this consumer sees for the first time, recorded in one statement; an id seen
     * before, or twice in the batch, is left out. Joins the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> firstTimeAll(String consumer, Collection<UUID> eventIds) {
        UUID[] ids = eventIds.stream().distinct().toArray(UUID[]::new);
        if (ids.length == 0) {
            return new HashSet<>();
        }
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO processed_event (consumer, event_id) SELECT ?, id FROM unnest(?) AS id
                    ON CONFLICT DO NOTHING RETURNING event_id""")) {
                insert.setString(1, consumer);
                insert.setArray(2, connection.createArrayOf("uuid", ids));
                Set<UUID> recorded = new HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        recorded.add(rows.getObject(1, UUID.class));
                    }
                }
                return recorded;
            }
        });
    }

    /** Redeliveries come within minutes or days; ids older than the retention are forgotten. */
    @Scheduled(every = "1h", delayed = "5m")
    @Transactional
    void forgetOld() {
        entityManager.createNativeQuery("DELETE FROM processed_event WHERE processed_at < now() - make_interval(secs => ?1)")
                .setParameter(1, (double) retention.toSeconds())
                .executeUpdate();
    }
}
