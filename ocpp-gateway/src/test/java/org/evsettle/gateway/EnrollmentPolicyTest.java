package org.evsettle.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.testkit.ChargePointSimulator;
import org.evsettle.testkit.ChargePointSimulator.HandshakeRefused;
import org.evsettle.testkit.InfrastructureResource;
import org.junit.jupiter.api.Test;

/** Which chargePointIds an enrollment key may bring in: no odd ids, no ids another operator claimed. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class EnrollmentPolicyTest {

    @TestHTTPResource("/")
    URI http;

    @Inject
    RegistryProjection registry;

    @Inject
    MeterRegistry meters;

    private final GatewayFixtures fixtures = new GatewayFixtures();

    @Test
    void refusesToEnrollAnIdThatCouldNotBeRegistered() {
        String key = anOperatorEnrolling(List.of(), false);
        double before = refused("invalid-charge-point-id");
        // printable, so the handshake itself takes it, but not an id the API would register
        assertRefused("NEW*" + UUID.randomUUID().toString().substring(0, 8), key);
        assertRefused("CP=01;" + UUID.randomUUID().toString().substring(0, 8), key);
        assertThat(refused("invalid-charge-point-id")).isEqualTo(before + 2);
    }

    @Test
    void neverEnrollsAnIdAnotherOperatorAnnouncedOrRegistered() {
        String announced = "ZCS" + UUID.randomUUID().toString().substring(0, 8);
        anOperatorEnrolling(List.of(announced), false);
        GatewayFixtures.Site site = fixtures.aSite();
        await().atMost(Duration.ofSeconds(30)).until(() -> registry.charger(site.chargePointId()).isPresent());
        String key = anOperatorEnrolling(List.of(), false);
        double before = refused("claimed");

        assertRefused(announced, key);
        assertRefused(site.chargePointId(), key);
        assertThat(refused("claimed")).isEqualTo(before + 2);
    }

    @Test
    void enrollsOnlyAnnouncedIdsForAnOperatorThatAsksSo() {
        String announced = "ZCS" + UUID.randomUUID().toString().substring(0, 8);
        String key = anOperatorEnrolling(List.of(announced), true);
        double before = refused("not-announced");

        assertRefused("ZCS" + UUID.randomUUID().toString().substring(0, 8), key);
        assertThat(refused("not-announced")).isEqualTo(before + 1);
        try (ChargePointSimulator charger = ChargePointSimulator.connect(gateway(), announced, key)
                .answerAuthorizationKey("Rejected")) {
            assertThat(charger.call("BootNotification", GatewayFixtures.boot()).get("status").asText())
                    .isEqualTo("Pending");
        }
    }

    /** Publishes an operator that enrolls with a new key and announced these ids; returns the key. */
    private String anOperatorEnrolling(List<String> announced, boolean announcedOnly) {
        UUID operatorId = UUID.randomUUID();
        String key = RegistryRecords.anEnrollmentKey();
        OperatorRecord operator = RegistryRecords.withAnnouncements(RegistryRecords.anOperatorEnrolling(operatorId, key),
                announced, announcedOnly);
        fixtures.topics.publish("user-service", operator);
        await().atMost(Duration.ofSeconds(30)).until(() -> registry.operator(operatorId)
                .filter(held -> held.revision() == operator.revision()).isPresent());
        return key;
    }

    private void assertRefused(String chargePointId, String key) {
        assertThatThrownBy(() -> ChargePointSimulator.connect(gateway(), chargePointId, key).close())
                .isInstanceOfSatisfying(HandshakeRefused.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    private double refused(String reason) {
        return meters.counter("ocpp.enrollments.refused", "reason", reason).count();
    }

    private URI gateway() {
        return GatewayFixtures.websocket(http);
    }
}
