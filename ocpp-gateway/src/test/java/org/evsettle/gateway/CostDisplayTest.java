package org.evsettle.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.Topics;
import org.evsettle.events.ocpp.ChargerCommandAnswered;
import org.evsettle.events.tariffs.RunningCostCalculated;
import org.evsettle.gateway.messaging.CommandRelay;
import org.evsettle.testkit.ChargingStationSimulator;
import org.evsettle.testkit.ChargingStationSimulator.Transaction;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The running costs tariff-service announces on {@code tariffs.running-costs}, and CostUpdated over REST, reach a
 * 2.0.1 station only where it shows costs ({@link CostDisplay}): a station that takes it gets each one as sent; one
 * that answers NotImplemented gets the first, and the next is REFUSED unsent until it boots again or connects anew;
 * a redelivered cost reaches the station once; the cost of an ended transaction, or one for another operator, is
 * refused unsent.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class CostDisplayTest {

    @TestHTTPResource("/")
    URI http;

    @Inject
    CommandRelay relay;

    @Inject
    TransactionIds transactionIds;

    private final GatewayFixtures fixtures = new GatewayFixtures();

    @BeforeEach
    void relayIsListening() throws InterruptedException {
        assertThat(relay.awaitAssigned(Duration.ofSeconds(60))).isTrue();
    }

    @Test
    void aStationThatShowsCostsGetsEachCostUpdatedAsSent() {
        GatewayFixtures.Site site = fixtures.aSite();
        try (ChargingStationSimulator station = showingCosts(site)) {
            String transactionId = station.newTransaction(1, "AB12CD34").id();

            assertThat(requested(costUpdated(site, "4.35", transactionId)).outcome()).isEqualTo("ANSWERED");
            // a reading the station sent late (queued while offline) is shown all the same
            RunningCostCalculated late = costUpdated(site, "4.70", transactionId);
            assertThat(requested(new RunningCostCalculated(late.costId(), late.sessionId(), late.operatorId(),
                    late.chargePointId(), transactionId, late.totalCost(), "EUR", Instant.now().minusSeconds(3_600)))
                    .outcome()).isEqualTo("ANSWERED");
            assertThat(requested(costUpdated(site, "5.10", transactionId)).outcome()).isEqualTo("ANSWERED");
            costOverRest(site, "5.85", transactionId).then().statusCode(200).body("outcome", equalTo("ANSWERED"));

            assertThat(costUpdates(station)).satisfiesExactly(
                    first -> assertCost(first, "4.35", transactionId),
                    delayed -> assertCost(delayed, "4.70", transactionId),
                    second -> assertCost(second, "5.10", transactionId),
                    third -> assertCost(third, "5.85", transactionId));
            assertThat(GatewayFixtures.metric("ocpp_cost_updates_total{outcome=\"sent\"}")).isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void aStationThatAnswersNotImplementedGetsNoMoreUntilItBootsAgainOrConnectsAnew() {
        GatewayFixtures.Site site = fixtures.aSite();
        String transactionId = "TX-" + UUID.randomUUID().toString().substring(0, 8);
        try (ChargingStationSimulator station = GatewayFixtures.connectStation(gateway(), site)) {
            station.boot(); // no CostUpdated handler: the simulator answers CALLERROR NotImplemented

            ChargerCommandAnswered first = requested(costUpdated(site, "1.20", transactionId));
            assertThat(first.outcome()).isEqualTo("CALL_ERROR");
            assertThat(first.errorCode()).isEqualTo("NotImplemented");
            ChargerCommandAnswered second = requested(costUpdated(site, "2.40", transactionId));
            assertThat(second.outcome()).isEqualTo("REFUSED");
            assertThat(second.errorDescription()).contains("does not support CostUpdated");
            costOverRest(site, "3.60", transactionId).then().statusCode(409)
                    .body("detail", containsString("does not support CostUpdated"));
            assertThat(costUpdates(station)).hasSize(1);
            assertThat(GatewayFixtures.metric("ocpp_cost_updates_total{outcome=\"unsupported\"}"))
                    .isGreaterThanOrEqualTo(2);

            station.boot(); // new firmware, maybe
            assertThat(requested(costUpdated(site, "4.80", transactionId)).outcome()).isEqualTo("CALL_ERROR");
            assertThat(costUpdates(station)).hasSize(2);
            assertThat(requested(costUpdated(site, "6.00", transactionId)).outcome()).isEqualTo("REFUSED");
        }
        try (ChargingStationSimulator again = GatewayFixtures.connectStation(gateway(), site)) {
            again.heartbeat(); // the gateway holds the new socket
            assertThat(requested(costUpdated(site, "7.20", transactionId)).outcome()).isEqualTo("CALL_ERROR");
            assertThat(costUpdates(again)).hasSize(1);
        }
    }

    @Test
    void aRedeliveredCostUpdatedReachesTheStationOnce() {
        GatewayFixtures.Site site = fixtures.aSite();
        try (ChargingStationSimulator station = showingCosts(site)) {
            RunningCostCalculated update = costUpdated(site, "8.15", "TX-" + UUID.randomUUID().toString().substring(0, 8));

            fixtures.topics.publish("tariff-service", update);
            fixtures.topics.publish("tariff-service", update);
            assertThat(answerOf(update.costId()).outcome()).isEqualTo("ANSWERED");
            fixtures.topics.publish("tariff-service", update); // redelivered after its answer

            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> costUpdates(station).size() == 1);
            assertThat(answersOf(update.costId())).hasSize(1);
        }
    }

    @Test
    void refusesTheCostOfAnEndedTransactionWithoutSendingIt() {
        GatewayFixtures.Site site = fixtures.aSite();
        Instant startedAt = Instant.now().minusSeconds(600);
        try (ChargingStationSimulator station = showingCosts(site)) {
            Transaction transaction = station.newTransaction(1, "AB12CD34");
            station.started(transaction, 1_000, startedAt);
            assertThat(requested(costUpdated(site, "0.95", transaction.id())).outcome()).isEqualTo("ANSWERED");

            station.ended(transaction, 5_000, startedAt.plusSeconds(540));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> transactionIds.hasEnded(site.chargePointId(), transaction.id()));
            ChargerCommandAnswered late = requested(costUpdated(site, "1.40", transaction.id()));

            assertThat(late.outcome()).isEqualTo("REFUSED");
            assertThat(late.errorDescription()).contains(transaction.id(), "has ended");
            assertThat(costUpdates(station)).singleElement().satisfies(sent -> assertCost(sent, "0.95", transaction.id()));
            assertThat(GatewayFixtures.metric("ocpp_cost_updates_total{outcome=\"ended\"}")).isPositive();
        }
    }

    @Test
    void aRunningCostForAnotherOperatorIsRefusedUnsent() {
        GatewayFixtures.Site site = fixtures.aSite();
        try (ChargingStationSimulator station = showingCosts(site)) {
            ChargerCommandAnswered foreign = requested(costFor(UUID.randomUUID(), site, "3.30", "TX-foreign"));

            assertThat(foreign.outcome()).isEqualTo("REFUSED");
            assertThat(foreign.action()).isEqualTo("CostUpdated");
            assertThat(costUpdates(station)).isEmpty();
        }
    }

    /** A booted station that takes CostUpdated. */
    private ChargingStationSimulator showingCosts(GatewayFixtures.Site site) {
        ChargingStationSimulator station = GatewayFixtures.connectStation(gateway(), site);
        station.onCall("CostUpdated", payload -> Map.of());
        station.boot();
        return station;
    }

    private static void assertCost(JsonNode payload, String totalCost, String transactionId) {
        assertThat(payload.get("totalCost").decimalValue()).isEqualByComparingTo(new BigDecimal(totalCost));
        assertThat(payload.get("transactionId").asText()).isEqualTo(transactionId);
        assertThat(payload.size()).isEqualTo(2);
    }

    /** The payloads of the CostUpdated CALLs the station received, in order. */
    private static List<JsonNode> costUpdates(ChargingStationSimulator station) {
        return station.callsReceived().stream().filter(call -> call.get(2).asText().equals("CostUpdated"))
                .map(call -> call.get(3)).toList();
    }

    /** A running cost as tariff-service announces it at a new reading. */
    private static RunningCostCalculated costUpdated(GatewayFixtures.Site site, String totalCost, String transactionId) {
        return costFor(site.operatorId(), site, totalCost, transactionId);
    }

    private static RunningCostCalculated costFor(UUID operatorId, GatewayFixtures.Site site, String totalCost,
                                                 String transactionId) {
        return new RunningCostCalculated(UUID.randomUUID(), UUID.randomUUID(), operatorId, site.chargePointId(),
                transactionId, new BigDecimal(totalCost), "EUR", Instant.now());
    }

    private ChargerCommandAnswered requested(RunningCostCalculated cost) {
        fixtures.topics.publish("tariff-service", cost);
        return answerOf(cost.costId());
    }

    private ChargerCommandAnswered answerOf(UUID commandId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> answersOf(commandId), answers -> !answers.isEmpty())
                .get(0);
    }

    private List<ChargerCommandAnswered> answersOf(UUID commandId) {
        return fixtures.topics.readAll(Topics.OCPP_EVENTS, ChargerCommandAnswered.class,
                answer -> answer.commandId().equals(commandId), Duration.ofSeconds(1));
    }

    private static Response costOverRest(GatewayFixtures.Site site, String totalCost, String transactionId) {
        return given().auth().oauth2(TestTokens.operatorAdmin(site.operatorId())).contentType(ContentType.JSON)
                .body("{\"totalCost\": " + totalCost + ", \"transactionId\": \"" + transactionId + "\"}")
                .post("/api/chargers/{cp}/commands/{action}", site.chargePointId(), "CostUpdated");
    }

    private URI gateway() {
        return GatewayFixtures.websocket(http);
    }
}
