package org.evsettle.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.evsettle.gateway.messaging.CommandRelay;
import org.evsettle.testkit.ChargePointConnection;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Commands over a real OCPP 2.0.1 connection (raw 2.0.1 frames): a 1.6 RemoteStart and RemoteStop reach the station
 * as RequestStartTransaction and RequestStopTransaction with its own transactionId, GetTransactionStatus follows a
 * reconnect while a transaction is open, the billing variables are set at boot, and a 1.6-only command is a 409.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class Ocpp201CommandTest {

    private static final String CARD = "04A2B3C4D5E680";

    @TestHTTPResource("/")
    URI http;

    @Inject
    CommandRelay relay;

    @Inject
    RegistryProjection registry;

    @Inject
    TransactionIds transactionIds;

    private final GatewayFixtures fixtures = new GatewayFixtures();
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void relayIsListening() throws InterruptedException {
        assertThat(relay.awaitAssigned(Duration.ofSeconds(60))).isTrue();
    }

    @Test
    void startsAndStopsARemoteTransactionWithTheStationsOwnTransactionId() throws Exception {
        GatewayFixtures.Site site = siteWithCard();
        List<JsonNode> calls = new CopyOnWriteArrayList<>();
        ChargePointConnection station = station(site, calls);
        try {
            station.onCall("RequestStartTransaction", payload -> Map.of("status", "Accepted"));
            station.onCall("RequestStopTransaction", payload -> Map.of("status", "Accepted"));
            boot(station);

            command(site, "RemoteStartTransaction", Map.of("connectorId", 1, "idTag", CARD))
                    .then().statusCode(200).body("outcome", equalTo("ANSWERED")).body("response.status", equalTo("Accepted"));
            JsonNode start = only(calls, "RequestStartTransaction");
            assertThat(start.get("evseId").asInt()).isEqualTo(1);
            assertThat(start.get("idToken").get("idToken").asText()).isEqualTo(CARD);
            assertThat(start.get("idToken").get("type").asText()).isEqualTo("ISO14443");
            int remoteStartId = start.get("remoteStartId").asInt();

            String stationTransactionId = "TX-" + Long.toString(System.nanoTime(), 36);
            started(station, stationTransactionId, remoteStartId);
            int transactionId = await().atMost(Duration.ofSeconds(30))
                    .until(() -> transactionIds.transactionId(site.chargePointId(), stationTransactionId),
                            found -> found.isPresent()).getAsInt();

            command(site, "RemoteStopTransaction", Map.of("transactionId", transactionId))
                    .then().statusCode(200).body("outcome", equalTo("ANSWERED"));
            assertThat(only(calls, "RequestStopTransaction").get("transactionId").asText()).isEqualTo(stationTransactionId);

            command(site, "RemoteStopTransaction", Map.of("transactionId", transactionId + 1_000_000))
                    .then().statusCode(409).body("detail", containsString("nothing was sent"));
        } finally {
            station.close("done").get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void asksGetTransactionStatusAfterAReconnectWhileMessagesAreQueuedAndKeepsTheTransactionOpen() throws Exception {
        GatewayFixtures.Site site = siteWithCard();
        ChargePointConnection first = station(site, new CopyOnWriteArrayList<>());
        boot(first);
        String stationTransactionId = "TX-" + Long.toString(System.nanoTime(), 36);
        started(first, stationTransactionId, 1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> transactionIds.transactionId(site.chargePointId(), stationTransactionId).isPresent());
        first.close("going offline").get(10, TimeUnit.SECONDS);

        List<JsonNode> calls = new CopyOnWriteArrayList<>();
        AtomicInteger asked = new AtomicInteger();
        ChargePointConnection again = new ChargePointConnection(site.chargePointId(), ChargePointConnection.SUBPROTOCOL_201)
                .onCallReceived(calls::add)
                .onCall("GetTransactionStatus", payload -> asked.incrementAndGet() == 1
                        ? Map.of("messagesInQueue", true, "ongoingIndicator", true)
                        : Map.of("messagesInQueue", false, "ongoingIndicator", true));
        again.open(client, gateway(), GatewayFixtures.PASSWORD, Duration.ofSeconds(10)).get(15, TimeUnit.SECONDS);
        try {
            // asked at once (within the first delay), and again after the interval while messages were queued
            await().atMost(Duration.ofSeconds(40)).until(() -> asked.get() >= 2);
            assertThat(calls).filteredOn(call -> call.get(2).asText().equals("GetTransactionStatus"))
                    .allSatisfy(call -> assertThat(call.get(3).get("transactionId").asText()).isEqualTo(stationTransactionId));
            // never closed because of the answers: its Ended still arrives and is taken
            JsonNode ended = again.call("TransactionEvent", Map.of("eventType", "Ended", "timestamp", Instant.now().toString(),
                    "triggerReason", "EVCommunicationLost", "seqNo", 1, "offline", false,
                    "transactionInfo", Map.of("transactionId", stationTransactionId, "stoppedReason", "Local"),
                    "meterValue", List.of(meterValue(12_345)))).toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertThat(ended).isNotNull();
            // asked no more once nothing was queued
            await().during(Duration.ofSeconds(20)).atMost(Duration.ofSeconds(25)).until(() -> asked.get() == 2);
        } finally {
            again.close("done").get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void setsTheBillingVariablesThatDifferAtBoot() throws Exception {
        GatewayFixtures.Site site = siteWithCard();
        List<JsonNode> calls = new CopyOnWriteArrayList<>();
        ChargePointConnection station = station(site, calls);
        try {
            station.onCall("GetVariables", payload -> {
                List<Map<String, Object>> results = new ArrayList<>();
                payload.get("getVariableData").forEach(data -> {
                    String variable = data.get("variable").get("name").asText();
                    String value = switch (variable) {
                        case "TxUpdatedInterval" -> "0";
                        case "HeartbeatInterval" -> "300";
                        case "TxUpdatedMeasurands", "TxEndedMeasurands" -> "Energy.Active.Import.Register";
                        default -> "false";
                    };
                    results.add(Map.of("attributeStatus", "Accepted", "attributeValue", value,
                            "component", Map.of("name", data.get("component").get("name").asText()),
                            "variable", Map.of("name", variable)));
                });
                return Map.of("getVariableResult", results);
            });
            station.onCall("SetVariables", payload -> {
                List<Map<String, Object>> results = new ArrayList<>();
                payload.get("setVariableData").forEach(data -> results.add(Map.of("attributeStatus", "Accepted",
                        "component", Map.of("name", data.get("component").get("name").asText()),
                        "variable", Map.of("name", data.get("variable").get("name").asText()))));
                return Map.of("setVariableResult", results);
            });
            boot(station);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode set = only(calls, "SetVariables");
                assertThat(set.get("setVariableData")).anySatisfy(data -> {
                    assertThat(data.get("variable").get("name").asText()).isEqualTo("TxUpdatedInterval");
                    assertThat(data.get("attributeValue").asText()).isEqualTo("60");
                });
            });
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<Map<String, Object>> configuration = given().auth().oauth2(TestTokens.platformAdmin())
                        .get("/api/chargers/{cp}/connection", site.chargePointId()).then().statusCode(200)
                        .extract().path("configuration");
                assertThat(configuration).anySatisfy(key -> {
                    assertThat(key.get("key")).isEqualTo("SampledDataCtrlr.TxUpdatedInterval");
                    assertThat(key.get("result")).isEqualTo("ACCEPTED");
                });
                assertThat(configuration).anySatisfy(key -> {
                    assertThat(key.get("key")).isEqualTo("OCPPCommCtrlr.HeartbeatInterval");
                    assertThat(key.get("result")).isEqualTo("UNCHANGED");
                });
            });
        } finally {
            station.close("done").get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void refusesAOneSixOnlyCommandWith409NamingTheTwoZeroOneCommandToUse() throws Exception {
        GatewayFixtures.Site site = siteWithCard();
        List<JsonNode> calls = new CopyOnWriteArrayList<>();
        ChargePointConnection station = station(site, calls);
        try {
            boot(station);

            command(site, "GetConfiguration", Map.of())
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("detail", allOf(containsString("OCPP 2.0.1"), containsString("GetVariables")));
            command(site, "ChangeConfiguration", Map.of("key", "HeartbeatInterval", "value", "300"))
                    .then().statusCode(409).body("detail", containsString("SetVariables"));
            assertThat(calls).extracting(call -> call.get(2).asText())
                    .doesNotContain("GetConfiguration", "ChangeConfiguration");
        } finally {
            station.close("done").get(10, TimeUnit.SECONDS);
        }
    }

    private GatewayFixtures.Site siteWithCard() {
        GatewayFixtures.Site site = fixtures.aSite();
        fixtures.aCard(site.operatorId(), CARD, c -> c);
        await().atMost(Duration.ofSeconds(30)).until(() -> registry.charger(site.chargePointId()).isPresent()
                && registry.card(site.operatorId(), CARD).isPresent());
        return site;
    }

    /** A 2.0.1 station connected (its operator allows 2.0.1 by default), every CALL it receives kept in calls. */
    private ChargePointConnection station(GatewayFixtures.Site site, List<JsonNode> calls) throws Exception {
        ChargePointConnection station = new ChargePointConnection(site.chargePointId(), ChargePointConnection.SUBPROTOCOL_201)
                .onCallReceived(calls::add);
        station.open(client, gateway(), GatewayFixtures.PASSWORD, Duration.ofSeconds(10)).get(15, TimeUnit.SECONDS);
        assertThat(station.subprotocol()).isEqualTo(ChargePointConnection.SUBPROTOCOL_201);
        return station;
    }

    private static void boot(ChargePointConnection station) throws Exception {
        JsonNode answer = station.call("BootNotification", Map.of("reason", "PowerUp",
                        "chargingStation", Map.of("model", "AC22", "vendorName", "Alfen")))
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertThat(answer.get("status").asText()).isEqualTo("Accepted");
    }

    private static void started(ChargePointConnection station, String stationTransactionId, int remoteStartId)
            throws Exception {
        station.call("TransactionEvent", Map.of("eventType", "Started", "timestamp", Instant.now().toString(),
                        "triggerReason", "RemoteStart", "seqNo", 0, "offline", false,
                        "transactionInfo", Map.of("transactionId", stationTransactionId, "remoteStartId", remoteStartId),
                        "evse", Map.of("id", 1, "connectorId", 1),
                        "idToken", Map.of("idToken", CARD, "type", "ISO14443"),
                        "meterValue", List.of(meterValue(10_000))))
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static Map<String, Object> meterValue(long wh) {
        return Map.of("timestamp", Instant.now().toString(), "sampledValue", List.of(Map.of("value", wh,
                "measurand", "Energy.Active.Import.Register", "context", "Transaction.Begin")));
    }

    private static JsonNode only(List<JsonNode> calls, String action) {
        List<JsonNode> of = calls.stream().filter(call -> call.get(2).asText().equals(action)).toList();
        assertThat(of).as(action + " received").hasSize(1);
        return of.get(0).get(3);
    }

    private static Response command(GatewayFixtures.Site site, String action, Object body) {
        return given().auth().oauth2(TestTokens.operatorAdmin(site.operatorId())).contentType(ContentType.JSON).body(body)
                .post("/api/chargers/{cp}/commands/{action}", site.chargePointId(), action);
    }

    private URI gateway() {
        return GatewayFixtures.websocket(http);
    }
}
