package org.evsettle.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.users.RegistryFixtures.aChargePointId;
import static org.evsettle.users.RegistryFixtures.createOperator;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.evsettle.events.EventCatalog;
import org.evsettle.events.Topics;
import org.evsettle.events.ocpp.ChargerEnrolled;
import org.evsettle.events.registry.OcppPasswordHash;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TopicProbe;
import org.evsettle.users.messaging.OcppEventsConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The failure policy as enrollment lives it, on real Kafka: a charger event that cannot be read, or has
 * no value, is quarantined, and the next event of that charger still registers it.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ChargerEventFailuresTest {

    @Inject
    EntityManager entityManager;

    private final TopicProbe topics = new TopicProbe(InfrastructureResource.stack().kafka().bootstrapServers());

    @AfterEach
    void closeProbe() {
        topics.close();
    }

    @Test
    void quarantinesAnUnreadableAndAnEmptyRecordAndRegistersTheChargerFromItsNextEnrollment() {
        UUID operatorId = createOperator(o -> o.put("acceptsUnknownChargers", true));
        String chargePointId = aChargePointId();
        UUID unreadable = UUID.randomUUID();
        UUID empty = UUID.randomUUID();
        // keyed by the charger, as the gateway keys them: one partition, the broken records first
        RawRecords.publish(Topics.OCPP_EVENTS, chargePointId, unreadable, EventCatalog.CHARGER_ENROLLED.ceType(),
                "{\"chargePointId\": \"not json".getBytes(StandardCharsets.UTF_8));
        RawRecords.publish(Topics.OCPP_EVENTS, chargePointId, empty, EventCatalog.CHARGER_ENROLLED.ceType(), null);
        topics.publish("ocpp-gateway", new ChargerEnrolled(chargePointId, operatorId, "Zaptec", "Go2", "ZAP000123",
                "2.4.2.4", OcppPasswordHash.hash("the-enrollment-key-the-charger-presented"), Instant.now()));

        await().atMost(PublishedRegistry.PATIENCE).until(() -> statusOf(chargePointId) != null);
        assertThat(statusOf(chargePointId)).isEqualTo("PENDING_APPROVAL");
        await().atMost(PublishedRegistry.PATIENCE).until(() -> quarantinedReason(empty) != null);
        assertThat(quarantinedReason(unreadable)).startsWith("unreadable");
        assertThat(quarantinedReason(empty)).contains("carries no tombstones");
    }

    private String statusOf(String chargePointId) {
        return QuarkusTransaction.requiringNew().<String>call(() -> ((Stream<?>) entityManager.createNativeQuery(
                        "SELECT status FROM charger WHERE charge_point_id = ?1").setParameter(1, chargePointId)
                .getResultStream()).map(String.class::cast).findFirst().orElse(null));
    }

    private String quarantinedReason(UUID eventId) {
        return ConsumerQuarantine.reason(entityManager, OcppEventsConsumer.NAME, eventId);
    }
}
