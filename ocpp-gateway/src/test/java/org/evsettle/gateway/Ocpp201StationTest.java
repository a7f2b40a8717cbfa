package org.evsettle.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.evsettle.gateway.OcppPipelineTest.dataOf;
import static org.evsettle.gateway.OcppPipelineTest.randomTag;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.evsettle.events.Envelope;
import org.evsettle.events.ocpp.ChargerBooted;
import org.evsettle.events.ocpp.ChargerStatusChanged;
import org.evsettle.events.ocpp.DataTransferReceived;
import org.evsettle.events.ocpp.FirmwareStatusChanged;
import org.evsettle.events.ocpp.MeterValuesSampled;
import org.evsettle.events.registry.ChargerSettings;
import org.evsettle.testkit.ChargingStationSimulator;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.OcppCallError;
import org.junit.jupiter.api.Test;

/** OCPP 2.0.1 stations beside 1.6 chargers: the handshake, every station message answered and published, the 2.0.1 error spellings. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class Ocpp201StationTest {

    @TestHTTPResource("/")
    URI http;

    @Inject
    StationVariables variables;

    private final GatewayFixtures fixtures = new GatewayFixtures();

    @Test
    void prefersOcpp201AndBootsTheStationAsA16Charger() {
        GatewayFixtures.Site site = fixtures.aSite();

        try (ChargingStationSimulator station = GatewayFixtures.connectStation(gateway(), site,
                ChargingStationSimulator.SUBPROTOCOL, "ocpp1.6")) {
            assertThat(station.subprotocol()).isEqualTo("ocpp2.0.1");
            JsonNode boot = station.boot();
            assertThat(boot.get("status").asText()).isEqualTo("Accepted");
            assertThat(boot.get("interval").asInt()).isPositive();
            assertThat(Instant.parse(boot.get("currentTime").asText())).isCloseTo(Instant.now(),
                    org.assertj.core.api.Assertions.within(Duration.ofMinutes(1)));
            assertThat(Instant.parse(station.heartbeat().get("currentTime").asText())).isBefore(Instant.now().plusSeconds(60));
        }
        assertThat(dataOf(fixtures.ocppEvents(site.chargePointId()), ChargerBooted.class)).singleElement()
                .satisfies(booted -> {
                    assertThat(booted.vendor()).isEqualTo("EV Settle");
                    assertThat(booted.model()).isEqualTo("Sim-201");
                    assertThat(booted.registrationStatus()).isEqualTo("Accepted");
                    assertThat(booted.bootReason()).isEqualTo("PowerUp");
                });
    }

    @Test
    void speaks16WhenTheOperatorDisallows201() {
        GatewayFixtures.Site site = fixtures.aSite();
        GatewayFixtures.connectStation(gateway(), site, ChargingStationSimulator.SUBPROTOCOL, "ocpp1.6").close();
        fixtures.topics.publish("user-service", RegistryRecords.withChargerSettings(GatewayFixtures.operatorOf(site),
                new ChargerSettings(60, false, false, false)));

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (ChargingStationSimulator station = GatewayFixtures.connectStation(gateway(), site,
                    ChargingStationSimulator.SUBPROTOCOL, "ocpp1.6")) {
                return "ocpp1.6".equals(station.subprotocol());
            }
        });
    }

    @Test
    void answersAndPublishesStatusAuthorizeMeterValuesAndNotifications() {
        GatewayFixtures.Site site = fixtures.aSite();
        String uid = "04A2B3" + randomTag();
        fixtures.aCard(site.operatorId(), uid, c -> c);
        Instant sampledAt = GatewayFixtures.hoursAgo(1);

        try (ChargingStationSimulator station = GatewayFixtures.connectStation(gateway(), site).energyInKwh()) {
            station.boot();
            assertThat(station.status(2, 1, "Occupied").size()).isZero();
            await().until(() -> "Accepted".equals(station.authorize(uid.toLowerCase()).get("status").asText()));
            assertThat(station.authorize("DEADBEEF").get("status").asText()).isEqualTo("Invalid");
            assertThat(station.meterValues(0, 1_234_567, sampledAt).size()).isZero();
            assertThat(station.call("FirmwareStatusNotification", Map.of("status", "Installed")).size()).isZero();
            assertThat(station.call("DataTransfer", Map.of("vendorId", "com.acme", "messageId", "Session",
                    "data", Map.of("session", 7))).get("status").asText()).isEqualTo("UnknownVendorId");
            assertThat(station.call("NotifyEvent", Map.of("generatedAt", sampledAt.toString(), "seqNo", 0,
                    "eventData", List.of(Map.of("eventId", 1, "timestamp", sampledAt.toString(), "trigger", "Delta",
                            "actualValue", "Faulted", "eventNotificationType", "HardWiredNotification",
                            "component", Map.of("name", "Connector"), "variable", Map.of("name", "AvailabilityState")))))
                    .size()).isZero();
            assertThat(station.call("SecurityEventNotification", Map.of("type", "StartupOfTheDevice",
                    "timestamp", sampledAt.toString())).size()).isZero();
            assertThat(station.call("LogStatusNotification", Map.of("status", "Uploaded", "requestId", 3)).size())
                    .isZero();
            assertThat(station.call("NotifyReport", Map.of("requestId", 1, "generatedAt", sampledAt.toString(),
                    "seqNo", 0, "reportData", List.of(Map.of(
                            "component", Map.of("name", "EVSE", "evse", Map.of("id", 1)),
                            "variable", Map.of("name", "Power"),
                            "variableAttribute", List.of(Map.of("type", "Actual", "value", "22000",
                                    "mutability", "ReadOnly"))))))
                    .size()).isZero();
        }

        List<Envelope<?>> events = fixtures.ocppEvents(site.chargePointId());
        assertThat(dataOf(events, ChargerStatusChanged.class)).singleElement().satisfies(status -> {
            assertThat(status.connectorId()).as("the EVSE").isEqualTo(2);
            assertThat(status.evseConnectorId()).isEqualTo(1);
            assertThat(status.status()).isEqualTo("Occupied");
        });
        assertThat(dataOf(events, MeterValuesSampled.class)).singleElement().satisfies(sampled -> {
            assertThat(sampled.transactionId()).isNull();
            assertThat(sampled.connectorId()).isZero();
            assertThat(sampled.meterValue().get(0).timestamp()).isEqualTo(sampledAt);
            assertThat(sampled.meterValue().get(0).sampledValue().get(0).value()).as("kWh written as Wh")
                    .isEqualTo("1234567");
            assertThat(sampled.meterValue().get(0).sampledValue().get(0).unit()).isEqualTo("Wh");
        });
        assertThat(dataOf(events, FirmwareStatusChanged.class)).singleElement()
                .satisfies(changed -> assertThat(changed.status()).isEqualTo("Installed"));
        assertThat(dataOf(events, DataTransferReceived.class)).singleElement().satisfies(received -> {
            assertThat(received.data()).isEqualTo("{\"session\":7}");
            assertThat(received.status()).isEqualTo("UnknownVendorId");
        });
        assertThat(variables.of(site.chargePointId())).singleElement().satisfies(variable -> {
            assertThat(variable.component()).isEqualTo("EVSE@1");
            assertThat(variable.variable()).isEqualTo("Power");
            assertThat(variable.value()).isEqualTo("22000");
        });
    }

    @Test
    void refusesSchemaViolationsWithThe201SpellingsAndKeepsTheConnection() {
        GatewayFixtures.Site site = fixtures.aSite();

        try (ChargingStationSimulator station = GatewayFixtures.connectStation(gateway(), site)) {
            assertThatThrownBy(() -> station.call("Authorize", Map.of()))
                    .isInstanceOfSatisfying(OcppCallError.class, e -> {
                        assertThat(e.errorCode()).isEqualTo("OccurrenceConstraintViolation");
                        assertThat(e.details().get("field").asText()).isEqualTo("idToken");
                    });
            assertThatThrownBy(() -> station.call("Authorize", Map.of("idToken", Map.of("idToken", "04A2",
                    "type", "ISO14443", "color", "blue"))))
                    .isInstanceOfSatisfying(OcppCallError.class, e -> assertThat(e.errorCode()).isEqualTo("FormatViolation"));
            assertThatThrownBy(() -> station.call("Authorize", Map.of("idToken", Map.of("idToken", "04A2",
                    "type", "Mifare"))))
                    .isInstanceOfSatisfying(OcppCallError.class,
                            e -> assertThat(e.errorCode()).isEqualTo("PropertyConstraintViolation"));
            assertThatThrownBy(() -> station.call("StartTransaction", Map.of("connectorId", 1)))
                    .as("a 1.6 action is not one of 2.0.1")
                    .isInstanceOfSatisfying(OcppCallError.class, e -> assertThat(e.errorCode()).isEqualTo("NotImplemented"));
            assertThatThrownBy(() -> station.call("RequestStartTransaction", Map.of()))
                    .as("an action the CSMS sends")
                    .isInstanceOfSatisfying(OcppCallError.class, e -> assertThat(e.errorCode()).isEqualTo("NotSupported"));
            assertThat(station.heartbeat().has("currentTime")).as("the connection stays usable").isTrue();
        }
        try (RawSocket socket = RawSocket.connect(gateway(), site.chargePointId(), GatewayFixtures.PASSWORD,
                ChargingStationSimulator.SUBPROTOCOL)) {
            JsonNode unknownType = socket.exchange("[7,\"m7\",\"Heartbeat\",{}]");
            assertThat(unknownType.get(0).asInt()).isEqualTo(4);
            assertThat(unknownType.get(1).asText()).isEqualTo("m7");
            assertThat(unknownType.get(2).asText()).isEqualTo("MessageTypeNotSupported");
            JsonNode notAFrame = socket.exchange("{\"action\":\"Heartbeat\"}");
            assertThat(notAFrame.get(2).asText()).isEqualTo("RpcFrameworkError");
            JsonNode after = socket.exchange("[2,\"after\",\"Heartbeat\",{}]");
            assertThat(after.get(0).asInt()).isEqualTo(3);
            assertThat(after.get(1).asText()).isEqualTo("after");
            assertThat(socket.closed).isNotDone();
        }
    }

    private URI gateway() {
        return GatewayFixtures.websocket(http);
    }
}
