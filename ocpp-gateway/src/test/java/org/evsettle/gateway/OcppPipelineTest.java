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
import org.evsettle.events.ocpp.ChargerConnected;
import org.evsettle.events.ocpp.ChargerDisconnected;
import org.evsettle.events.ocpp.DataTransferReceived;
import org.evsettle.events.ocpp.DiagnosticsStatusChanged;
import org.evsettle.events.ocpp.FirmwareStatusChanged;
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
            assertCallError(missing, "m3", "OccurenceConstraintViolation");
            assertThat(missing.get(4).get("field").asText()).isEqualTo("meterStart");
            assertThat(missing.get(3).asText()).contains("meterStart");
            JsonNode wrongType = socket.exchange("[2,\"m4\",\"StartTransaction\",{\"connectorId\":\"one\",\"idTag\":\"AB12\","
                    + "\"meterStart\":0,\"timestamp\":\"2026-03-29T00:45:00Z\"}]");
            assertCallError(wrongType, "m4", "TypeConstraintViolation");
            assertThat(wrongType.get(4).get("field").asText()).isEqualTo("connectorId");
            assertCallError(socket.exchange("[2,\"m5\",\"StatusNotification\",{\"connectorId\":1,\"errorCode\":\"NoError\","
                    + "\"status\":\"Sleeping\"}]"), "m5", "PropertyConstraintViolation");
            assertCallError(socket.exchange("[2,\"m7\",\"Heartbeat\",{\"uptime\":12}]"), "m7", "FormationViolation");
            assertCallError(socket.exchange("[2,\"m8\",\"Reset\",{\"type\":\"Hard\"}]"), "m8", "NotSupported");
            String longId = "x".repeat(37);
            assertCallError(socket.exchange("[2,\"" + longId + "\",\"Heartbeat\",{}]"), longId, "ProtocolError");
            socket.send("[3,\"an-answer-nobody-waits-for\",{}]");
            socket.send("[4,\"an-error-nobody-waits-for\",\"GenericError\",\"\",{}]");
            socket.send("[5,\"m9\",\"FromTheFuture\",{}]");

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

    @Test
    void publishesDataTransferAndTheDiagnosticsAndFirmwareNotifications() {
        GatewayFixtures.Site site = fixtures.aSite();

        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site)) {
            charger.call("BootNotification", GatewayFixtures.boot());
            JsonNode transfer = charger.call("DataTransfer", Map.of("vendorId", "com.zaptec", "messageId", "Session",
                    "data", "{\"sessionId\":\"abc\"}"));
            assertThat(transfer.get("status").asText()).isEqualTo("UnknownVendorId");
            assertThat(charger.call("DiagnosticsStatusNotification", Map.of("status", "Uploaded")).size()).isZero();
            assertThat(charger.call("FirmwareStatusNotification", Map.of("status", "Installed")).size()).isZero();
        }
        List<Envelope<?>> events = fixtures.ocppEvents(site.chargePointId());
        assertThat(dataOf(events, DataTransferReceived.class)).singleElement().satisfies(received -> {
            assertThat(received.vendorId()).isEqualTo("com.zaptec");
            assertThat(received.messageId()).isEqualTo("Session");
            assertThat(received.data()).isEqualTo("{\"sessionId\":\"abc\"}");
            assertThat(received.status()).isEqualTo("UnknownVendorId");
        });
        assertThat(dataOf(events, DiagnosticsStatusChanged.class)).singleElement()
                .satisfies(changed -> assertThat(changed.status()).isEqualTo("Uploaded"));
        assertThat(dataOf(events, FirmwareStatusChanged.class)).singleElement()
                .satisfies(changed -> assertThat(changed.status()).isEqualTo("Installed"));
    }

    @Test
    void publishesConnectAndDisconnectIncludingAReplacedConnection() throws Exception {
        GatewayFixtures.Site site = fixtures.aSite();

        ChargePointSimulator first = GatewayFixtures.connect(gateway(), site);
        // the gateway has taken the first connection in (its @OnOpen may run after the client's handshake is done)
        await().atMost(Duration.ofSeconds(30)).until(() ->
                dataOf(fixtures.ocppEvents(site.chargePointId()), ChargerConnected.class).size() == 1);
        try (ChargePointSimulator second = ChargePointSimulator.connect(gateway(), site.chargePointId(),
                GatewayFixtures.PASSWORD)) {
            assertThat(first.closed().get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1000);
            second.call("Heartbeat", Map.of());
        } finally {
            first.close();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Envelope<?>> events = fixtures.ocppEvents(site.chargePointId());
            assertThat(dataOf(events, ChargerConnected.class)).hasSize(2)
                    .allSatisfy(connected -> assertThat(connected.subprotocol()).isEqualTo("ocpp1.6"));
            assertThat(events.stream().map(e -> e.data().getClass().getSimpleName())
                    .filter(name -> name.startsWith("ChargerConnected") || name.startsWith("ChargerDisconnected")))
                    .as("the replaced connection is announced closed before the new one opens")
                    .containsExactly("ChargerConnected", "ChargerDisconnected", "ChargerConnected", "ChargerDisconnected");
            assertThat(dataOf(events, ChargerDisconnected.class).get(0).reason()).contains("Replaced");
        });
    }

    @Test
    void dropsAnOversizedMessageAndKeepsTheConnectionUsable() {
        GatewayFixtures.Site site = fixtures.aSite();
        GatewayFixtures.connect(gateway(), site).close();

        try (RawSocket socket = RawSocket.connect(gateway(), site.chargePointId(), GatewayFixtures.PASSWORD, "ocpp1.6")) {
            socket.send("[2,\"big\",\"DataTransfer\",{\"vendorId\":\"x\",\"data\":\"" + "A".repeat(2_000_000) + "\"}]");

            JsonNode after = socket.exchange("[2,\"after\",\"Heartbeat\",{}]");
            assertThat(after.get(1).asText()).as("the next answer is the heartbeat's: the big one was dropped")
                    .isEqualTo("after");
            assertThat(socket.closed).isNotDone();
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
