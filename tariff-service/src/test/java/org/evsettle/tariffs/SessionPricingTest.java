package org.evsettle.tariffs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.tariffs.Sessions.aCorrection;
import static org.evsettle.tariffs.Sessions.aSession;
import static org.evsettle.tariffs.TariffFixtures.aTariff;
import static org.evsettle.tariffs.TariffFixtures.as;
import static org.evsettle.tariffs.TariffFixtures.createTariff;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.evsettle.events.Envelope;
import org.evsettle.events.Topics;
import org.evsettle.events.sessions.EnergyReading;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.events.sessions.SessionCorrected;
import org.evsettle.events.tariffs.PriceLine;
import org.evsettle.events.tariffs.PricedSession;
import org.evsettle.events.tariffs.SessionPriced;
import org.evsettle.events.tariffs.SessionRepriced;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.evsettle.testkit.TopicProbe;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** From SessionCompleted on sessions.events to SessionPriced on tariffs.events, once per session. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class SessionPricingTest {

    private static final String SESSION_SERVICE = "session-service";
    private static final Duration PRICED_WITHIN = Duration.ofSeconds(60);
    private static final Duration QUIET = Duration.ofSeconds(3);
    /** The service's consumer group (its application name): its committed offsets say what it applied. */
    private static final String CONSUMER_GROUP = "tariff-service";

    private final TopicProbe topics = new TopicProbe(InfrastructureResource.stack().kafka().bootstrapServers());

    @Inject
    EntityManager entityManager;

    @AfterEach
    void closeProbe() {
        topics.close();
    }

    @Test
    void pricesACompletedSessionAndAnnouncesThePriceOnce() {
        UUID operatorId = UUID.randomUUID();
        UUID tariffId = createTariff(operatorId, aTariff(t -> t.put("effectiveFrom", "2026-01-01T00:00:00Z")));
        SessionCompleted session = aSession(s -> s.operatorId(operatorId).energyWh(12_340));

        topics.publish(SESSION_SERVICE, session);

        awaitPrice(session, TestTokens.operatorAdmin(operatorId))
                .body("tariffId", equalTo(tariffId.toString()))
                .body("tariffVersion", equalTo(1))
                .body("currency", equalTo("EUR"))
                .body("lines.component", contains("ENERGY", "START_FEE"))
                .body("lines[0].quantity", equalTo(new BigDecimal("12.340")))
                .body("lines[1].quantity", equalTo(1))
                .body("lines.unit", contains("kWh", "session"))
                .body("lines.amount", contains(new BigDecimal("4.32"), new BigDecimal("0.50")))
                .body("netAmount", equalTo(new BigDecimal("4.82")))
                .body("vatRate", equalTo(new BigDecimal("0.21")))
                .body("vatAmount", equalTo(new BigDecimal("1.01")))
                .body("grossAmount", equalTo(new BigDecimal("5.83")));

        SessionPriced priced = pricesOf(session).get(0);
        assertThat(pricesOf(session)).hasSize(1);
        assertThat(priced.operatorId()).isEqualTo(operatorId);
        assertThat(priced.driverId()).isEqualTo(session.snapshot().driverId());
        assertThat(priced.tariffId()).isEqualTo(tariffId);
        assertThat(priced.session()).isEqualTo(new PricedSession(session.chargePointId(), session.transactionId(),
                session.snapshot().siteId(), session.snapshot().chargerId(), session.snapshot().cardId(),
                session.snapshot().idTag(), session.startedAt(), session.stoppedAt(), 12_340));
        assertThat(priced.lines()).containsExactly(
                new PriceLine("ENERGY", "Energy", new BigDecimal("12.340"), "kWh", new BigDecimal("0.35000"),
                        new BigDecimal("4.32")),
                new PriceLine("START_FEE", "Start fee", BigDecimal.ONE, "session", new BigDecimal("0.50000"),
                        new BigDecimal("0.50")));
        assertThat(priced.netAmount()).isEqualTo(new BigDecimal("4.82"));
        assertThat(priced.vatAmount()).isEqualTo(new BigDecimal("1.01"));
        assertThat(priced.grossAmount()).isEqualTo(new BigDecimal("5.83"));
    }

    @Test
    void pricesARedeliveredCompletionOnce() {
        UUID operatorId = UUID.randomUUID();
        createTariff(operatorId, aTariff(t -> t.put("effectiveFrom", "2026-01-01T00:00:00Z")));
        SessionCompleted session = aSession(s -> s.operatorId(operatorId));
        Envelope<SessionCompleted> completed = Envelope.of(SESSION_SERVICE, session);
        Envelope<SessionCompleted> resent = Envelope.of(SESSION_SERVICE, session);

        topics.publish(completed);
        topics.publish(completed);
        RecordMetadata last = topics.publish(resent);

        // one key, one partition: once the last of the three is consumed, so are the others
        await().atMost(PRICED_WITHIN).until(() -> topics.consumed(CONSUMER_GROUP, last));
        assertThat(pricesOf(session)).singleElement()
                .satisfies(priced -> assertThat(priced.grossAmount()).isEqualTo(new BigDecimal("5.83")));
    }

    @Test
    void pricesASessionWithTheVersionInForceWhenItStarted() {
        UUID operatorId = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID tariffId = createTariff(operatorId, aTariff(t -> {
            t.put("components", List.of(Map.of("type", "ENERGY", "unitPrice", 0.30)));
            t.put("effectiveFrom", now.minus(10, ChronoUnit.DAYS).toString());
        }));
        as(TestTokens.operatorAdmin(operatorId))
                .body(aTariff(t -> {
                    t.put("components", List.of(Map.of("type", "ENERGY", "unitPrice", 0.40)));
                    t.put("effectiveFrom", now.minus(1, ChronoUnit.DAYS).toString());
                }))
                .put("/api/tariffs/{id}", tariffId).then().statusCode(200);
        SessionCompleted startedBefore = aSession(s -> s.operatorId(operatorId).energyWh(10_000)
                .startedAt(now.minus(2, ChronoUnit.DAYS)));
        SessionCompleted startedAfter = aSession(s -> s.operatorId(operatorId).energyWh(10_000)
                .startedAt(now.minus(2, ChronoUnit.HOURS)));

        topics.publish(SESSION_SERVICE, startedBefore);
        topics.publish(SESSION_SERVICE, startedAfter);

        String admin = TestTokens.operatorAdmin(operatorId);
        awaitPrice(startedBefore, admin).body("tariffVersion", equalTo(1))
                .body("netAmount", equalTo(new BigDecimal("3.00")));
        awaitPrice(startedAfter, admin).body("tariffVersion", equalTo(2))
                .body("netAmount", equalTo(new BigDecimal("4.00")));
    }

    @Test
    void prefersTheTariffNamingTheUserTypeOverTheOneForAll() {
        UUID operatorId = UUID.randomUUID();
        UUID residents = createTariff(operatorId, aTariff(t -> {
            t.put("userTypes", List.of("RESIDENT"));
            t.put("effectiveFrom", "2026-01-01T00:00:00Z");
        }));
        // created later, so it would win if naming the user type did not count
        UUID everyone = createTariff(operatorId, aTariff(t -> t.put("effectiveFrom", "2026-01-01T00:00:00Z")));
        SessionCompleted resident = aSession(s -> s.operatorId(operatorId).userType("RESIDENT"));
        SessionCompleted guest = aSession(s -> s.operatorId(operatorId).userType("GUEST"));

        topics.publish(SESSION_SERVICE, resident);
        topics.publish(SESSION_SERVICE, guest);

        String admin = TestTokens.operatorAdmin(operatorId);
        awaitPrice(resident, admin).body("tariffId", equalTo(residents.toString()));
        awaitPrice(guest, admin).body("tariffId", equalTo(everyone.toString()));
    }

    @Test
    void keepsASessionNoTariffAppliesToAsUnpriced() {
        UUID operatorId = UUID.randomUUID();
        createTariff(operatorId, aTariff(t -> t.put("userTypes", List.of("EMPLOYEE"))));
        SessionCompleted session = aSession(s -> s.operatorId(operatorId).userType("GUEST").energyWh(7_500));
        String admin = TestTokens.operatorAdmin(operatorId);

        topics.publish(SESSION_SERVICE, session);

        await().atMost(PRICED_WITHIN).untilAsserted(() -> as(admin)
                .get("/api/operators/{o}/unpriced-sessions", operatorId)
                .then().statusCode(200)
                .body("items.sessionId", contains(session.sessionId().toString()))
                .body("items[0].startedAt", equalTo(session.startedAt().toString()))
                .body("items[0].energyWh", equalTo(7500))
                .body("items[0].reason", containsString("GUEST")));
        as(admin).get("/api/sessions/{s}/price", session.sessionId()).then().statusCode(404);
        assertThat(pricesOf(session)).isEmpty();
        as(TestTokens.operatorAdmin(UUID.randomUUID())).get("/api/operators/{o}/unpriced-sessions", operatorId)
                .then().statusCode(404);
    }

    @Test
    void showsAPriceOnlyToItsOperatorsAdminsAndItsDriver() {
        UUID operatorId = UUID.randomUUID();
        UUID driverId = UUID.randomUUID();
        RegistryFixtures.publishAndAwait(topics, RegistryFixtures.driver(driverId, operatorId, "RESIDENT"));
        createTariff(operatorId, aTariff(t -> t.put("effectiveFrom", "2026-01-01T00:00:00Z")));
        SessionCompleted session = aSession(s -> s.operatorId(operatorId).driverId(driverId));

        topics.publish(SESSION_SERVICE, session);

        awaitPrice(session, TestTokens.operatorAdmin(operatorId));
        String path = "/api/sessions/{s}/price";
        as(TestTokens.driver(operatorId, driverId)).get(path, session.sessionId()).then().statusCode(200)
                .body("driverId", equalTo(driverId.toString()));
        as(TestTokens.platformAdmin()).get(path, session.sessionId()).then().statusCode(200);
        as(TestTokens.driver(operatorId, UUID.randomUUID())).get(path, session.sessionId()).then().statusCode(404);
        as(TestTokens.driver(UUID.randomUUID(), driverId)).get(path, session.sessionId()).then().statusCode(404);
        as(TestTokens.operatorAdmin(UUID.randomUUID())).get(path, session.sessionId()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void pricesTimeOfUseFromTheSessionsSamples() {
        UUID operatorId = UUID.randomUUID();
        createTariff(operatorId, aTariff(t -> {
            t.put("effectiveFrom", "2026-01-01T00:00:00Z");
            t.put("components", List.of(
                    Map.of("type", "ENERGY", "unitPrice", "0.30"),
                    Map.of("type", "ENERGY", "unitPrice", "0.45", "label", "Peak",
                            "restrictions", Map.of("startTime", "17:00", "endTime", "21:00",
                                    "daysOfWeek", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"))),
                    Map.of("type", "TIME", "unitPrice", "1.20", "timeBasis", "CONNECTED",
                            "restrictions", Map.of("minDurationMinutes", 60))));
        }));
        // Monday 2 March 2026, 16:00-18:00 in Amsterdam: 1,000 Wh by 16:30, 4,000 Wh by 17:30, 6,000 Wh at the stop
        Instant start = Instant.parse("2026-03-02T15:00:00Z");
        SessionCompleted session = aSession(s -> s.operatorId(operatorId).startedAt(start)
                .duration(Duration.ofHours(2)).energyWh(6_000)
                .samples(List.of(new EnergyReading(start.plus(Duration.ofMinutes(30)), 1_000),
                        new EnergyReading(start.plus(Duration.ofMinutes(90)), 4_000))));

        topics.publish(SESSION_SERVICE, session);

        awaitPrice(session, TestTokens.operatorAdmin(operatorId))
                .body("lines.description", contains("Energy", "Peak", "Connected time (from 60 min)"))
                .body("lines.quantity", contains(new BigDecimal("2.500"), new BigDecimal("3.500"),
                        new BigDecimal("1.0000")))
                .body("lines.amount", contains(new BigDecimal("0.75"), new BigDecimal("1.58"), new BigDecimal("1.20")))
                .body("netAmount", equalTo(new BigDecimal("3.53")));
    }

    @Test
    void repricesACorrectedSessionAndAnnouncesTheNewPriceOnce() {
        UUID operatorId = UUID.randomUUID();
        createTariff(operatorId, aTariff(t -> t.put("effectiveFrom", "2026-01-01T00:00:00Z")));
        SessionCompleted session = aSession(s -> s.operatorId(operatorId).energyWh(12_340));
        SessionCorrected correction = aCorrection(session, 1, s -> s.energyWh(20_000));
        String admin = TestTokens.operatorAdmin(operatorId);

        topics.publish(SESSION_SERVICE, session);
        awaitPrice(session, admin).body("grossAmount", equalTo(new BigDecimal("5.83")));
        topics.publish(SESSION_SERVICE, correction);
        topics.publish(SESSION_SERVICE, correction);

        await().atMost(PRICED_WITHIN).untilAsserted(() -> as(admin).get("/api/sessions/{s}/price", session.sessionId())
                .then().statusCode(200).body("revision", equalTo(1)));
        as(admin).get("/api/sessions/{s}/price", session.sessionId()).then()
                .body("lines.quantity", Matchers.<Object>contains(new BigDecimal("20.000"), 1))
                .body("netAmount", equalTo(new BigDecimal("7.50")))
                .body("grossAmount", equalTo(new BigDecimal("9.08")));
        List<SessionRepriced> repriced = repricesOf(session);
        assertThat(repriced).singleElement().satisfies(r -> {
            assertThat(r.revision()).isEqualTo(1);
            assertThat(r.reason()).isEqualTo("meter stop corrected");
            assertThat(r.price().session().energyWh()).isEqualTo(20_000);
            assertThat(r.price().netAmount()).isEqualTo(new BigDecimal("7.50"));
            assertThat(r.price().tariffVersion()).isEqualTo(1);
        });
        assertThat(pricesOf(session)).hasSize(1);
    }

    @Test
    void ignoresACorrectionNotNewerThanTheLastApplied() {
        UUID operatorId = UUID.randomUUID();
        createTariff(operatorId, aTariff(t -> t.put("effectiveFrom", "2026-01-01T00:00:00Z")));
        SessionCompleted session = aSession(s -> s.operatorId(operatorId).energyWh(12_340));
        Envelope<SessionCorrected> second = Envelope.of(SESSION_SERVICE, aCorrection(session, 2, s -> s.energyWh(30_000)));
        Envelope<SessionCorrected> first = Envelope.of(SESSION_SERVICE, aCorrection(session, 1, s -> s.energyWh(1_000)));

        topics.publish(SESSION_SERVICE, session);
        topics.publish(second);
        RecordMetadata last = topics.publish(first);

        await().atMost(PRICED_WITHIN).until(() -> topics.consumed(CONSUMER_GROUP, last));
        as(TestTokens.operatorAdmin(operatorId)).get("/api/sessions/{s}/price", session.sessionId())
                .then().statusCode(200).body("revision", equalTo(2))
                .body("lines[0].quantity", equalTo(new BigDecimal("30.000")));
        assertThat(repricesOf(session)).extracting(SessionRepriced::revision).containsExactly(2);
    }

    @Test
    void pricesACorrectedUnpricedSessionAsItsFirstPrice() {
        UUID operatorId = UUID.randomUUID();
        createTariff(operatorId, aTariff(t -> {
            t.put("userTypes", List.of("RESIDENT"));
            t.put("effectiveFrom", "2026-01-01T00:00:00Z");
        }));
        SessionCompleted session = aSession(s -> s.operatorId(operatorId).userType("GUEST"));
        String admin = TestTokens.operatorAdmin(operatorId);

        topics.publish(SESSION_SERVICE, session);
        await().atMost(PRICED_WITHIN).untilAsserted(() -> as(admin).get("/api/operators/{o}/unpriced-sessions", operatorId)
                .then().body("items.sessionId", contains(session.sessionId().toString())).body("items[0].waiting", equalTo(true)));
        topics.publish(SESSION_SERVICE, aCorrection(session, 1, s -> s.userType("RESIDENT")));

        awaitPrice(session, admin).body("revision", equalTo(1)).body("userType", equalTo("RESIDENT"));
        as(admin).get("/api/operators/{o}/unpriced-sessions", operatorId).then().body("items", empty());
        assertThat(pricesOf(session)).hasSize(1);
        assertThat(repricesOf(session)).isEmpty();
    }

    @Test
    void pricesAWaitingSessionOnceATariffForItIsCreated() {
        UUID operatorId = UUID.randomUUID();
        SessionCompleted session = aSession(s -> s.operatorId(operatorId).userType("GUEST").energyWh(10_000));
        String admin = TestTokens.operatorAdmin(operatorId);
        topics.publish(SESSION_SERVICE, session);
        await().atMost(PRICED_WITHIN).untilAsserted(() -> as(admin).get("/api/operators/{o}/unpriced-sessions", operatorId)
                .then().body("items.sessionId", contains(session.sessionId().toString())));

        UUID guests = createTariff(operatorId, aTariff(t -> {
            t.put("userTypes", List.of("GUEST"));
            t.put("effectiveFrom", "2026-01-01T00:00:00Z");
        }));

        awaitPrice(session, admin).body("tariffId", equalTo(guests.toString()))
                .body("netAmount", equalTo(new BigDecimal("4.00")));
        as(admin).get("/api/operators/{o}/unpriced-sessions", operatorId).then().body("items", empty());
        assertThat(pricesOf(session)).singleElement()
                .satisfies(priced -> assertThat(priced.tariffId()).isEqualTo(guests));
    }

    @Test
    void leavesASessionThatCannotBePricedOutOfTheWaitingSessions() {
        UUID operatorId = UUID.randomUUID();
        SessionCompleted negative = aSession(s -> s.operatorId(operatorId).energyWh(-40));
        String admin = TestTokens.operatorAdmin(operatorId);
        topics.publish(SESSION_SERVICE, negative);
        await().atMost(PRICED_WITHIN).untilAsserted(() -> as(admin).get("/api/operators/{o}/unpriced-sessions", operatorId)
                .then().body("items.sessionId", contains(negative.sessionId().toString()))
                .body("items[0].waiting", equalTo(false))
                .body("items[0].reason", containsString("negative energy")));

        createTariff(operatorId, aTariff(t -> t.put("effectiveFrom", "2026-01-01T00:00:00Z")));

        await().atMost(PRICED_WITHIN).until(() -> tariffChangesWaiting(operatorId) == 0);
        as(admin).get("/api/operators/{o}/unpriced-sessions", operatorId).then()
                .body("items.sessionId", contains(negative.sessionId().toString()));
        as(admin).get("/api/sessions/{s}/price", negative.sessionId()).then().statusCode(404);
    }

    @Test
    void pricesWithTheTariffOfTheSiteWhereTheSessionCharged() {
        UUID operatorId = UUID.randomUUID();
        UUID siteId = UUID.randomUUID();
        String chargePointId = "ZAP-" + UUID.randomUUID().toString().substring(0, 8);
        RegistryFixtures.publishAndAwait(topics, RegistryFixtures.site(siteId, operatorId),
                RegistryFixtures.charger(UUID.randomUUID(), 1, operatorId, siteId, chargePointId, "ACTIVE"));
        UUID operatorWide = createTariff(operatorId, aTariff(t -> t.put("effectiveFrom", "2026-01-01T00:00:00Z")));
        UUID atSite = createTariff(operatorId, aTariff(t -> {
            t.put("siteId", siteId.toString());
            t.put("effectiveFrom", "2026-01-01T00:00:00Z");
        }));
        SessionCompleted here = aSession(s -> s.operatorId(operatorId).siteId(siteId));
        SessionCompleted elsewhere = aSession(s -> s.operatorId(operatorId));
        // a snapshot without site and charger: the registry's charger tells where it was
        SessionCompleted unplaced = aSession(s -> s.operatorId(operatorId).siteId(null).chargerId(null)
                .chargePointId(chargePointId));

        topics.publish(SESSION_SERVICE, here);
        topics.publish(SESSION_SERVICE, elsewhere);
        topics.publish(SESSION_SERVICE, unplaced);

        String admin = TestTokens.operatorAdmin(operatorId);
        awaitPrice(here, admin).body("tariffId", equalTo(atSite.toString()));
        awaitPrice(elsewhere, admin).body("tariffId", equalTo(operatorWide.toString()));
        awaitPrice(unplaced, admin).body("tariffId", equalTo(atSite.toString()));
    }

    private static ValidatableResponse awaitPrice(SessionCompleted session, String token) {
        await().atMost(PRICED_WITHIN).untilAsserted(() ->
                as(token).get("/api/sessions/{s}/price", session.sessionId()).then().statusCode(200));
        return as(token).get("/api/sessions/{s}/price", session.sessionId()).then().statusCode(200)
                .body("sessionId", equalTo(session.sessionId().toString()));
    }

    private List<SessionPriced> pricesOf(SessionCompleted session) {
        return topics.readAll(Topics.TARIFFS_EVENTS, SessionPriced.class,
                priced -> priced.sessionId().equals(session.sessionId()), QUIET);
    }

    private List<SessionRepriced> repricesOf(SessionCompleted session) {
        return topics.readAll(Topics.TARIFFS_EVENTS, SessionRepriced.class,
                repriced -> repriced.sessionId().equals(session.sessionId()), QUIET);
    }

    private long tariffChangesWaiting(UUID operatorId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM tariff_change WHERE operator_id = ?1")
                .setParameter(1, operatorId)
                .getSingleResult()).longValue());
    }
}
