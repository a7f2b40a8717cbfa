package org.evsettle.sessions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.sessions.ChargerReports.aTransaction;
import static org.evsettle.sessions.ChargerReports.accepted;
import static org.evsettle.sessions.ChargerReports.meterValue;
import static org.evsettle.sessions.SessionWaits.PATIENCE;
import static org.evsettle.sessions.SessionWaits.awaitStatus;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.ocpp.MeterValue;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.evsettle.testkit.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A session's meter values: the charger's energy register from meter start to meter stop in time order,
 * for whoever may read the session, thinned for a long session, unchanged by a correction.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class SessionMeterValuesTest {

    private static final Instant T0 = Instant.parse("2026-03-10T08:00:00Z");

    private final TopicProbe topics = new TopicProbe(InfrastructureResource.stack().kafka().bootstrapServers());

    @AfterEach
    void closeProbe() {
        topics.close();
    }

    private static Instant minutes(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private static JsonPath meterValues(String token, UUID sessionId) {
        return given().auth().oauth2(token).get("/api/sessions/{id}/meter-values", sessionId)
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    /** A completed hour of 6 kWh with a sample every 20 minutes, the samples sent out of order. */
    private ChargerReports anHourOfSixKwh(UUID operatorId, UUID driverId) {
        ChargerReports tx = aTransaction(accepted(operatorId, driverId));
        topics.publish(tx.started(1_000_000, minutes(0)));
        topics.publish(tx.sampled(minutes(40), "1004.000", "kWh"));
        topics.publish(tx.sampled(minutes(20), "1002000", "Wh"));
        topics.publish(tx.stopped(1_006_000, minutes(60)));
        awaitStatus(tx.sessionId(), SessionStatus.COMPLETED);
        return tx;
    }

    @Test
    void drawsTheRegisterFromMeterStartToMeterStopInTimeOrder() {
        UUID operatorId = UUID.randomUUID();
        UUID driverId = UUID.randomUUID();
        new Registry(topics).driver(driverId, operatorId);
        String driver = TestTokens.driver(operatorId, driverId);
        ChargerReports tx = aTransaction(accepted(operatorId, driverId));
        topics.publish(tx.started(1_000_000, minutes(0)));
        topics.publish(tx.sampled(minutes(40), "1004.000", "kWh"));
        topics.publish(tx.sampled(minutes(20), "1002000", "Wh"));

        // while it charges, the curve ends at the latest sample
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(meterValues(driver, tx.sessionId())
                .getList("samples.registerWh", Long.class)).containsExactly(1_000_000L, 1_002_000L, 1_004_000L));

        topics.publish(tx.stopped(1_006_000, minutes(60)));
        awaitStatus(tx.sessionId(), SessionStatus.COMPLETED);
        given().auth().oauth2(driver).get("/api/sessions/{id}/meter-values", tx.sessionId())
                .then().statusCode(200)
                .body("sessionId", equalTo(tx.sessionId().toString()))
                .body("samples.at", contains("2026-03-10T08:00:00Z", "2026-03-10T08:20:00Z", "2026-03-10T08:40:00Z",
                        "2026-03-10T09:00:00Z"))
                .body("samples.registerWh", contains(1_000_000, 1_002_000, 1_004_000, 1_006_000))
                .body("samples.energyWh", contains(0, 2_000, 4_000, 6_000));
    }

    @Test
    void answers404ForASessionThatIsNotTheCallersToSee() {
        UUID operatorId = UUID.randomUUID();
        UUID driverId = UUID.randomUUID();
        new Registry(topics).driver(driverId, operatorId);
        ChargerReports tx = anHourOfSixKwh(operatorId, driverId);

        for (String stranger : List.of(TestTokens.operatorAdmin(UUID.randomUUID()),
                TestTokens.driver(operatorId, UUID.randomUUID()))) {
            given().auth().oauth2(stranger).get("/api/sessions/{id}/meter-values", tx.sessionId())
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("type", equalTo("urn:evsettle:problem:not-found"));
        }
        given().auth().oauth2(TestTokens.platformAdmin()).get("/api/sessions/{id}/meter-values", UUID.randomUUID())
                .then().statusCode(404);
        given().get("/api/sessions/{id}/meter-values", tx.sessionId()).then().statusCode(401);
        for (String reader : List.of(TestTokens.operatorAdmin(operatorId), TestTokens.driver(operatorId, driverId),
                TestTokens.platformAdmin())) {
            assertThat(meterValues(reader, tx.sessionId()).getList("samples")).hasSize(4);
        }
    }

    @Test
    void thinsASessionOfDaysWithASampleEachMinuteToAtMostFiveHundredPoints() {
        UUID operatorId = UUID.randomUUID();
        ChargerReports tx = aTransaction(accepted(operatorId, UUID.randomUUID()));
        int minutesLong = 3 * 24 * 60;
        topics.publish(tx.started(2_000_000, minutes(0)));
        List<MeterValue> stored = new ArrayList<>();
        for (int minute = 1; minute < minutesLong; minute++) {
            stored.add(meterValue(minutes(minute), Long.toString(2_000_000 + 50L * minute), "Wh"));
            if (stored.size() == 500 || minute == minutesLong - 1) {
                topics.publish(tx.sampled(stored));
                stored = new ArrayList<>();
            }
        }
        topics.publish(tx.stopped(2_000_000 + 50L * minutesLong, minutes(minutesLong)));
        awaitStatus(tx.sessionId(), SessionStatus.COMPLETED);

        JsonPath curve = meterValues(TestTokens.operatorAdmin(operatorId), tx.sessionId());

        List<String> at = curve.getList("samples.at", String.class);
        List<Long> energy = curve.getList("samples.energyWh", Long.class);
        assertThat(at).hasSize(MeterCurve.MOST_POINTS).isSorted().doesNotHaveDuplicates();
        assertThat(at.get(0)).isEqualTo("2026-03-10T08:00:00Z");
        assertThat(at.get(at.size() - 1)).isEqualTo("2026-03-13T08:00:00Z");
        assertThat(energy.get(0)).isZero();
        assertThat(energy.get(energy.size() - 1)).isEqualTo(50L * minutesLong);
        // evenly: 4,320 minutes over 499 gaps, each 8 or 9 minutes wide (50 Wh a minute)
        for (int i = 1; i < energy.size(); i++) {
            assertThat(energy.get(i) - energy.get(i - 1)).isIn(400L, 450L);
        }
    }

    @Test
    void stillShowsWhatTheChargerReportedAfterACorrection() {
        UUID operatorId = UUID.randomUUID();
        String admin = TestTokens.operatorAdmin(operatorId);
        ChargerReports tx = anHourOfSixKwh(operatorId, UUID.randomUUID());

        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("stoppedAt", "2026-03-10T08:50:00Z", "meterStartWh", 1_000_500, "meterStopWh", 1_005_000,
                        "reason", "the car left at 08:50, the charger's clock runs late"))
                .post("/api/sessions/{id}/corrections", tx.sessionId())
                .then().statusCode(200).body("energyWh", equalTo(4_500));

        given().auth().oauth2(admin).get("/api/sessions/{id}/meter-values", tx.sessionId())
                .then().statusCode(200)
                .body("samples.at", contains("2026-03-10T08:00:00Z", "2026-03-10T08:20:00Z", "2026-03-10T08:40:00Z",
                        "2026-03-10T09:00:00Z"))
                .body("samples.registerWh", contains(1_000_000, 1_002_000, 1_004_000, 1_006_000))
                .body("samples.energyWh", contains(0, 2_000, 4_000, 6_000));
    }
}
