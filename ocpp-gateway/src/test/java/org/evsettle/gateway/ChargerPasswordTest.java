package org.evsettle.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.gateway.OcppPipelineTest.dataOf;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.evsettle.events.EventJson;
import org.evsettle.events.ocpp.ChargerEnrolled;
import org.evsettle.events.ocpp.ChargerPasswordIssued;
import org.evsettle.events.ocpp.ChargerPasswordRefused;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.OcppPasswordHash;
import org.evsettle.testkit.ChargePointSimulator;
import org.evsettle.testkit.ChargePointSimulator.HandshakeRefused;
import org.evsettle.testkit.ChargingStationSimulator;
import org.evsettle.testkit.InfrastructureResource;
import org.junit.jupiter.api.Test;

/** An enrolled charger gets a password of its own over AuthorizationKey; then only that password admits it. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ChargerPasswordTest {

    @TestHTTPResource("/")
    URI http;

    @Inject
    RegistryProjection registry;

    private final GatewayFixtures fixtures = new GatewayFixtures();

    @Test
    void givesAnEnrollingChargerItsOwnPasswordAndThenAdmitsOnlyThatOne() throws Exception {
        UUID operatorId = UUID.randomUUID();
        String key = RegistryRecords.anEnrollmentKey();
        fixtures.topics.publish("user-service", RegistryRecords.anOperatorEnrolling(operatorId, key));
        String chargePointId = "NEW-" + UUID.randomUUID().toString().substring(0, 8);

        try (ChargePointSimulator charger = connect(chargePointId, key)) {
            assertThat(charger.call("BootNotification", GatewayFixtures.boot()).get("status").asText())
                    .isEqualTo("Pending");
            charger.reconnected().get(30, TimeUnit.SECONDS);

            JsonNode change = authorizationKeyCall(charger);
            String ownPassword = change.path("value").asText();
            assertThat(ownPassword).matches("[0-9A-F]{40}").isNotEqualTo(key).isEqualTo(charger.password());
            // reconnected with its own password before the registry knows it: admitted, still Pending
            assertThat(charger.call("BootNotification", GatewayFixtures.boot()).get("status").asText())
                    .isEqualTo("Pending");
            assertThat(bootStatus(chargePointId, key)).isEqualTo("refused 401");

            ChargerPasswordIssued issued = await().atMost(Duration.ofSeconds(60)).until(() -> dataOf(
                    fixtures.ocppEvents(chargePointId), ChargerPasswordIssued.class), list -> !list.isEmpty()).get(0);
            assertThat(issued.operatorId()).isEqualTo(operatorId);
            assertThat(OcppPasswordHash.matches(ownPassword, issued.ocppPasswordHash())).isTrue();
            assertThat(OcppPasswordHash.isCostly(issued.ocppPasswordHash())).isFalse();
            assertThat(EventJson.mapper().writeValueAsString(issued)).doesNotContain(ownPassword);

            // user-service registers the enrollment (on the key), then stores the charger's own password
            String keyHash = dataOf(fixtures.ocppEvents(chargePointId), ChargerEnrolled.class).get(0).ocppPasswordHash();
            ChargerRecord pending = RegistryRecords.aChargerOnTheKey(operatorId, chargePointId, keyHash);
            fixtures.topics.publish("user-service", pending);
            await().atMost(Duration.ofSeconds(30)).until(() -> registry.charger(chargePointId).isPresent());
            assertThat(bootStatus(chargePointId, key)).isEqualTo("refused 401");
            assertThat(charger.isOpen()).isTrue();

            ChargerRecord own = RegistryRecords.revised(pending, null, issued.ocppPasswordHash(), "ISSUED", null);
            fixtures.topics.publish("user-service", own);
            await().atMost(Duration.ofSeconds(30)).until(() -> registry.charger(chargePointId)
                    .map(ChargerRecord::revision).orElse(0L) == own.revision());
            assertThat(charger.isOpen()).as("the password it accepted keeps its socket valid").isTrue();
            assertThat(bootStatus(chargePointId, key)).isEqualTo("refused 401");
            fixtures.topics.publish("user-service", RegistryRecords.withStatus(own, "ACTIVE"));
            await().atMost(Duration.ofSeconds(30)).until(() -> bootStatus(chargePointId, ownPassword).equals("Accepted"));
        }
    }

    @Test
    void givesAnEnrolling201StationItsOwnPasswordAsItsBasicAuthPassword() {
        UUID operatorId = UUID.randomUUID();
        String key = RegistryRecords.anEnrollmentKey();
        fixtures.topics.publish("user-service", RegistryRecords.anOperatorEnrolling(operatorId, key));
        String chargePointId = "NEW201-" + UUID.randomUUID().toString().substring(0, 8);
        AtomicReference<String> ownPassword = new AtomicReference<>();

        try (ChargingStationSimulator station = connectStation(chargePointId, key)) {
            station.onCall("SetVariables", payload -> {
                JsonNode data = payload.path("setVariableData").path(0);
                if ("BasicAuthPassword".equals(data.path("variable").path("name").asText())) {
                    ownPassword.set(data.path("attributeValue").asText());
                }
                return Map.of("setVariableResult", List.of(Map.of("attributeStatus", "Accepted",
                        "component", data.get("component"), "variable", data.get("variable"))));
            });
            assertThat(station.boot().get("status").asText()).isEqualTo("Pending");

            ChargerPasswordIssued issued = await().atMost(Duration.ofSeconds(60)).until(() -> dataOf(
                    fixtures.ocppEvents(chargePointId), ChargerPasswordIssued.class), list -> !list.isEmpty()).get(0);
            JsonNode call = station.callsReceived().stream()
                    .filter(frame -> frame.get(2).asText().equals("SetVariables")).findFirst().orElseThrow();
            assertThat(call.at("/3/setVariableData/0/component/name").asText()).isEqualTo("SecurityCtrlr");
            assertThat(ownPassword.get()).matches("[0-9A-F]{40}").isNotEqualTo(key);
            assertThat(issued.operatorId()).isEqualTo(operatorId);
            assertThat(OcppPasswordHash.matches(ownPassword.get(), issued.ocppPasswordHash())).isTrue();
            // the key admits it no more; its own password does
            assertThat(bootStatus(chargePointId, key)).isEqualTo("refused 401");
        }
        try (ChargingStationSimulator again = connectStation(chargePointId, ownPassword.get())) {
            assertThat(again.boot().get("status").asText()).isEqualTo("Pending");
        }
    }

    @Test
    void keepsA201StationThatRefusesItsBasicAuthPasswordOnTheKeyAndSaysWhy() {
        UUID operatorId = UUID.randomUUID();
        String key = RegistryRecords.anEnrollmentKey();
        fixtures.topics.publish("user-service", RegistryRecords.anOperatorEnrolling(operatorId, key));
        String chargePointId = "NEW201-" + UUID.randomUUID().toString().substring(0, 8);

        try (ChargingStationSimulator station = connectStation(chargePointId, key)) {
            station.onCall("SetVariables", payload -> Map.of("setVariableResult", List.of(Map.of(
                    "attributeStatus", "Rejected", "component", Map.of("name", "SecurityCtrlr"),
                    "variable", Map.of("name", "BasicAuthPassword")))));
            assertThat(station.boot().get("status").asText()).isEqualTo("Pending");

            ChargerPasswordRefused refused = await().atMost(Duration.ofSeconds(60)).until(() -> dataOf(
                    fixtures.ocppEvents(chargePointId), ChargerPasswordRefused.class), list -> !list.isEmpty()).get(0);
            assertThat(refused.reason()).isEqualTo("SetVariables SecurityCtrlr.BasicAuthPassword answered Rejected");
            assertThat(dataOf(fixtures.ocppEvents(chargePointId), ChargerPasswordIssued.class)).isEmpty();
        }
    }

    @Test
    void keepsAChargerThatRejectsTheKeyPendingOnTheEnrollmentKeyAndSaysWhy() {
        UUID operatorId = UUID.randomUUID();
        String key = RegistryRecords.anEnrollmentKey();
        fixtures.topics.publish("user-service", RegistryRecords.anOperatorEnrolling(operatorId, key));
        String chargePointId = "NEW-" + UUID.randomUUID().toString().substring(0, 8);

        try (ChargePointSimulator charger = connect(chargePointId, key).answerAuthorizationKey("Rejected")) {
            assertThat(charger.call("BootNotification", GatewayFixtures.boot()).get("status").asText())
                    .isEqualTo("Pending");
            List<ChargerPasswordRefused> refused = await().atMost(Duration.ofSeconds(60)).until(() -> dataOf(
                    fixtures.ocppEvents(chargePointId), ChargerPasswordRefused.class), list -> !list.isEmpty());
            assertThat(refused.get(0).reason()).isEqualTo("ChangeConfiguration AuthorizationKey answered Rejected");
            assertThat(authorizationKeyCall(charger).path("value").asText()).matches("[0-9A-F]{40}");
            assertThat(charger.password()).isEqualTo(key);
            assertThat(charger.isOpen()).isTrue();
        }
        assertThat(dataOf(fixtures.ocppEvents(chargePointId), ChargerPasswordIssued.class)).isEmpty();
        assertThat(bootStatus(chargePointId, key)).isEqualTo("Pending");
    }

    @Test
    void issuesAPasswordToAnApprovedChargerStillOnTheKeyAtItsNextBoot() throws Exception {
        UUID operatorId = UUID.randomUUID();
        String key = RegistryRecords.anEnrollmentKey();
        fixtures.topics.publish("user-service", RegistryRecords.anOperatorEnrolling(operatorId, key));
        String chargePointId = "OLD-" + UUID.randomUUID().toString().substring(0, 8);
        // enrolled before chargers got passwords of their own: a record without an origin
        ChargerRecord approved = new ChargerRecord(UUID.randomUUID(), 3, operatorId, UUID.randomUUID(), chargePointId,
                1, null, null, null, OcppPasswordHash.hashGenerated(key), "PENDING_APPROVAL");
        fixtures.topics.publish("user-service", approved);

        try (ChargePointSimulator charger = connect(chargePointId, key)) {
            charger.call("BootNotification", GatewayFixtures.boot());
            charger.reconnected().get(30, TimeUnit.SECONDS);
            assertThat(charger.password()).isNotEqualTo(key);
            assertThat(bootStatus(chargePointId, key)).isEqualTo("refused 401");
        }
    }

    /** The ChangeConfiguration AuthorizationKey the gateway sent, once it did. */
    private static JsonNode authorizationKeyCall(ChargePointSimulator charger) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> charger.callsReceived().stream()
                .filter(frame -> frame.get(2).asText().equals("ChangeConfiguration"))
                .map(frame -> frame.get(3))
                .filter(payload -> payload.path("key").asText().equals("AuthorizationKey"))
                .findFirst().orElse(null), payload -> payload != null);
    }

    private String bootStatus(String chargePointId, String password) {
        try (ChargePointSimulator charger = ChargePointSimulator.connect(gateway(), chargePointId, password)
                .answerAuthorizationKey("Rejected")) {
            return charger.call("BootNotification", GatewayFixtures.boot()).get("status").asText();
        } catch (HandshakeRefused e) {
            return "refused " + e.status();
        }
    }

    private ChargingStationSimulator connectStation(String chargePointId, String password) {
        AtomicReference<ChargingStationSimulator> connected = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).ignoreException(HandshakeRefused.class).until(() -> {
            connected.set(ChargingStationSimulator.connect(gateway(), chargePointId, password));
            return true;
        });
        return connected.get();
    }

    private ChargePointSimulator connect(String chargePointId, String password) {
        return GatewayFixtures.connectOnceAdmitted(gateway(), chargePointId, password);
    }

    private URI gateway() {
        return GatewayFixtures.websocket(http);
    }
}
