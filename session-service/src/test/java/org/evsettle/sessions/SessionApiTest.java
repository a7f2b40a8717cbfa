package org.evsettle.sessions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.sessions.ChargerReports.aTransaction;
import static org.evsettle.sessions.ChargerReports.accepted;
import static org.evsettle.sessions.SessionWaits.awaitStatus;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.evsettle.events.Envelope;
import org.evsettle.events.tariffs.PriceLine;
import org.evsettle.events.tariffs.PricedSession;
import org.evsettle.events.tariffs.SessionPriced;
import org.evsettle.events.tariffs.SessionRepriced;
import org.evsettle.sessions.messaging.PriceConsumer;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.evsettle.testkit.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class SessionApiTest {

    private static final Instant T0 = Instant.parse("2026-01-31T22:50:00Z");

    private final TopicProbe topics = new TopicProbe(InfrastructureResource.stack().kafka().bootstrapServers());

    @Inject
    EntityManager entityManager;

    @AfterEach
    void closeProbe() {
        topics.close();
    }

    /** A completed session of 12.340 kWh of this driver, on a charger of its own. */
    private ChargerReports completedSession(UUID operatorId, UUID driverId) {
        ChargerReports tx = aTransaction(accepted(operatorId, driverId));
        topics.publish(tx.started(1_234_000, T0));
        topics.publish(tx.stopped(1_246_340, T0.plusSeconds(3600)));
        awaitStatus(tx.sessionId(), SessionStatus.COMPLETED);
        return tx;
    }

    @Test
    void hidesASessionOfAnotherOperatorFromAnOperatorAdminAs404() {
        UUID mine = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        ChargerReports theirSession = completedSession(theirs, UUID.randomUUID());

        given().auth().oauth2(TestTokens.operatorAdmin(mine)).get("/api/sessions/{id}", theirSession.sessionId())
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:evsettle:problem:not-found"));
        given().auth().oauth2(TestTokens.operatorAdmin(mine)).queryParam("operatorId", theirs).get("/api/sessions")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.operatorAdmin(mine)).get("/api/sessions")
                .then().statusCode(200).body("items.sessionId", not(hasItem(theirSession.sessionId().toString())));
        given().auth().oauth2(TestTokens.operatorAdmin(theirs)).get("/api/sessions/{id}", theirSession.sessionId())
                .then().statusCode(200).body("operatorId", equalTo(theirs.toString()));
        given().auth().oauth2(TestTokens.platformAdmin()).queryParam("operatorId", theirs).get("/api/sessions")
                .then().statusCode(200).body("items.sessionId", contains(theirSession.sessionId().toString()));
    }

    @Test
    void showsAStationsTransactionIdAndTheEventsThatNeverArrivedOnItsSession() {
        UUID operatorId = UUID.randomUUID();
        ChargerReports tx = aTransaction(accepted(operatorId, UUID.randomUUID()));
        topics.publish(tx.stationStarted("c1a5e-77", 1_000_000, T0));
        topics.publish(tx.stationEnded("c1a5e-77", 6, List.of(2, 3), 1_011_000, T0.plusSeconds(3600)));
        // the samples between lost events are missing, the energy from start and stop stands: billed as usual
        awaitStatus(tx.sessionId(), SessionStatus.COMPLETED);

        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).get("/api/sessions/{id}", tx.sessionId())
                .then().statusCode(200)
                .body("energyWh", equalTo(11_000))
                .body("stationTransactionId", equalTo("c1a5e-77"))
                .body("missingEventSeqNos", contains(2, 3));
        ChargerReports chargers = completedSession(operatorId, UUID.randomUUID());
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).get("/api/sessions/{id}", chargers.sessionId())
                .then().statusCode(200)
                .body("stationTransactionId", nullValue())
                .body("missingEventSeqNos", empty());
    }

    @Test
    void showsADriverOnlyTheirOwnSessions() {
        UUID operatorId = UUID.randomUUID();
        UUID anna = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        new Registry(topics).driver(anna, operatorId);
        ChargerReports annasSession = completedSession(operatorId, anna);
        ChargerReports bobsSession = completedSession(operatorId, bob);
        String annasToken = TestTokens.driver(operatorId, anna);

        given().auth().oauth2(annasToken).get("/api/me/sessions")
                .then().statusCode(200).body("items.sessionId", contains(annasSession.sessionId().toString()));
        given().auth().oauth2(annasToken).get("/api/sessions")
                .then().statusCode(200).body("items.sessionId", contains(annasSession.sessionId().toString()));
        // a filter to someone else is refused as that driver or operator would be, not answered with nothing
        given().auth().oauth2(annasToken).queryParam("driverId", bob).get("/api/sessions")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(annasToken).queryParam("operatorId", UUID.randomUUID()).get("/api/sessions")
                .then().statusCode(404);
        given().auth().oauth2(annasToken).get("/api/sessions/{id}", bobsSession.sessionId())
                .then().statusCode(404);
        given().auth().oauth2(annasToken).get("/api/sessions/{id}", annasSession.sessionId())
                .then().statusCode(200).body("driverId", equalTo(anna.toString()));
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).get("/api/me/sessions")
                .then().statusCode(403);
    }

    @Test
    void trustsADriversTokenOnlyWhileTheRegistryLinksTheDriverToItsAccount() {
        UUID operatorId = UUID.randomUUID();
        UUID anna = UUID.randomUUID();
        Registry registry = new Registry(topics);
        registry.driver(anna, operatorId);
        ChargerReports annasSession = completedSession(operatorId, anna);
        String annasToken = TestTokens.driver(operatorId, anna);
        given().auth().oauth2(annasToken).get("/api/sessions/{id}", annasSession.sessionId()).then().statusCode(200);

        // a token of another account that names Anna in its driver_id is not Anna
        String forged = TestTokens.driver(operatorId, anna, "someone-else");
        given().auth().oauth2(forged).get("/api/me/sessions").then().statusCode(404);
        given().auth().oauth2(forged).get("/api/sessions/{id}", annasSession.sessionId()).then().statusCode(404);

        // user-service unlinks Anna's account: her tokens are nobody, here as there
        registry.driver(anna, 2, operatorId, "Anna de Vries", "RESIDENT", null, null);
        given().auth().oauth2(annasToken).get("/api/me/sessions").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(annasToken).get("/api/sessions").then().statusCode(404);
        given().auth().oauth2(annasToken).get("/api/sessions/{id}", annasSession.sessionId()).then().statusCode(404);
        given().auth().oauth2(annasToken).get("/api/me/reports/sessions?from=2026-01-01&to=2026-12-31")
                .then().statusCode(404);

        // linked to a new account, that account's tokens are Anna again
        registry.driver(anna, 3, operatorId, "Anna de Vries", "RESIDENT", null, "annas-new-account");
        given().auth().oauth2(TestTokens.driver(operatorId, anna, "annas-new-account"))
                .get("/api/sessions/{id}", annasSession.sessionId()).then().statusCode(200);
        given().auth().oauth2(annasToken).get("/api/sessions/{id}", annasSession.sessionId()).then().statusCode(404);
    }

    @Test
    void filtersAnOperatorsSessionsByDriverChargerAndStatus() {
        UUID operatorId = UUID.randomUUID();
        UUID anna = UUID.randomUUID();
        ChargerReports annasSession = completedSession(operatorId, anna);
        ChargerReports otherSession = completedSession(operatorId, UUID.randomUUID());
        String admin = TestTokens.operatorAdmin(operatorId);

        given().auth().oauth2(admin).get("/api/sessions")
                .then().statusCode(200).body("items.sessionId", hasItem(annasSession.sessionId().toString()))
                .body("items.sessionId", hasItem(otherSession.sessionId().toString()));
        given().auth().oauth2(admin).queryParam("driverId", anna).get("/api/sessions")
                .then().statusCode(200).body("items.sessionId", contains(annasSession.sessionId().toString()));
        given().auth().oauth2(admin).queryParam("chargePointId", otherSession.chargePointId).get("/api/sessions")
                .then().statusCode(200).body("items.sessionId", contains(otherSession.sessionId().toString()));
        given().auth().oauth2(admin).queryParam("driverId", anna).queryParam("status", "completed").get("/api/sessions")
                .then().statusCode(200).body("items.sessionId", contains(annasSession.sessionId().toString()));
        given().auth().oauth2(admin).queryParam("driverId", anna).queryParam("status", "HELD").get("/api/sessions")
                .then().statusCode(200).body("items", empty()).body("next", nullValue());
        given().auth().oauth2(admin).queryParam("status", "FINISHED").get("/api/sessions")
                .then().statusCode(400).body("violations[0].field", equalTo("status"))
                .body("violations[0].message", containsString("ACTIVE, AWAITING_START, COMPLETED, HELD"));
        // a driver of another operator, or one not known here at all, is not this admin's to filter by
        given().auth().oauth2(admin).queryParam("driverId", UUID.randomUUID()).get("/api/sessions")
                .then().statusCode(404);
    }

    @Test
    void showsASessionWithItsSnapshotAndEnergyInKwhWithThreeDecimals() {
        UUID operatorId = UUID.randomUUID();
        UUID driverId = UUID.randomUUID();
        ChargerReports tx = completedSession(operatorId, driverId);

        String body = given().auth().oauth2(TestTokens.operatorAdmin(operatorId))
                .get("/api/sessions/{id}", tx.sessionId())
                .then().statusCode(200)
                .body("sessionId", equalTo(tx.sessionId().toString()))
                .body("status", equalTo("COMPLETED"))
                .body("chargePointId", equalTo(tx.chargePointId))
                .body("transactionId", equalTo(tx.transactionId))
                .body("connectorId", equalTo(1))
                .body("siteId", equalTo(tx.authorization.siteId().toString()))
                .body("chargerId", equalTo(tx.authorization.chargerId().toString()))
                .body("cardId", equalTo(tx.authorization.cardId().toString()))
                .body("driverId", equalTo(driverId.toString()))
                .body("idTag", equalTo("04A2B3C4"))
                .body("startedAt", equalTo("2026-01-31T22:50:00Z"))
                .body("stoppedAt", equalTo("2026-01-31T23:50:00Z"))
                .body("meterStartWh", equalTo(1_234_000))
                .body("meterStopWh", equalTo(1_246_340))
                .body("energyWh", equalTo(12_340))
                .body("stopReason", equalTo("EVDisconnected"))
                .extract().asString();
        assertThat(body).contains("\"energyKwh\":12.340");
    }

    @Test
    void showsTheLatestPriceBesideTheEnergyWhateverOrderRevisionsArriveIn() {
        UUID operatorId = UUID.randomUUID();
        ChargerReports tx = completedSession(operatorId, UUID.randomUUID());

        topics.publish("tariff-service", priced(tx, operatorId, "4.32", "5.23"));
        topics.publish("tariff-service", new SessionRepriced(tx.sessionId(), 1, priced(tx, operatorId, "3.90", "4.72"),
                "corrected meter stop"));
        // a price of an older revision, redelivered late, changes nothing
        Envelope<SessionPriced> late = Envelope.of(UUID.randomUUID(), "tariff-service",
                priced(tx, operatorId, "4.32", "5.23"), Instant.now());
        topics.publish(late);
        await().atMost(SessionWaits.PATIENCE).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager.createNativeQuery(
                                "SELECT count(*) FROM processed_event WHERE consumer = ?1 AND event_id = ?2")
                        .setParameter(1, PriceConsumer.NAME).setParameter(2, late.id())
                        .getSingleResult()).longValue() == 1));

        String body = given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).get("/api/sessions/{id}",
                tx.sessionId()).then().statusCode(200).body("cost.revision", equalTo(1)).extract().asString();
        assertThat(body).contains("\"currency\":\"EUR\"", "\"netAmount\":3.90", "\"vatAmount\":0.82",
                "\"grossAmount\":4.72", "\"energyKwh\":12.340");
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).get("/api/sessions")
                .then().body("items.find { it.sessionId == '" + tx.sessionId() + "' }.cost.revision", equalTo(1));
    }

    private static SessionPriced priced(ChargerReports tx, UUID operatorId, String net, String gross) {
        BigDecimal netAmount = new BigDecimal(net);
        return new SessionPriced(tx.sessionId(), operatorId, null, new PricedSession(tx.chargePointId,
                tx.transactionId, null, null, null, null, null, null, 12_340), UUID.randomUUID(), 1, "EUR",
                List.of(new PriceLine("ENERGY", "Energy", new BigDecimal("12.340"), "kWh", new BigDecimal("0.35"),
                        netAmount)), netAmount, new BigDecimal("0.21"),
                new BigDecimal(gross).subtract(netAmount), new BigDecimal(gross));
    }

    @Test
    void refusesRequestsWithoutAValidToken() {
        given().get("/api/sessions").then().statusCode(401);
        given().get("/api/sessions/{id}", UUID.randomUUID()).then().statusCode(401);
        given().get("/api/me/sessions").then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/api/sessions").then().statusCode(401);
    }
}
