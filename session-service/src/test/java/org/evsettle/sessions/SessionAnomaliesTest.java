package org.evsettle.sessions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.sessions.ChargerReports.aTransaction;
import static org.evsettle.sessions.ChargerReports.accepted;
import static org.evsettle.sessions.SessionWaits.awaitCompleted;
import static org.evsettle.sessions.SessionWaits.awaitStatus;
import static org.evsettle.sessions.SessionWaits.completions;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.events.sessions.SessionDurations;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.evsettle.testkit.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class SessionAnomaliesTest {

    private static final Instant T0 = Instant.parse("2026-02-10T18:00:00Z");

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

    @Test
    void holdsAZeroBaselineAfterAnOfflineRebootAndAnnouncesNothing() {
        UUID operatorId = UUID.randomUUID();
        ChargerReports first = aTransaction(accepted(operatorId, UUID.randomUUID()));
        topics.publish(first.started(900_000, minutes(0)));
        topics.publish(first.stopped(910_000, minutes(60)));
        awaitCompleted(topics, first.sessionId());

        // the charger rebooted offline and counts from 0, but stops with its lifetime register: 910 kWh for 80 Wh
        ChargerReports rebooted = first.next(accepted(operatorId, UUID.randomUUID()));
        topics.publish(rebooted.started(0, minutes(120)));
        topics.publish(rebooted.stopped(910_080, minutes(150)));

        awaitStatus(rebooted.sessionId(), SessionStatus.HELD);
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).get("/api/sessions/{id}", rebooted.sessionId())
                .then().statusCode(200)
                .body("anomalies.rule", contains("METER_RESET", "IMPLAUSIBLE_POWER"))
                .body("anomalies[0].detail", startsWith("meter start 0 Wh is below 910000 Wh"))
                .body("anomalies[0].resolvedAt", nullValue())
                .body("heldReason", startsWith("meter start 0 Wh"));
        assertThat(completions(topics, rebooted.sessionId())).isEmpty();
    }

    @Test
    void holdsASecondStartOnAConnectorThatIsStillBusy() {
        UUID operatorId = UUID.randomUUID();
        ChargerReports open = aTransaction(accepted(operatorId, UUID.randomUUID()));
        topics.publish(open.started(100_000, minutes(0)));
        awaitStatus(open.sessionId(), SessionStatus.ACTIVE);

        ChargerReports second = open.next(accepted(operatorId, UUID.randomUUID()));
        topics.publish(second.started(104_000, minutes(30)));
        topics.publish(second.stopped(110_000, minutes(90)));

        awaitStatus(second.sessionId(), SessionStatus.HELD);
        given().auth().oauth2(TestTokens.platformAdmin()).get("/api/sessions/{id}", second.sessionId())
                .then().body("anomalies.rule", contains("CONNECTOR_BUSY"))
                .body("heldReason", equalTo("the connector was busy with session " + open.sessionId() + ", started "
                        + minutes(0) + " and not stopped before " + minutes(30)));
        assertThat(completions(topics, second.sessionId())).isEmpty();
    }

    @Test
    void splitsConnectedTimeIntoChargingAndIdleFromStatusesAndPower() {
        UUID operatorId = UUID.randomUUID();
        ChargerReports tx = aTransaction(accepted(operatorId, UUID.randomUUID()));
        topics.publish(tx.status("Preparing", minutes(-1)));
        topics.publish(tx.started(2_000_000, minutes(0)));
        topics.publish(tx.status("Charging", minutes(0)));
        topics.publish(tx.sampledWithPower(minutes(30), "2005.5", "11.0"));
        topics.publish(tx.sampledWithPower(minutes(60), "2011.0", "0.02")); // full: a trickle
        topics.publish(tx.status("SuspendedEV", minutes(90)));
        topics.publish(tx.stopped(2_011_000, minutes(120)));
        topics.publish(tx.status("Finishing", minutes(120)));

        SessionCompleted completed = awaitCompleted(topics, tx.sessionId());

        assertThat(completed.durations()).isEqualTo(new SessionDurations(7200, 3600, 3600));
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).get("/api/sessions/{id}", tx.sessionId())
                .then().body("connectedSeconds", equalTo(7200)).body("chargingSeconds", equalTo(3600))
                .body("idleSeconds", equalTo(3600));
    }

    @Test
    void holdsAStaleSessionAndJudgesItLikeAnyOtherWhenItsStopStillComes() {
        // long ago, so that holding what is stale now touches no other test's sessions
        Instant start = Instant.parse("2019-06-01T08:00:00Z");
        UUID operatorId = UUID.randomUUID();
        ChargerReports tx = aTransaction(accepted(operatorId, UUID.randomUUID()));
        topics.publish(tx.started(300_000, start));
        awaitStatus(tx.sessionId(), SessionStatus.ACTIVE);

        assertThat(staleSessions.hold(start.plus(Duration.ofHours(23)))).isZero();
        assertThat(staleSessions.hold(start.plus(Duration.ofHours(25)))).isPositive();

        awaitStatus(tx.sessionId(), SessionStatus.HELD);
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).get("/api/sessions/{id}", tx.sessionId())
                .then().body("anomalies.rule", contains("STALE"))
                .body("heldReason", equalTo("no stop 24 h after the start (" + start + ")"));

        // the charger was offline for two days, not silent for good
        topics.publish(tx.stopped(320_000, start.plus(Duration.ofHours(10))));

        SessionCompleted completed = awaitCompleted(topics, tx.sessionId());
        assertThat(completed.energyWh()).isEqualTo(20_000);
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).get("/api/sessions/{id}", tx.sessionId())
                .then().body("status", equalTo("COMPLETED"))
                .body("anomalies[0].rule", equalTo("STALE"))
                .body("anomalies[0].resolvedBy", equalTo("charger"))
                .body("anomalies[0].resolution", equalTo("its stop arrived"));
    }
}
