package org.evsettle.outbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
        return entityManager.createNativeQuery(
                        "INSERT INTO processed_event (consumer, event_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate() == 1;
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
