package org.evsettle.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.Envelope;
import org.evsettle.events.ocpp.ChargerBooted;
import org.evsettle.events.ocpp.ChargerStatusChanged;
import org.evsettle.testkit.ChargePointSimulator;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.OcppCallError;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class OcppPipelineTest {

    @TestHTTPResource("/")
    URI http;

    private final GatewayFixtures fixtures = new GatewayFixtures();

    @Test
    void acceptsTheBootOfARegisteredChargerAndPublishesIt() {
        GatewayFixtures.Site site = fixtures.aSite();

        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site)) {
            JsonNode answer = charger.call("BootNotification", GatewayFixtures.boot());

            assertThat(answer.get("status").asText()).isEqualTo("Accepted");
            assertThat(answer.get("interval").asInt()).isEqualTo(300);
            assertThat(Instant.parse(answer.get("currentTime").asText()))
                    .isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(60));
        }
        List<ChargerBooted> booted = dataOf(fixtures.ocppEvents(site.chargePointId()), ChargerBooted.class);
        assertThat(booted).singleElement().satisfies(event -> {
            assertThat(event.registrationStatus()).isEqualTo("Accepted");
            assertThat(event.vendor()).isEqualTo("Zaptec");
            assertThat(event.firmwareVersion()).isEqualTo("3.2.1.0");
        });
    }

    @Test
    void publishesAStatusNotificationWithTheChargersTimestamp() {
        GatewayFixtures.Site site = fixtures.aSite();
        Instant timestamp = GatewayFixtures.hoursAgo(3);

        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site)) {
            JsonNode answer = charger.call("StatusNotification", Map.of("connectorId", 1, "errorCode", "NoError",
                    "status", "Preparing", "timestamp", timestamp.toString()));
            assertThat(answer.size()).isZero();
        }
        assertThat(dataOf(fixtures.ocppEvents(site.chargePointId()), ChargerStatusChanged.class)).singleElement()
                .satisfies(event -> {
                    assertThat(event.status()).isEqualTo("Preparing");
                    assertThat(event.connectorId()).isEqualTo(1);
                    assertThat(event.timestamp()).isEqualTo(timestamp);
                });
    }

    @Test
    void authorizesCardsOfTheChargersOperatorByTheirStatus() {
        GatewayFixtures.Site site = fixtures.aSite();
        GatewayFixtures.Site elsewhere = fixtures.aSite();
        String tag = randomTag();
        fixtures.aCard(site.operatorId(), "04A2B3" + tag, c -> c);
        fixtures.aCard(site.operatorId(), "0BB10C" + tag, c -> c.status("BLOCKED"));
        fixtures.aCard(site.operatorId(), "0E8B1E" + tag, c -> c.validUntil(LocalDate.now().minusDays(2)));
        fixtures.aCard(elsewhere.operatorId(), "07E40B" + tag, c -> c);

        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site);
             ChargePointSimulator other = GatewayFixtures.connect(gateway(), elsewhere)) {
            awaitStatus(charger, "04A2B3" + tag, "Accepted");
            awaitStatus(charger, "0BB10C" + tag, "Blocked");
            awaitStatus(charger, "0E8B1E" + tag, "Expired");
            awaitStatus(other, "07E40B" + tag, "Accepted");

            assertThat(statusOf(charger, "07E40B" + tag)).as("a card of another operator").isEqualTo("Invalid");
            assertThat(statusOf(charger, "FFFFFF" + tag)).as("an unknown card").isEqualTo("Invalid");
            assertThat(statusOf(charger, spelledByAnotherVendor("04A2B3" + tag))).isEqualTo("Accepted");
        }
    }

    @Test
    void answersMalformedFramesWithTheRightCallErrorAndStaysOpen() {
        GatewayFixtures.Site site = fixtures.aSite();
        GatewayFixtures.connect(gateway(), site).close();

        try (RawSocket socket = RawSocket.connect(gateway(), site.chargePointId(), GatewayFixtures.PASSWORD, "ocpp1.6")) {
            assertCallError(socket.exchange("this is not json"), "-1", "FormationViolation");
            assertCallError(socket.exchange("{\"action\":\"Heartbeat\"}"), "-1", "FormationViolation");
            assertCallError(socket.exchange("[2,\"m1\",\"Heartbeat\"]"), "m1", "FormationViolation");
            assertCallError(socket.exchange("[2,\"m2\",\"SelfDestruct\",{}]"), "m2", "NotImplemented");
            JsonNode missing = socket.exchange("[2,\"m3\",\"StartTransaction\",{\"connectorId\":1,\"idTag\":\"AB12\","
                    + "\"timestamp\":\"2026-03-29T00:45:00Z\"}]");
            assertCallError(missing, "m3", "FormationViolation");
            assertThat(missing.get(3).asText()).contains("meterStart");
            JsonNode wrongType = socket.exchange("[2,\"m4\",\"StartTransaction\",{\"connectorId\":\"one\",\"idTag\":\"AB12\","
                    + "\"meterStart\":0,\"timestamp\":\"2026-03-29T00:45:00Z\"}]");
            assertCallError(wrongType, "m4", "TypeConstraintViolation");
            assertThat(wrongType.get(4).get("field").asText()).isEqualTo("connectorId");
            assertCallError(socket.exchange("[2,\"m5\",\"StatusNotification\",{\"connectorId\":1,\"errorCode\":\"NoError\","
                    + "\"status\":\"Sleeping\"}]"), "m5", "PropertyConstraintViolation");
            socket.send("[3,\"an-answer-nobody-waits-for\",{}]");

            JsonNode heartbeat = socket.exchange("[2,\"m6\",\"Heartbeat\",{}]");
            assertThat(heartbeat.get(0).asInt()).isEqualTo(3);
            assertThat(heartbeat.get(1).asText()).isEqualTo("m6");
            assertThat(heartbeat.get(2).has("currentTime")).isTrue();
        }
    }

    @Test
    void refusesABrokenPayloadThroughTheSimulatorToo() {
        GatewayFixtures.Site site = fixtures.aSite();

        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site)) {
            assertThatThrownBy(() -> charger.call("Authorize", Map.of("idTag", "0123456789ABCDEF012345")))
                    .isInstanceOfSatisfying(OcppCallError.class,
                            e -> assertThat(e.errorCode()).isEqualTo("PropertyConstraintViolation"));
            assertThat(charger.call("Heartbeat", Map.of()).has("currentTime")).isTrue();
        }
    }

    private static void assertCallError(JsonNode frame, String messageId, String errorCode) {
        assertThat(frame.get(0).asInt()).as("message type of %s", frame).isEqualTo(4);
        assertThat(frame.get(1).asText()).as("message id of %s", frame).isEqualTo(messageId);
        assertThat(frame.get(2).asText()).as("error code of %s", frame).isEqualTo(errorCode);
        assertThat(frame.get(4).isObject()).isTrue();
    }

    private static void awaitStatus(ChargePointSimulator charger, String idTag, String expected) {
        await().atMost(Duration.ofSeconds(20)).until(() -> expected.equals(statusOf(charger, idTag)));
    }

    private static String statusOf(ChargePointSimulator charger, String idTag) {
        return charger.call("Authorize", Map.of("idTag", idTag)).get("idTagInfo").get("status").asText();
    }

    /** "04A2B3C4D5E6F7" as a reader that writes lower case with separators sends it: "04:a2:b3:...". */
    private static String spelledByAnotherVendor(String idTag) {
        StringBuilder spelled = new StringBuilder();
        for (int i = 0; i < idTag.length(); i += 2) {
            spelled.append(i == 0 ? "" : ":").append(idTag, i, i + 2);
        }
        return spelled.toString().toLowerCase();
    }

    static String randomTag() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    static <T> List<T> dataOf(List<Envelope<?>> envelopes, Class<T> type) {
        return envelopes.stream().map(Envelope::data).filter(type::isInstance).map(type::cast).toList();
    }

    private URI gateway() {
        return GatewayFixtures.websocket(http);
    }
}
