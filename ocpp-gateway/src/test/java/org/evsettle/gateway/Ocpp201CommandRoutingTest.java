package org.evsettle.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.EventJson;
import org.evsettle.events.Topics;
import org.evsettle.events.ocpp.ChargerCommandAnswered;
import org.evsettle.events.ocpp.ChargerCommandRequested;
import org.evsettle.gateway.messaging.CommandRelay;
import org.evsettle.gateway.ocpp.OcppJson;
import org.evsettle.gateway.ocpp.v201.Ocpp201Commands;
import org.evsettle.testkit.ChargePointSimulator;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Commands of either OCPP version: a 2.0.1 command for a 1.6 charger refused unsent (409 over REST, REFUSED from
 * the topic), 2.0.1 payloads held to their schema and to the card rule, and the routing for a 2.0.1 connection with
 * the gateway's own look-ups (the station's transactionId behind the int one, fresh remoteStartIds).
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class Ocpp201CommandRoutingTest {

    private static final String START = "{\"evseId\": 1, \"remoteStartId\": 7, \"idToken\": {\"idToken\": \"%s\", "
            + "\"type\": \"ISO14443\"}}";

    @TestHTTPResource("/")
    URI http;

    @Inject
    CommandRelay relay;

    @Inject
    RegistryProjection registry;

    @Inject
    ChargerCommands commands;

    @Inject
    TransactionIds transactionIds;

    private final GatewayFixtures fixtures = new GatewayFixtures();

    @BeforeEach
    void relayIsListening() throws InterruptedException {
        assertThat(relay.awaitAssigned(Duration.ofSeconds(60))).isTrue();
    }

    @Test
    void refusesATwoZeroOneCommandForAOneSixChargerWith409NamingItsVersionAndSendsNothing() {
        GatewayFixtures.Site site = fixtures.aSite();
        String card = ownCard(site, "04C0FFEE");
        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site)) {
            String admin = TestTokens.operatorAdmin(site.operatorId());

            command(admin, site.chargePointId(), "RequestStartTransaction", START.formatted(card))
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("detail", allOf(containsString("OCPP 1.6"), containsString("RemoteStartTransaction")));
            command(admin, site.chargePointId(), "getvariables", "{\"getVariableData\": [{\"component\": {\"name\": "
                    + "\"OCPPCommCtrlr\"}, \"variable\": {\"name\": \"HeartbeatInterval\"}}]}")
                    .then().statusCode(409).body("detail", containsString("GetConfiguration"));
            command(admin, site.chargePointId(), "Reset", "{\"type\": \"OnIdle\"}")
                    .then().statusCode(409).body("detail", containsString("OCPP 1.6"));

            assertThat(charger.callsReceived()).extracting(call -> call.get(2).asText())
                    .doesNotContain("RequestStartTransaction", "GetVariables", "Reset");
        }
    }

    @Test
    void holdsTwoZeroOnePayloadsToTheirSchemaAndToTheCardRule() {
        GatewayFixtures.Site site = knownSite();
        String admin = TestTokens.operatorAdmin(site.operatorId());

        command(admin, site.chargePointId(), "RequestStartTransaction", "{\"remoteStartId\": 1}")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("idToken"));
        command(admin, site.chargePointId(), "RequestStartTransaction", START.formatted("0BADCAFE"))
                .then().statusCode(422).body("violations[0].field", equalTo("idToken.idToken"));
        command(admin, site.chargePointId(), "ReserveNow", "{\"id\": 3, \"expiryDateTime\": \"2030-01-01T00:00:00Z\", "
                + "\"idToken\": {\"idToken\": \"0BADCAFE\", \"type\": \"ISO14443\"}}")
                .then().statusCode(422).body("violations[0].field", equalTo("idToken.idToken"));
        command(admin, site.chargePointId(), "SendLocalList", "{\"versionNumber\": 2, \"updateType\": \"Differential\", "
                + "\"localAuthorizationList\": [{\"idToken\": {\"idToken\": \"0BADCAFE\", \"type\": \"ISO14443\"}, "
                + "\"idTokenInfo\": {\"status\": \"Accepted\"}}]}")
                .then().statusCode(422).body("violations[0].field", equalTo("localAuthorizationList[0].idToken.idToken"));
    }

    @Test
    void refusesATwoZeroOneCommandFromTheTopicForAOneSixChargerWithoutSendingIt() {
        GatewayFixtures.Site site = fixtures.aSite();
        String card = ownCard(site, "04C0FFE2");
        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site)) {
            UUID commandId = UUID.randomUUID();
            fixtures.topics.publish("session-service", new ChargerCommandRequested(commandId, site.chargePointId(),
                    "RequestStartTransaction", EventJson.mapper().readTree(START.formatted(card)), "session-service",
                    Instant.now(), 30, site.operatorId()));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(answersOf(commandId))
                    .singleElement().satisfies(answer -> {
                        assertThat(answer.outcome()).isEqualTo("REFUSED");
                        assertThat(answer.errorDescription()).contains("OCPP 1.6");
                    }));
            assertThat(charger.callsReceived()).extracting(call -> call.get(2).asText())
                    .doesNotContain("RequestStartTransaction");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void routesOneSixCommandsForATwoZeroOneStationWithItsOwnTransactionIdAndFreshRemoteStartIds() {
        GatewayFixtures.Site site = knownSite();
        String stationTransaction = UUID.randomUUID().toString();
        int transactionId = transactionIds.issueForStation(site.chargePointId(), stationTransaction, 1, "04C0FFEE", 1_000,
                Instant.now()).transactionId();

        Ocpp201Commands.Route stop = commands.route(command(site, "RemoteStopTransaction",
                "{\"transactionId\": " + transactionId + "}"), "ocpp2.0.1");
        Ocpp201Commands.Route unknown = commands.route(command(site, "RemoteStopTransaction",
                "{\"transactionId\": " + (transactionId + 1_000_000) + "}"), "ocpp2.0.1");
        Ocpp201Commands.Route first = commands.route(command(site, "RemoteStartTransaction", "{\"idTag\": \"04C0FFEE\"}"),
                "ocpp2.0.1");
        Ocpp201Commands.Route second = commands.route(command(site, "RemoteStartTransaction", "{\"idTag\": \"04C0FFEE\"}"),
                "ocpp2.0.1");
        Ocpp201Commands.Route sameFor16 = commands.route(command(site, "RemoteStopTransaction",
                "{\"transactionId\": " + transactionId + "}"), "ocpp1.6");

        assertThat(stop).isEqualTo(new Ocpp201Commands.Send("RequestStopTransaction",
                OcppJson.mapper().createObjectNode().put("transactionId", stationTransaction)));
        assertThat(unknown).isInstanceOf(Ocpp201Commands.Refused.class);
        assertThat(remoteStartId(first)).isNotEqualTo(remoteStartId(second));
        assertThat(sameFor16).isInstanceOfSatisfying(Ocpp201Commands.Send.class,
                send -> assertThat(send.action()).isEqualTo("RemoteStopTransaction"));
    }

    private static int remoteStartId(Ocpp201Commands.Route route) {
        assertThat(route).isInstanceOf(Ocpp201Commands.Send.class);
        return ((Ocpp201Commands.Send) route).payload().get("remoteStartId").asInt();
    }

    private static ChargerCommands.Command command(GatewayFixtures.Site site, String action, String payload) {
        try {
            return new ChargerCommands.Command(UUID.randomUUID(), site.chargePointId(), site.operatorId(), action,
                    (ObjectNode) OcppJson.mapper().readTree(payload), "test", Instant.now(), Duration.ofSeconds(30));
        } catch (Exception e) {
            throw new IllegalArgumentException(payload, e);
        }
    }

    private String ownCard(GatewayFixtures.Site site, String idTag) {
        fixtures.aCard(site.operatorId(), idTag, c -> c);
        await().atMost(Duration.ofSeconds(30)).until(() -> registry.card(site.operatorId(), idTag).isPresent());
        return idTag;
    }

    private List<ChargerCommandAnswered> answersOf(UUID commandId) {
        return fixtures.topics.readAll(Topics.OCPP_EVENTS, ChargerCommandAnswered.class,
                answer -> answer.commandId().equals(commandId), Duration.ofSeconds(1));
    }

    private static Response command(String token, String chargePointId, String action, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/chargers/{cp}/commands/{action}", chargePointId, action);
    }

    private URI gateway() {
        return GatewayFixtures.websocket(http);
    }

    /** A site whose charger the gateway's projection holds already (no socket): its commands are judged, not 404. */
    private GatewayFixtures.Site knownSite() {
        GatewayFixtures.Site site = fixtures.aSite();
        await().atMost(Duration.ofSeconds(30)).until(() -> registry.charger(site.chargePointId()).isPresent());
        return site;
    }
}
