package org.evsettle.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.OcppPasswordHash;
import org.evsettle.testkit.ChargePointSimulator;
import org.evsettle.testkit.ChargePointSimulator.HandshakeRefused;
import org.evsettle.testkit.InfrastructureResource;
import org.junit.jupiter.api.Test;

/** Sockets are judged again when the registry changes the charger they belong to. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class AdmissionReviewTest {

    private static final String NEW_PASSWORD = "FEDCBA9876543210FEDCBA9876543210FEDCBA98";

    @TestHTTPResource("/")
    URI http;

    @Inject
    RegistryProjection registry;

    private final GatewayFixtures fixtures = new GatewayFixtures();

    @Test
    void closesTheSocketWhenThePasswordChangesAndAdmitsOnlyTheNewOne() throws Exception {
        GatewayFixtures.Site site = fixtures.aSite();
        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site)) {
            publish(RegistryRecords.revised(site.charger(), null, OcppPasswordHash.hash(NEW_PASSWORD), null, null));
            assertThat(charger.closed().get(30, TimeUnit.SECONDS)).isEqualTo(1008);
        }
        assertThatThrownBy(() -> ChargePointSimulator.connect(gateway(), site.chargePointId(), GatewayFixtures.PASSWORD))
                .isInstanceOfSatisfying(HandshakeRefused.class, e -> assertThat(e.status()).isEqualTo(401));
        ChargePointSimulator.connect(gateway(), site.chargePointId(), NEW_PASSWORD).close();
    }

    @Test
    void closesTheSocketOfADecommissionedCharger() throws Exception {
        GatewayFixtures.Site site = fixtures.aSite();
        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site)) {
            publish(RegistryRecords.withStatus(site.charger(), "DECOMMISSIONED"));
            assertThat(charger.closed().get(30, TimeUnit.SECONDS)).isEqualTo(1008);
        }
        assertThat(GatewayFixtures.metric("ocpp_connections_closed_total{reason=\"revoked\"}")).isPositive();
    }

    @Test
    void closesTheSocketWhenTheChargerMovesToAnotherOperator() throws Exception {
        GatewayFixtures.Site site = fixtures.aSite();
        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site)) {
            publish(RegistryRecords.revised(site.charger(), UUID.randomUUID(), null, null, null));
            assertThat(charger.closed().get(30, TimeUnit.SECONDS)).isEqualTo(1008);
        }
    }

    @Test
    void keepsTheSocketForChangesThatKeepTheAdmissionValid() {
        GatewayFixtures.Site site = fixtures.aSite();
        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site)) {
            ChargerRecord firmware = RegistryRecords.revised(site.charger(), null, null, null, "3.2.1.0");
            publish(firmware);
            ChargerRecord moved = new ChargerRecord(firmware.id(), firmware.revision() + 1, firmware.operatorId(),
                    UUID.randomUUID(), firmware.chargePointId(), 3, "Zaptec", "Go2", firmware.firmwareVersion(),
                    firmware.ocppPasswordHash(), "ACTIVE", firmware.ocppPasswordOrigin());
            publish(moved);
            assertThat(charger.isOpen()).isTrue();
            assertThat(charger.call("Heartbeat", java.util.Map.of()).has("currentTime")).isTrue();
        }
    }

    @Test
    void closesAnEnrollingSocketOnceTheOperatorRegistersTheChargerWithAPasswordOfItsOwn() throws Exception {
        UUID operatorId = UUID.randomUUID();
        String key = RegistryRecords.anEnrollmentKey();
        fixtures.topics.publish("user-service", RegistryRecords.anOperatorEnrolling(operatorId, key));
        String chargePointId = "NEW-" + UUID.randomUUID().toString().substring(0, 8);
        ChargePointSimulator charger = await().atMost(Duration.ofSeconds(30)).ignoreException(HandshakeRefused.class)
                .until(() -> ChargePointSimulator.connect(gateway(), chargePointId, key), c -> true);
        try (charger) {
            // the enrollment's own record keeps the socket: the key still admits the charger
            ChargerRecord pending = RegistryRecords.aChargerOnTheKey(operatorId, chargePointId,
                    OcppPasswordHash.hashGenerated(key));
            publish(pending);
            assertThat(charger.isOpen()).isTrue();
            // the operator registers it by hand with a password it chose: the key no longer admits it
            publish(RegistryRecords.revised(pending, null, OcppPasswordHash.hash(NEW_PASSWORD), "ASSIGNED", null));
            assertThat(charger.closed().get(30, TimeUnit.SECONDS)).isEqualTo(1008);
        }
    }

    @Test
    void closesAnEnrollingSocketWhenAnotherOperatorRegistersTheId() throws Exception {
        UUID operatorId = UUID.randomUUID();
        String key = RegistryRecords.anEnrollmentKey();
        fixtures.topics.publish("user-service", RegistryRecords.anOperatorEnrolling(operatorId, key));
        String chargePointId = "NEW-" + UUID.randomUUID().toString().substring(0, 8);
        ChargePointSimulator charger = await().atMost(Duration.ofSeconds(30)).ignoreException(HandshakeRefused.class)
                .until(() -> ChargePointSimulator.connect(gateway(), chargePointId, key), c -> true);
        try (charger) {
            publish(RegistryRecords.aCharger(UUID.randomUUID(), chargePointId, NEW_PASSWORD));
            assertThat(charger.closed().get(30, TimeUnit.SECONDS)).isEqualTo(1008);
        }
    }

    /** Publishes a charger record and waits until the gateway's projection holds it. */
    private void publish(ChargerRecord charger) {
        fixtures.topics.publish("user-service", charger);
        await().atMost(Duration.ofSeconds(30)).until(() -> registry.charger(charger.chargePointId())
                .filter(held -> held.revision() == charger.revision()).isPresent());
    }

    private URI gateway() {
        return GatewayFixtures.websocket(http);
    }
}
