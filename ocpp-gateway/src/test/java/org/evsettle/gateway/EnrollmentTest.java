package org.evsettle.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import org.evsettle.events.ocpp.ChargerBooted;
import org.evsettle.events.ocpp.ChargerEnrolled;
import org.evsettle.events.ocpp.ChargerPasswordIssued;
import org.evsettle.events.ocpp.TransactionStarted;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.OcppPasswordHash;
import org.evsettle.testkit.ChargePointSimulator;
import org.evsettle.testkit.ChargePointSimulator.HandshakeRefused;
import org.evsettle.testkit.InfrastructureResource;
import org.junit.jupiter.api.Test;

/** Unknown chargers let in as Pending with an operator's enrollment key, and chargers awaiting approval. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class EnrollmentTest {

    @TestHTTPResource("/")
    URI http;

    @Inject
    RegistryProjection registry;

    private final GatewayFixtures fixtures = new GatewayFixtures();

    @Test
    void enrollsAnUnknownChargerWithTheEnrollmentKeyAsPendingUntilApproved() throws Exception {
        UUID operatorId = UUID.randomUUID();
        String key = RegistryRecords.anEnrollmentKey();
        fixtures.topics.publish("user-service", RegistryRecords.anOperatorEnrolling(operatorId, key));
        String chargePointId = "NEW-" + UUID.randomUUID().toString().substring(0, 8);
        // a valid card of the operator: refused all the same, because the charger is not accepted yet
        String idTag = "04A2B3" + OcppPipelineTest.randomTag();
        fixtures.aCard(operatorId, idTag, c -> c);
        await().atMost(Duration.ofSeconds(30)).until(() -> registry.card(operatorId, idTag).isPresent());

        String ownPassword;
        try (ChargePointSimulator charger = connect(chargePointId, key)) {
            JsonNode boot = charger.call("BootNotification", Map.of("chargePointVendor", "Alfen", "chargePointModel",
                    "Eve Single", "chargePointSerialNumber", "ACE0012345", "firmwareVersion", "6.2.0"));
            assertThat(boot.get("status").asText()).isEqualTo("Pending");
            assertThat(boot.get("interval").asInt()).isEqualTo(60);
            // it takes the password of its own the gateway offers and comes back with it
            charger.reconnected().get(30, TimeUnit.SECONDS);
            ownPassword = charger.password();

            assertThat(charger.call("Authorize", Map.of("idTag", idTag)).at("/idTagInfo/status").asText())
                    .isEqualTo("Invalid");
            JsonNode start = charger.call("StartTransaction",
                    GatewayFixtures.startTransaction(idTag, 100, GatewayFixtures.hoursAgo(1)));
            assertThat(start.get("transactionId").asInt()).isPositive();
            assertThat(start.at("/idTagInfo/status").asText()).isEqualTo("Invalid");
        }

        var events = fixtures.ocppEvents(chargePointId);
        assertThat(dataOf(events, ChargerEnrolled.class)).singleElement().satisfies(enrolled -> {
            assertThat(enrolled.operatorId()).isEqualTo(operatorId);
            assertThat(enrolled.vendor()).isEqualTo("Alfen");
            assertThat(enrolled.model()).isEqualTo("Eve Single");
            assertThat(enrolled.serialNumber()).isEqualTo("ACE0012345");
            assertThat(enrolled.firmwareVersion()).isEqualTo("6.2.0");
            assertThat(OcppPasswordHash.matches(key, enrolled.ocppPasswordHash())).isTrue();
        });
        assertThat(dataOf(events, ChargerBooted.class)).singleElement()
                .satisfies(booted -> assertThat(booted.registrationStatus()).isEqualTo("Pending"));
        assertThat(dataOf(events, TransactionStarted.class)).singleElement()
                .satisfies(started -> assertThat(started.authorization().status()).isEqualTo("Invalid"));

        // user-service registers it as awaiting approval, then an admin approves it
        ChargerRecord pending = new ChargerRecord(UUID.randomUUID(), 1, operatorId, UUID.randomUUID(), chargePointId, 1,
                "Alfen", "Eve Single", "6.2.0", dataOf(events, ChargerEnrolled.class).get(0).ocppPasswordHash(),
                "PENDING_APPROVAL");
        fixtures.topics.publish("user-service", pending);
        await().atMost(Duration.ofSeconds(30)).until(() -> registry.charger(chargePointId).isPresent());
        assertThat(bootStatus(chargePointId, ownPassword)).isEqualTo("Pending");
        ChargerRecord own = RegistryRecords.revised(pending, null,
                dataOf(fixtures.ocppEvents(chargePointId), ChargerPasswordIssued.class).get(0).ocppPasswordHash(),
                "ISSUED", null);
        fixtures.topics.publish("user-service", RegistryRecords.withStatus(own, "ACTIVE"));
        await().atMost(Duration.ofSeconds(30)).until(() -> bootStatus(chargePointId, ownPassword).equals("Accepted"));
        assertThat(bootStatus(chargePointId, key)).isEqualTo("refused 401");
    }

    @Test
    void refusesAnUnknownChargerWithoutTheKeyOrWhenTheOperatorDoesNotAcceptUnknownChargers() {
        UUID operatorId = UUID.randomUUID();
        String key = RegistryRecords.anEnrollmentKey();
        fixtures.topics.publish("user-service", RegistryRecords.anOperatorEnrolling(operatorId, key));
        String chargePointId = "NEW-" + UUID.randomUUID().toString().substring(0, 8);
        connect(chargePointId, key).close();

        assertThatThrownBy(() -> ChargePointSimulator.connect(gateway(), chargePointId, "a-guess-" + UUID.randomUUID()))
                .isInstanceOfSatisfying(HandshakeRefused.class, e -> assertThat(e.status()).isEqualTo(401));

        var operator = RegistryRecords.anOperator(operatorId, "Europe/Amsterdam");
        fixtures.topics.publish("user-service", new org.evsettle.events.registry.OperatorRecord(operatorId, 2,
                operator.legalName(), operator.address(), operator.vatNumber(), operator.chamberOfCommerceNumber(),
                operator.iban(), operator.bic(), operator.contactEmail(), operator.timeZone(), operator.currency(),
                operator.billingInterval(), operator.graceDays(), operator.paymentTermDays(),
                operator.invoiceNumberPrefix(), false, operator.userTypes(), null, null, false, List.of(), List.of(), null, null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThatThrownBy(() -> ChargePointSimulator.connect(gateway(), chargePointId, key).close())
                        .isInstanceOfSatisfying(HandshakeRefused.class, e -> assertThat(e.status()).isEqualTo(401)));
    }

    @Test
    void answersPendingToARegisteredChargerAwaitingApproval() {
        UUID operatorId = UUID.randomUUID();
        ChargerRecord charger = RegistryRecords.aCharger(operatorId, "ZAP-" + UUID.randomUUID().toString().substring(0, 8),
                GatewayFixtures.PASSWORD, "PENDING_APPROVAL");
        fixtures.topics.publish("user-service", charger);

        try (ChargePointSimulator connected = connect(charger.chargePointId(), GatewayFixtures.PASSWORD)) {
            assertThat(connected.call("BootNotification", GatewayFixtures.boot()).get("status").asText())
                    .isEqualTo("Pending");
        }
    }

    private String bootStatus(String chargePointId, String password) {
        try (ChargePointSimulator charger = ChargePointSimulator.connect(gateway(), chargePointId, password)) {
            return charger.call("BootNotification", GatewayFixtures.boot()).get("status").asText();
        } catch (HandshakeRefused e) {
            return "refused " + e.status();
        }
    }

    private ChargePointSimulator connect(String chargePointId, String password) {
        return GatewayFixtures.connectOnceAdmitted(gateway(), chargePointId, password);
    }

    private URI gateway() {
        return GatewayFixtures.websocket(http);
    }
}
