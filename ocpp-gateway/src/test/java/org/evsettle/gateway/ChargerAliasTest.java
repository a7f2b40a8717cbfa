package org.evsettle.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.evsettle.events.Envelope;
import org.evsettle.events.Topics;
import org.evsettle.events.ocpp.ChargerBooted;
import org.evsettle.events.ocpp.ChargerConnected;
import org.evsettle.events.ocpp.ChargerDisconnected;
import org.evsettle.events.ocpp.MeterValuesSampled;
import org.evsettle.events.ocpp.TransactionStarted;
import org.evsettle.events.ocpp.TransactionStopped;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.gateway.messaging.CommandRelay;
import org.evsettle.testkit.ChargePointSimulator;
import org.evsettle.testkit.ChargePointSimulator.HandshakeRefused;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A Zaptec charger known by its serial number and by its legacy device id ("legacy OCPP behaviour"): on
 * the alias it is the same charger, with the same password, under its own chargePointId in every event.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ChargerAliasTest {

    @TestHTTPResource("/")
    URI http;

    @Inject
    CommandRelay relay;

    private final GatewayFixtures fixtures = new GatewayFixtures();

    /** A site whose charger (a serial number) is known by a legacy device id too. */
    private Aliased anAliasedCharger() {
        GatewayFixtures.Site site = fixtures.aSite();
        String serial = site.chargePointId();
        String legacy = "ZAP-LEGACY-" + UUID.randomUUID().toString().substring(0, 8);
        ChargerRecord aliased = RegistryRecords.withAliases(site.charger(), List.of(legacy));
        fixtures.topics.publish("user-service", aliased);
        return new Aliased(site, aliased, serial, legacy);
    }

    private record Aliased(GatewayFixtures.Site site, ChargerRecord charger, String serial, String legacy) {
    }

    @Test
    void admitsAChargerOnItsAliasAndPublishesEveryEventUnderItsOwnId() throws InterruptedException {
        Aliased charger = anAliasedCharger();
        Instant startedAt = GatewayFixtures.hoursAgo(1);

        try (ChargePointSimulator legacy = GatewayFixtures.connectOnceAdmitted(gateway(), charger.legacy(),
                GatewayFixtures.PASSWORD)) {
            assertThat(legacy.call("BootNotification", GatewayFixtures.boot()).get("status").asText())
                    .isEqualTo("Accepted");
            int transactionId = legacy.call("StartTransaction",
                    GatewayFixtures.startTransaction("04A2B3C4", 1_000, startedAt)).get("transactionId").asInt();
            legacy.call("MeterValues", GatewayFixtures.meterValues(transactionId, startedAt.plusSeconds(120), "1400"));
            legacy.call("StopTransaction", GatewayFixtures.stopTransaction(transactionId, 2_000,
                    startedAt.plusSeconds(600)));

            String admin = TestTokens.operatorAdmin(charger.site().operatorId());
            given().auth().oauth2(admin).get("/api/chargers/{cp}/connection", charger.serial())
                    .then().statusCode(200).body("chargePointId", equalTo(charger.serial()))
                    .body("connected", equalTo(true)).body("vendor", equalTo("Zaptec"));
            given().auth().oauth2(admin).get("/api/chargers/{cp}/connection", charger.legacy())
                    .then().statusCode(404);
            // a command by the charger's own id reaches the connection held on its alias
            assertThat(relay.awaitAssigned(Duration.ofSeconds(60))).isTrue();
            legacy.onCall("ClearCache", payload -> Map.of("status", "Accepted"));
            given().auth().oauth2(admin).contentType("application/json")
                    .post("/api/chargers/{cp}/commands/{action}", charger.serial(), "ClearCache")
                    .then().statusCode(200).body("outcome", equalTo("ANSWERED"))
                    .body("response.status", equalTo("Accepted"));
            given().auth().oauth2(admin).contentType("application/json")
                    .post("/api/chargers/{cp}/commands/{action}", charger.legacy(), "ClearCache")
                    .then().statusCode(404);
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<Envelope<?>> events = fixtures.ocppEvents(charger.serial());
            assertThat(dataOf(events, ChargerConnected.class)).hasSize(1);
            assertThat(dataOf(events, ChargerBooted.class)).singleElement()
                    .satisfies(booted -> assertThat(booted.chargePointId()).isEqualTo(charger.serial()));
            assertThat(dataOf(events, TransactionStarted.class)).singleElement().satisfies(started -> {
                assertThat(started.chargePointId()).isEqualTo(charger.serial());
                assertThat(started.authorization().chargerId()).isEqualTo(charger.charger().id());
                assertThat(started.authorization().operatorId()).isEqualTo(charger.site().operatorId());
            });
            assertThat(dataOf(events, MeterValuesSampled.class)).singleElement()
                    .satisfies(sampled -> assertThat(sampled.chargePointId()).isEqualTo(charger.serial()));
            assertThat(dataOf(events, TransactionStopped.class)).singleElement()
                    .satisfies(stopped -> assertThat(stopped.chargePointId()).isEqualTo(charger.serial()));
            assertThat(dataOf(events, ChargerDisconnected.class)).hasSize(1);
        });
        assertThat(fixtures.topics.readAll(Topics.OCPP_EVENTS, Duration.ofSeconds(2)))
                .as("nothing is published under the alias")
                .noneMatch(envelope -> charger.legacy().equals(envelope.subject()));
    }

    @Test
    void takesAConnectionOnTheAliasAsTheSameChargerReconnecting() throws Exception {
        Aliased charger = anAliasedCharger();

        ChargePointSimulator bySerial = GatewayFixtures.connect(gateway(), charger.site());
        try (ChargePointSimulator byLegacyId = GatewayFixtures.connectOnceAdmitted(gateway(), charger.legacy(),
                GatewayFixtures.PASSWORD)) {
            assertThat(bySerial.closed().get(10, TimeUnit.SECONDS)).as("the newest connection wins").isEqualTo(1000);
            assertThat(byLegacyId.call("Heartbeat", Map.of()).get("currentTime").asText()).isNotBlank();

            try (ChargePointSimulator bySerialAgain = ChargePointSimulator.connect(gateway(), charger.serial(),
                    GatewayFixtures.PASSWORD)) {
                assertThat(byLegacyId.closed().get(10, TimeUnit.SECONDS)).isEqualTo(1000);
                assertThat(bySerialAgain.call("Heartbeat", Map.of()).get("currentTime").asText()).isNotBlank();
            }
        } finally {
            bySerial.close();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(dataOf(
                fixtures.ocppEvents(charger.serial()), ChargerDisconnected.class))
                .extracting(ChargerDisconnected::reason).filteredOn(reason -> reason != null && reason.contains("Replaced"))
                .hasSize(2));
    }

    @Test
    void refusesTheAliasWithAnotherPasswordAndOnceTheRegistryWithdrawsIt() {
        Aliased charger = anAliasedCharger();
        GatewayFixtures.connectOnceAdmitted(gateway(), charger.legacy(), GatewayFixtures.PASSWORD).close();

        assertThatThrownBy(() -> ChargePointSimulator.connect(gateway(), charger.legacy(), "wrong-password-0123456789"))
                .isInstanceOfSatisfying(HandshakeRefused.class, e -> assertThat(e.status()).isEqualTo(401));

        fixtures.topics.publish("user-service", RegistryRecords.withAliases(charger.charger(), List.of()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThatThrownBy(() -> ChargePointSimulator.connect(gateway(), charger.legacy(),
                        GatewayFixtures.PASSWORD).close())
                        .isInstanceOfSatisfying(HandshakeRefused.class, e -> assertThat(e.status()).isEqualTo(401)));
        GatewayFixtures.connect(gateway(), charger.site()).close();
    }

    private static <T> List<T> dataOf(List<Envelope<?>> envelopes, Class<T> type) {
        return envelopes.stream().map(Envelope::data).filter(type::isInstance).map(type::cast).toList();
    }

    private URI gateway() {
        return GatewayFixtures.websocket(http);
    }
}
