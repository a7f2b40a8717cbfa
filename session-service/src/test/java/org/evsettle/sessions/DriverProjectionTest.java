package org.evsettle.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.sessions.SessionWaits.PATIENCE;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventCatalog;
import org.evsettle.events.registry.Address;
import org.evsettle.events.registry.DriverRecord;
import org.evsettle.sessions.messaging.RegistryProjection;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class DriverProjectionTest {

    private final TopicProbe topics = new TopicProbe(InfrastructureResource.stack().kafka().bootstrapServers());

    @Inject
    EntityManager entityManager;

    @AfterEach
    void closeProbe() {
        topics.close();
    }

    @Test
    void keepsTheNewestStateOfADriverAndForgetsADeletedOne() {
        UUID driverId = UUID.randomUUID();
        UUID operatorId = UUID.randomUUID();

        topics.publish("user-service", driver(driverId, operatorId, 2, "EMPLOYEE"));
        Envelope<DriverRecord> older = Envelope.of(UUID.randomUUID(), "user-service",
                driver(driverId, operatorId, 1, "GUEST"), Instant.now());
        topics.publish(older);
        await().atMost(PATIENCE).until(() -> applied(older.id()));

        RegisteredDriver stored = QuarkusTransaction.requiringNew().call(() -> RegisteredDriver.findById(driverId));
        assertThat(stored.revision).isEqualTo(2);
        assertThat(stored.userType).isEqualTo("EMPLOYEE");
        assertThat(stored.operatorId).isEqualTo(operatorId);

        topics.publish("user-service", driver(driverId, operatorId, 3, "RESIDENT"));
        await().atMost(PATIENCE).until(() -> "RESIDENT".equals(
                QuarkusTransaction.requiringNew().call(() -> RegisteredDriver.userTypeOf(driverId).orElse(null))));

        topics.publish(Envelope.tombstone(EventCatalog.DRIVER, "user-service", driverId.toString()));
        await().atMost(PATIENCE).until(
                () -> QuarkusTransaction.requiringNew().call(() -> RegisteredDriver.findById(driverId)) == null);
    }

    private static DriverRecord driver(UUID driverId, UUID operatorId, long revision, String userType) {
        return new DriverRecord(driverId, revision, operatorId, "Bram Jansen", "bram@example.org",
                new Address("Kade 1", "1011 AA", "Amsterdam", "NL"), userType, null, null, "ACTIVE", null, null);
    }

    /** Whether the projection has taken the event (applied it, or found it changed nothing). */
    private boolean applied(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM processed_event WHERE consumer = ?1 AND event_id = ?2")
                .setParameter(1, RegistryProjection.CONSUMER)
                .setParameter(2, eventId)
                .getSingleResult()).longValue() == 1);
    }
}
