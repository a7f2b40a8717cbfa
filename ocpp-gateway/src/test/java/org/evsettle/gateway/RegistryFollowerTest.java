package org.evsettle.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventCatalog;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.ManagementPort;
import org.junit.jupiter.api.Test;

/** The registry topics as the gateway follows them: a malformed record is counted and passed over, never applied. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class RegistryFollowerTest {

    private static final String MALFORMED_CHARGERS = "evsettle_registry_malformed_total{topic=\"registry.chargers\"}";

    @Inject
    RegistryProjection projection;

    private final GatewayFixtures fixtures = new GatewayFixtures();

    @Test
    void countsAndSkipsARecordWhoseKeyIsNoEntityIdAndFollowsOn() {
        ManagementPort.awaitReady(Duration.ofSeconds(60));
        double before = GatewayFixtures.metric(MALFORMED_CHARGERS);
        String chargePointId = "KEYLESS-" + UUID.randomUUID().toString().substring(0, 8);
        ChargerRecord charger = RegistryRecords.aCharger(UUID.randomUUID(), chargePointId, GatewayFixtures.PASSWORD);
        // published under its chargePointId instead of its id, as a faulty producer might
        fixtures.topics.publish(new Envelope<>(UUID.randomUUID(), EventCatalog.CHARGER.ceType(), "user-service",
                chargePointId, Instant.now(), charger));
        ChargerRecord next = RegistryRecords.aCharger(UUID.randomUUID(), "NEXT-" + chargePointId, GatewayFixtures.PASSWORD);
        fixtures.topics.publish("user-service", next);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(projection.charger(next.chargePointId())).isPresent();
            assertThat(GatewayFixtures.metric(MALFORMED_CHARGERS)).isEqualTo(before + 1);
        });
        assertThat(projection.charger(chargePointId)).isEmpty();
    }
}
