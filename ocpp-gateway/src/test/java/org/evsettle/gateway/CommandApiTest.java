package org.evsettle.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.concurrent.CompletableFuture;
import org.evsettle.events.EventJson;
import org.evsettle.events.Topics;
import org.evsettle.events.ocpp.ChargerCommandAnswered;
import org.evsettle.events.ocpp.ChargerCommandRequested;
import org.evsettle.gateway.messaging.CommandRelay;
import org.evsettle.gateway.ocpp.CallSender;
import org.evsettle.testkit.ChargePointSimulator;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Commands for chargers over the API and from ocpp.commands: sent, answered, refused, timed out, queued. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class CommandApiTest {

    @TestHTTPResource("/")
    URI http;

    @Inject
    CallSender callSender;

    @Inject
    CommandRelay relay;

    @Inject
    RegistryProjection registry;

    private final GatewayFixtures fixtures = new GatewayFixtures();

    @BeforeEach
    void relayIsListening() throws InterruptedException {
        assertThat(relay.awaitAssigned(Duration.ofSeconds(60))).isTrue();
    }

    @Test
    void sendsAResetToTheChargerAndReturnsItsAnswer() {
        GatewayFixtures.Site site = fixtures.aSite();
        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site)) {
            charger.onCall("Reset", payload -> Map.of("status", "Accepted"));

            Response response = command(TestTokens.operatorAdmin(site.operatorId()), site.chargePointId(), "Reset",
                    Map.of("type", "Soft"));

            response.then().statusCode(200)
                    .body("commandId", notNullValue())
                    .body("action", equalTo("Reset"))
                    .body("outcome", equalTo("ANSWERED"))
                    .body("response.status", equalTo("Accepted"))
                    .body("errorCode", nullValue());
            JsonNode call = charger.callsReceived().get(0);
            assertThat(call.get(2).asText()).isEqualTo("Reset");
            assertThat(call.get(3).get("type").asText()).isEqualTo("Soft");
            assertThat(call.get(1).asText()).isEqualTo(response.path("commandId"));

            UUID commandId = UUID.fromString(response.path("commandId"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(answersOf(commandId))
                    .singleElement().satisfies(answer -> {
                        assertThat(answer.outcome()).isEqualTo("ANSWERED");
                        assertThat(answer.response().get("status").asText()).isEqualTo("Accepted");
                        assertThat(answer.chargePointId()).isEqualTo(site.chargePointId());
                    }));
        }
    }

    @Test
    void returnsTheChargersCallErrorAsTheOutcome() {
        GatewayFixtures.Site site = fixtures.aSite();
        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site)) {
            command(TestTokens.platformAdmin(), site.chargePointId(), "ClearCache", null)
                    .then().statusCode(200)
                    .body("outcome", equalTo("CALL_ERROR"))
                    .body("errorCode", equalTo("NotImplemented"))
                    .body("errorDescription", notNullValue());
        }
    }

    @Test
    void refusesAPayloadThatBreaksTheSchemaWith400NamingTheField() {
        GatewayFixtures.Site site = knownSite();
        String admin = TestTokens.operatorAdmin(site.operatorId());

        command(admin, site.chargePointId(), "Reset", Map.of("type", "Sideways"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("type"));
        command(admin, site.chargePointId(), "RemoteStartTransaction", Map.of("connectorId", 1))
                .then().statusCode(400).body("violations[0].field", equalTo("idTag"));
        command(admin, site.chargePointId(), "ChangeConfiguration", Map.of("key", "HeartbeatInterval", "value", 300))
                .then().statusCode(400).body("violations[0].field", equalTo("value"));
        command(admin, site.chargePointId(), "GetConfiguration", Map.of("keys", List.of("HeartbeatInterval")))
                .then().statusCode(400).body("violations[0].field", equalTo("keys"));
    }

    @Test
    void hidesAnotherOperatorsChargerAs404() {
        GatewayFixtures.Site site = knownSite();

        command(TestTokens.operatorAdmin(UUID.randomUUID()), site.chargePointId(), "Reset", Map.of("type", "Hard"))
                .then().statusCode(404).contentType("application/problem+json");
        command(TestTokens.driver(site.operatorId(), UUID.randomUUID()), site.chargePointId(), "Reset",
                Map.of("type", "Hard")).then().statusCode(403);
        command(TestTokens.platformAdmin(), "NOBODY-" + UUID.randomUUID(), "Reset", Map.of("type", "Hard"))
                .then().statusCode(404);
    }

    @Test
    void takesTheCommandInAnyCaseAndNamesTheCommandsForAnUnknownOne() {
        GatewayFixtures.Site site = knownSite();
        String admin = TestTokens.operatorAdmin(site.operatorId());

        command(admin, site.chargePointId(), "reset", Map.of("type", "Soft"))
                .then().statusCode(200).body("action", equalTo("Reset")).body("outcome", equalTo("NOT_CONNECTED"));
        command(admin, site.chargePointId(), "SelfDestruct", Map.of())
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("action"))
                .body("violations[0].message", containsString("RemoteStartTransaction"))
                .body("violations[0].message", containsString("GetLocalListVersion"));
    }

    @Test
    void refusesAWaitOutsideOneToThreeHundredSeconds() {
        GatewayFixtures.Site site = knownSite();
        String admin = TestTokens.platformAdmin();

        commandWithin(admin, site.chargePointId(), "Reset", Map.of("type", "Soft"), 0)
                .then().statusCode(400).body("violations[0].field", equalTo("timeoutSeconds"));
        commandWithin(admin, site.chargePointId(), "Reset", Map.of("type", "Soft"), 301)
                .then().statusCode(400).body("violations[0].field", equalTo("timeoutSeconds"));
    }

    @Test
    void answersNotConnectedForAChargerWithoutSocket() {
        GatewayFixtures.Site site = knownSite();

        command(TestTokens.platformAdmin(), site.chargePointId(), "Reset", Map.of("type", "Hard"))
                .then().statusCode(200).body("outcome", equalTo("NOT_CONNECTED"));
    }

    @Test
    void sendsOneCallAtATimeAndTimesOutWhenTheChargerStaysSilent() throws Exception {
        GatewayFixtures.Site site = fixtures.aSite();
        GatewayFixtures.connect(gateway(), site).close();
        try (RawSocket silent = RawSocket.connect(gateway(), site.chargePointId(), GatewayFixtures.PASSWORD, "ocpp1.6")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> callSender.outstanding(site.chargePointId()) == 0);
            String admin = TestTokens.platformAdmin();
            CompletableFuture<Response> first = CompletableFuture.supplyAsync(() ->
                    commandWithin(admin, site.chargePointId(), "GetLocalListVersion", null, 3));
            JsonNode firstCall = silent.next(Duration.ofSeconds(15));
            CompletableFuture<Response> second = CompletableFuture.supplyAsync(() ->
                    commandWithin(admin, site.chargePointId(), "UnlockConnector", Map.of("connectorId", 1), 20));
            await().atMost(Duration.ofSeconds(10)).until(() -> callSender.outstanding(site.chargePointId()) == 2);

            assertThat(firstCall.get(2).asText()).isEqualTo("GetLocalListVersion");
            assertThat(first.get().path("outcome").toString()).isEqualTo("TIMED_OUT");
            JsonNode secondCall = silent.next(Duration.ofSeconds(15));
            assertThat(secondCall.get(2).asText()).as("sent only after the first timed out").isEqualTo("UnlockConnector");
            silent.send("[3,\"" + secondCall.get(1).asText() + "\",{\"status\":\"Unlocked\"}]");
            assertThat(second.get().path("outcome").toString()).isEqualTo("ANSWERED");
            assertThat(second.get().path("response.status").toString()).isEqualTo("Unlocked");
        }
    }

    @Test
    void executesACommandFromTheTopicAndPublishesTheAnswer() {
        GatewayFixtures.Site site = fixtures.aSite();
        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site)) {
            charger.onCall("RemoteStartTransaction", payload -> Map.of("status", "Accepted"));
            UUID commandId = UUID.randomUUID();
            fixtures.aCard(site.operatorId(), "04A2B3C4", c -> c);
            await().atMost(Duration.ofSeconds(30)).until(() -> registry.card(site.operatorId(), "04A2B3C4").isPresent());

            fixtures.topics.publish("session-service", new ChargerCommandRequested(commandId, site.chargePointId(),
                    "RemoteStartTransaction", EventJson.mapper().valueToTree(Map.of("connectorId", 1, "idTag", "04A2B3C4")),
                    "session-service", Instant.now(), 30, site.operatorId()));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(answersOf(commandId))
                    .singleElement().satisfies(answer -> {
                        assertThat(answer.outcome()).isEqualTo("ANSWERED");
                        assertThat(answer.action()).isEqualTo("RemoteStartTransaction");
                    }));
            assertThat(charger.callsReceived()).singleElement()
                    .satisfies(call -> assertThat(call.get(3).get("idTag").asText()).isEqualTo("04A2B3C4"));
        }
    }

    @Test
    void publishesNotConnectedAndCallErrorForCommandsFromTheTopicItCannotExecute() {
        GatewayFixtures.Site site = knownSite();
        UUID offline = UUID.randomUUID();
        fixtures.topics.publish("session-service", new ChargerCommandRequested(offline, site.chargePointId(), "Reset",
                EventJson.mapper().valueToTree(Map.of("type", "Hard")), "session-service", Instant.now(), 30,
                site.operatorId()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(answersOf(offline))
                .isNotEmpty().allSatisfy(answer -> assertThat(answer.outcome()).isEqualTo("NOT_CONNECTED")));

        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site)) {
            UUID broken = UUID.randomUUID();
            await().atMost(Duration.ofSeconds(10)).until(() -> holdsSocket(site));
            fixtures.topics.publish("session-service", new ChargerCommandRequested(broken, site.chargePointId(), "Reset",
                    EventJson.mapper().valueToTree(Map.of("type", "Sideways")), "session-service", Instant.now(), 30,
                    site.operatorId()));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(answersOf(broken))
                    .singleElement().satisfies(answer -> {
                        assertThat(answer.outcome()).isEqualTo("CALL_ERROR");
                        assertThat(answer.errorCode()).isEqualTo("PropertyConstraintViolation");
                    }));
            assertThat(charger.callsReceived()).isEmpty();
        }
    }

    private boolean holdsSocket(GatewayFixtures.Site site) {
        return given().auth().oauth2(TestTokens.platformAdmin())
                .get("/api/chargers/{cp}/connection", site.chargePointId()).path("connected");
    }

    private List<ChargerCommandAnswered> answersOf(UUID commandId) {
        return fixtures.topics.readAll(Topics.OCPP_EVENTS, ChargerCommandAnswered.class,
                answer -> answer.commandId().equals(commandId), Duration.ofSeconds(1));
    }

    private static Response command(String token, String chargePointId, String action, Object body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON);
        if (body != null) {
            request.body(body);
        }
        return request.post("/api/chargers/{cp}/commands/{action}", chargePointId, action);
    }

    private static Response commandWithin(String token, String chargePointId, String action, Object body, int seconds) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).queryParam("timeoutSeconds", seconds);
        if (body != null) {
            request.body(body);
        }
        return request.post("/api/chargers/{cp}/commands/{action}", chargePointId, action);
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
