package org.evsettle.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.OcppPasswordHash;
import org.evsettle.testkit.ChargePointSimulator;
import org.evsettle.testkit.ChargePointSimulator.HandshakeRefused;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.ManagementPort;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ChargerAdmissionTest {

    @TestHTTPResource("/")
    URI http;

    private final GatewayFixtures fixtures = new GatewayFixtures();

    @Test
    void admitsARegisteredChargerWithItsPasswordOverOcpp16() {
        GatewayFixtures.Site site = fixtures.aSite();

        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site)) {
            assertThat(charger.subprotocol()).isEqualTo("ocpp1.6");
            assertThat(charger.call("Heartbeat", Map.of()).get("currentTime").asText()).isNotBlank();
        }
    }

    @Test
    void refusesAWrongPasswordAndAnUnknownChargerAlikeWith401() {
        GatewayFixtures.Site site = fixtures.aSite();
        GatewayFixtures.connect(gateway(), site).close();

        assertThatThrownBy(() -> ChargePointSimulator.connect(gateway(), site.chargePointId(), "wrong-password-0123456789"))
                .isInstanceOfSatisfying(HandshakeRefused.class, e -> assertThat(e.status()).isEqualTo(401));
        assertThatThrownBy(() -> ChargePointSimulator.connect(gateway(), site.chargePointId(), null))
                .isInstanceOfSatisfying(HandshakeRefused.class, e -> assertThat(e.status()).isEqualTo(401));
        assertThatThrownBy(() -> ChargePointSimulator.connect(gateway(), "NOBODY-" + UUID.randomUUID(),
                GatewayFixtures.PASSWORD))
                .isInstanceOfSatisfying(HandshakeRefused.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    @Test
    void refusesAChargerThatIsNoLongerActive() {
        GatewayFixtures.Site site = fixtures.aSite();
        GatewayFixtures.connect(gateway(), site).close();
        ChargerRecord active = site.charger();
        fixtures.topics.publish("user-service", new ChargerRecord(active.id(), 2, active.operatorId(), active.siteId(),
                active.chargePointId(), 2, null, null, null, active.ocppPasswordHash(), "DECOMMISSIONED"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThatThrownBy(() -> ChargePointSimulator.connect(gateway(), site.chargePointId(),
                        GatewayFixtures.PASSWORD).close())
                        .isInstanceOfSatisfying(HandshakeRefused.class, e -> assertThat(e.status()).isEqualTo(401)));
    }

    @Test
    void refusesAClientThatOffersNoSupportedSubprotocolAndPrefers201() {
        GatewayFixtures.Site site = fixtures.aSite();
        GatewayFixtures.connect(gateway(), site).close();

        assertThatThrownBy(() -> RawSocket.connect(gateway(), site.chargePointId(), GatewayFixtures.PASSWORD))
                .isInstanceOfSatisfying(HandshakeRefused.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> RawSocket.connect(gateway(), site.chargePointId(), GatewayFixtures.PASSWORD, "ocpp2.1"))
                .isInstanceOfSatisfying(HandshakeRefused.class, e -> assertThat(e.status()).isEqualTo(400));
        try (RawSocket only201 = RawSocket.connect(gateway(), site.chargePointId(), GatewayFixtures.PASSWORD,
                "ocpp2.0.1")) {
            assertThat(only201.subprotocol()).isEqualTo("ocpp2.0.1");
        }
        try (RawSocket both = RawSocket.connect(gateway(), site.chargePointId(), GatewayFixtures.PASSWORD,
                "ocpp1.6", "ocpp2.0.1")) {
            assertThat(both.subprotocol()).as("2.0.1 wins whatever the client's order").isEqualTo("ocpp2.0.1");
        }
    }

    @Test
    void admitsAChargePointIdThatTravelsUrlEncoded() {
        UUID operatorId = UUID.randomUUID();
        ChargerRecord charger = RegistryRecords.aCharger(operatorId, "ZAP:" + UUID.randomUUID().toString().substring(0, 8),
                GatewayFixtures.PASSWORD);
        fixtures.topics.publish("user-service", charger);

        try (ChargePointSimulator connected = GatewayFixtures.connect(gateway(),
                new GatewayFixtures.Site(operatorId, charger))) {
            assertThat(connected.call("Heartbeat", Map.of()).has("currentTime")).isTrue();
        }
    }

    @Test
    void replacesTheFirstConnectionWhenTheSameChargerConnectsAgain() throws Exception {
        GatewayFixtures.Site site = fixtures.aSite();
        ChargePointSimulator first = GatewayFixtures.connect(gateway(), site);

        try (ChargePointSimulator second = ChargePointSimulator.connect(gateway(), site.chargePointId(),
                GatewayFixtures.PASSWORD)) {
            assertThat(first.closed().get(10, TimeUnit.SECONDS)).isEqualTo(1000);
            assertThat(first.isOpen()).isFalse();
            assertThat(second.call("Heartbeat", Map.of()).has("currentTime")).isTrue();
        } finally {
            first.close();
        }
    }

    @Test
    void reportsReadyOnceTheRegistryProjectionCaughtUp() {
        String ready = ManagementPort.awaitReady(Duration.ofSeconds(60));

        assertThat(JsonPath.from(ready).getString("checks.find { it.name == 'registry-projection' }.status"))
                .isEqualTo("UP");
    }

    @Test
    void admitsAStormOfChargersConnectingAtOnceWithPasswordsNotCheckedBefore() throws Exception {
        // why: after a restart of the gateway every charger of the fleet reconnects within seconds
        int count = 120;
        UUID operatorId = UUID.randomUUID();
        fixtures.topics.publish("user-service", RegistryRecords.anOperator(operatorId, "Europe/Amsterdam"));
        List<ChargerRecord> chargers = new ArrayList<>();
        String storedHash = OcppPasswordHash.hash(GatewayFixtures.PASSWORD, 30_000);
        for (int i = 0; i < count; i++) {
            // chosen passwords, hashed with PBKDF2 at the cost of the hashes stored before it was raised
            ChargerRecord charger = RegistryRecords.aChargerWithHash(operatorId,
                    "STORM-" + UUID.randomUUID().toString().substring(0, 8), storedHash, "ACTIVE");
            fixtures.topics.publish("user-service", charger);
            chargers.add(charger);
        }
        GatewayFixtures.connect(gateway(), new GatewayFixtures.Site(operatorId, chargers.get(count - 1))).close();

        ExecutorService storm = Executors.newFixedThreadPool(count);
        try {
            List<Future<ChargePointSimulator>> connecting = new ArrayList<>();
            for (ChargerRecord charger : chargers.subList(0, count - 1)) {
                connecting.add(storm.submit(() -> ChargePointSimulator.connect(gateway(), charger.chargePointId(),
                        GatewayFixtures.PASSWORD)));
            }
            List<String> refused = new ArrayList<>();
            for (Future<ChargePointSimulator> connection : connecting) {
                try (ChargePointSimulator charger = connection.get(60, TimeUnit.SECONDS)) {
                    assertThat(charger.call("Heartbeat", Map.of()).has("currentTime")).isTrue();
                } catch (ExecutionException e) {
                    refused.add(String.valueOf(e.getCause()));
                }
            }
            assertThat(refused).isEmpty();
        } finally {
            storm.shutdownNow();
        }
    }

    private URI gateway() {
        return GatewayFixtures.websocket(http);
    }
}
