package org.evsettle.users;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import java.util.stream.Stream;

/** What the failure policy quarantined, as the tests read it from quarantined_event. */
final class ConsumerQuarantine {

    private ConsumerQuarantine() {
    }

    /** Why the consumer quarantined the event, or null while it has not. */
    static String reason(EntityManager entityManager, String consumer, UUID eventId) {
        return QuarkusTransaction.requiringNew().<String>call(() -> ((Stream<?>) entityManager.createNativeQuery(
                        "SELECT reason FROM quarantined_event WHERE consumer = ?1 AND event_id = ?2")
                .setParameter(1, consumer).setParameter(2, eventId).getResultStream())
                .map(String.class::cast).findFirst().orElse(null));
    }
}
