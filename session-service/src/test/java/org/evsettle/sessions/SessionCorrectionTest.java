package org.evsettle.sessions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.sessions.ChargerReports.aTransaction;
import static org.evsettle.sessions.ChargerReports.accepted;
import static org.evsettle.sessions.SessionWaits.PATIENCE;
import static org.evsettle.sessions.SessionWaits.awaitCompleted;
import static org.evsettle.sessions.SessionWaits.awaitCorrections;
import static org.evsettle.sessions.SessionWaits.awaitStatus;
import static org.evsettle.sessions.SessionWaits.completions;
import static org.evsettle.sessions.SessionWaits.corrections;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.events.sessions.SessionCorrected;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.evsettle.testkit.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class SessionCorrectionTest {

    private static final Instant T0 = Instant.parse("2026-02-12T07:30:00Z");

    private final TopicProbe topics = new TopicProbe(InfrastructureResource.stack().kafka().bootstrapServers());

    @Inject
    StaleSessions staleSessions;

    @AfterEach
    void closeProbe() {
        topics.close();
    }

    private static Instant minutes(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private static io.restassured.response.Response post(String token, String path, UUID sessionId,
                                                         Map<String, ?> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/sessions/{id}/" + path, sessionId);
    }

    @Test
    void releasesAHeldSessionWithAReasonAndAnnouncesItOnce() {
        UUID operatorId = UUID.randomUUID();
        String admin = TestTokens.operatorAdmin(operatorId);
        ChargerReports tx = aTransaction(accepted(operatorId, UUID.randomUUID()));
        topics.publish(tx.started(400_000, minutes(0)));
        topics.publish(tx.stopped(400_000, minutes(40)));
        awaitStatus(tx.sessionId(), SessionStatus.HELD);

        post(admin, "release", tx.sessionId(), Map.of("reason", "Car was full: connected without charging, agreed "
                + "with the driver"))
                .then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("heldReason", nullValue())
                .body("anomalies[0].rule", equalTo("ZERO_ENERGY"))
                .body("anomalies[0].resolvedBy", equalTo("operator-admin"))
                .body("anomalies[0].resolvedAt", notNullValue());

        SessionCompleted completed = awaitCompleted(topics, tx.sessionId());
        assertThat(completed.energyWh()).isZero();
        assertThat(completed.durations().connectedSeconds()).isEqualTo(2400);
        given().auth().oauth2(admin).get("/api/sessions/{id}/corrections", tx.sessionId())
                .then().statusCode(200)
                .body("action", contains("RELEASED"))
                .body("[0].actedBy", equalTo("operator-admin"))
                .body("[0].reason", equalTo("Car was full: connected without charging, agreed with the driver"))
                .body("[0].statusBefore", equalTo("HELD"))
                .body("[0].statusAfter", equalTo("COMPLETED"))
                .body("[0].published", equalTo("SESSION_COMPLETED"))
                .body("[0].revision", nullValue());
        // releasing again changes nothing: it is no longer held
        post(admin, "release", tx.sessionId(), Map.of("reason", "again")).then().statusCode(409);
        assertThat(completions(topics, tx.sessionId())).hasSize(1);
    }

    @Test
    void correctsACompletedSessionAndAnnouncesEachCorrectionAsANewRevision() {
        UUID operatorId = UUID.randomUUID();
        String admin = TestTokens.operatorAdmin(operatorId);
        ChargerReports tx = aTransaction(accepted(operatorId, UUID.randomUUID()));
        topics.publish(tx.started(1_000_000, minutes(0)));
        topics.publish(tx.stopped(1_012_000, minutes(90)));
        awaitCompleted(topics, tx.sessionId());

        post(admin, "corrections", tx.sessionId(), Map.of("meterStopWh", 1_010_500,
                "reason", "Meter photo shows 1010.5 kWh at the stop"))
                .then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("energyWh", equalTo(10_500))
                .body("correctionRevision", equalTo(1));
        post(admin, "corrections", tx.sessionId(), Map.of("stoppedAt", minutes(80).toString(),
                "reason", "Driver unplugged at 08:50"))
                .then().statusCode(200).body("stoppedAt", equalTo(minutes(80).toString()))
                .body("correctionRevision", equalTo(2));

        List<SessionCorrected> corrected = awaitCorrections(topics, tx.sessionId(), 2);
        assertThat(corrected).extracting(SessionCorrected::revision).containsExactly(1, 2);
        assertThat(corrected.get(0).corrected().energyWh()).isEqualTo(10_500);
        assertThat(corrected.get(0).corrected().meterStopWh()).isEqualTo(1_010_500);
        assertThat(corrected.get(0).reason()).isEqualTo("Meter photo shows 1010.5 kWh at the stop");
        assertThat(corrected.get(0).correctedBy()).isEqualTo("operator-admin");
        assertThat(corrected.get(1).corrected().stoppedAt()).isEqualTo(minutes(80));
        assertThat(corrected.get(1).corrected().energyWh()).isEqualTo(10_500);
        assertThat(corrected.get(1).corrected().durations().connectedSeconds()).isEqualTo(4800);
        assertThat(completions(topics, tx.sessionId())).hasSize(1);

        given().auth().oauth2(admin).get("/api/sessions/{id}/corrections", tx.sessionId())
                .then().statusCode(200)
                .body("action", contains("CORRECTED", "CORRECTED"))
                .body("[0].meterStopWhBefore", equalTo(1_012_000))
                .body("[0].meterStopWhAfter", equalTo(1_010_500))
                .body("[0].energyWhBefore", equalTo(12_000))
                .body("[0].energyWhAfter", equalTo(10_500))
                .body("[0].published", equalTo("SESSION_CORRECTED"))
                .body("[0].revision", equalTo(1))
                .body("[1].stoppedAtBefore", equalTo(minutes(90).toString()))
                .body("[1].stoppedAtAfter", equalTo(minutes(80).toString()))
                .body("[1].revision", equalTo(2));

        // the platform's audit trail has both, newest first, for the operator's admins only
        given().auth().oauth2(admin).get("/api/operators/{o}/audit-entries?entityType=Session&entityId="
                        + tx.sessionId(), operatorId).then().statusCode(200)
                .body("items.action", contains("CORRECTED", "CORRECTED"))
                .body("items[1].changes.meterStopWh.before", equalTo(1_012_000))
                .body("items[1].changes.meterStopWh.after", equalTo(1_010_500))
                .body("items[1].changes.reason.after", equalTo("Meter photo shows 1010.5 kWh at the stop"))
                .body("items[0].changes.stoppedAt.after", equalTo(minutes(80).toString()))
                .body("items[0].actorSubject", equalTo(UUID.nameUUIDFromBytes("operator-admin".getBytes()).toString()));
        given().auth().oauth2(TestTokens.operatorAdmin(UUID.randomUUID()))
                .get("/api/operators/{o}/audit-entries", operatorId).then().statusCode(404);
    }

    @Test
    void closesAStaleSessionByACorrectionAndKeepsTheChargersLateStopInView() {
        Instant start = Instant.parse("2019-03-01T19:00:00Z"); // long ago: holding it touches no other test
        UUID operatorId = UUID.randomUUID();
        String admin = TestTokens.operatorAdmin(operatorId);
        ChargerReports tx = aTransaction(accepted(operatorId, UUID.randomUUID()));
        topics.publish(tx.started(50_000, start));
        awaitStatus(tx.sessionId(), SessionStatus.ACTIVE);
        staleSessions.hold(start.plus(Duration.ofDays(2)));
        awaitStatus(tx.sessionId(), SessionStatus.HELD);

        post(admin, "release", tx.sessionId(), Map.of("reason", "looks fine")).then().statusCode(422);
        post(admin, "corrections", tx.sessionId(), Map.of("meterStopWh", 60_000, "reason", "no time"))
                .then().statusCode(400).body("violations.field", hasItem("stoppedAt"));
        post(admin, "corrections", tx.sessionId(), Map.of("stoppedAt", start.plus(Duration.ofHours(3)).toString(),
                "meterStopWh", 66_000, "reason", "Charger lost its connection; values from its display"))
                .then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("energyWh", equalTo(16_000))
                .body("stopSource", equalTo("OPERATOR"));
        assertThat(awaitCompleted(topics, tx.sessionId()).energyWh()).isEqualTo(16_000);

        // the charger's own stop comes after all: it is kept in view, nothing is announced again
        topics.publish(tx.stopped(66_100, start.plus(Duration.ofHours(3)).plusSeconds(20)));
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(admin)
                .get("/api/sessions/{id}", tx.sessionId())
                .then().body("anomalies.rule", contains("STALE", "LATE_STOP"))
                .body("anomalies[1].resolvedAt", nullValue())
                .body("status", equalTo("COMPLETED"))
                .body("meterStopWh", equalTo(66_000)));
        assertThat(completions(topics, tx.sessionId())).hasSize(1);
        assertThat(corrections(topics, tx.sessionId())).isEmpty();
    }

    @Test
    void refusesACorrectionOnceTheSessionsAuditTrailIsFullSoThatTheTrailStaysOneAnswer() {
        UUID operatorId = UUID.randomUUID();
        String admin = TestTokens.operatorAdmin(operatorId);
        ChargerReports tx = aTransaction(accepted(operatorId, UUID.randomUUID()));
        topics.publish(tx.started(200_000, minutes(0)));
        topics.publish(tx.stopped(210_000, minutes(60)));
        awaitCompleted(topics, tx.sessionId());

        for (int i = 1; i <= SessionCorrection.MOST_PER_SESSION; i++) {
            post(admin, "corrections", tx.sessionId(), Map.of("meterStopWh", 210_000 + i, "reason", "reading " + i))
                    .then().statusCode(200).body("correctionRevision", equalTo(i));
        }
        post(admin, "corrections", tx.sessionId(), Map.of("meterStopWh", 200_500, "reason", "one more"))
                .then().statusCode(409).body("detail", containsString("100 times"));

        given().auth().oauth2(admin).get("/api/sessions/{id}/corrections", tx.sessionId())
                .then().statusCode(200).body("size()", equalTo(SessionCorrection.MOST_PER_SESSION))
                .body("[99].meterStopWhAfter", equalTo(210_100));
    }

    @Test
    void refusesCorrectionsThatCannotBeBilledOrAreNotTheCallersToMake() {
        UUID operatorId = UUID.randomUUID();
        UUID driverId = UUID.randomUUID();
        String admin = TestTokens.operatorAdmin(operatorId);
        ChargerReports tx = aTransaction(accepted(operatorId, driverId));
        topics.publish(tx.started(700_000, minutes(0)));
        topics.publish(tx.stopped(707_000, minutes(60)));
        awaitCompleted(topics, tx.sessionId());
        ChargerReports charging = aTransaction(accepted(operatorId, driverId));
        topics.publish(charging.started(10_000, minutes(0)));
        awaitStatus(charging.sessionId(), SessionStatus.ACTIVE);

        post(admin, "corrections", tx.sessionId(), Map.of("meterStopWh", 706_000))
                .then().statusCode(400).body("violations.field", hasItem("reason"));
        post(admin, "corrections", tx.sessionId(), Map.of("meterStopWh", 706_000, "reason", " "))
                .then().statusCode(400);
        post(admin, "corrections", tx.sessionId(), Map.of("reason", "nothing to change"))
                .then().statusCode(400);
        post(admin, "corrections", tx.sessionId(), Map.of("meterStopWh", 699_000, "reason", "typo"))
                .then().statusCode(400).body("violations.field", hasItem("meterStopWh"));
        post(admin, "corrections", tx.sessionId(), Map.of("stoppedAt", minutes(-1).toString(), "reason", "typo"))
                .then().statusCode(400).body("violations.field", hasItem("stoppedAt"));
        post(admin, "corrections", tx.sessionId(), Map.of("stoppedAt", Instant.now().plus(Duration.ofDays(1))
                .toString(), "reason", "typo")).then().statusCode(400);
        post(admin, "corrections", tx.sessionId(), Map.of("meterStopWh", 707_000, "reason", "same"))
                .then().statusCode(422);
        post(admin, "corrections", charging.sessionId(), Map.of("meterStopWh", 20_000, "reason", "early"))
                .then().statusCode(409);
        post(admin, "release", tx.sessionId(), Map.of("reason", "not held")).then().statusCode(409);
        post(TestTokens.operatorAdmin(UUID.randomUUID()), "corrections", tx.sessionId(),
                Map.of("meterStopWh", 706_000, "reason", "not mine")).then().statusCode(404);
        post(TestTokens.driver(operatorId, driverId), "corrections", tx.sessionId(),
                Map.of("meterStopWh", 706_000, "reason", "cheaper")).then().statusCode(403);
        given().auth().oauth2(TestTokens.driver(operatorId, driverId))
                .get("/api/sessions/{id}/corrections", tx.sessionId()).then().statusCode(403);
        given().auth().oauth2(TestTokens.operatorAdmin(UUID.randomUUID()))
                .get("/api/sessions/{id}/corrections", tx.sessionId()).then().statusCode(404);

        given().auth().oauth2(admin).get("/api/sessions/{id}/corrections", tx.sessionId())
                .then().statusCode(200).body("$", empty());
        assertThat(corrections(topics, tx.sessionId())).isEmpty();
    }
}
