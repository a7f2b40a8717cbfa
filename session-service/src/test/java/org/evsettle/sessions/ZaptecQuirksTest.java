package org.evsettle.sessions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.sessions.ChargerReports.aTransaction;
import static org.evsettle.sessions.ChargerReports.accepted;
import static org.evsettle.sessions.ChargerReports.meterValue;
import static org.evsettle.sessions.SessionWaits.PATIENCE;
import static org.evsettle.sessions.SessionWaits.awaitCompleted;
import static org.evsettle.sessions.SessionWaits.awaitStatus;
import static org.evsettle.sessions.SessionWaits.completions;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.evsettle.events.sessions.EnergyReading;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.evsettle.testkit.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What Zaptec chargers do that other chargers don't, each handled on purpose (docs/zaptec.md, "Zaptec quirks"). */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ZaptecQuirksTest {

    private static final Instant T0 = Instant.parse("2026-04-14T17:30:00Z");

    private final TopicProbe topics = new TopicProbe(InfrastructureResource.stack().kafka().bootstrapServers());

    @AfterEach
    void closeProbe() {
        topics.close();
    }

    private static Instant minutes(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void billsACloudSessionInKilowattHoursWithThreeDecimalsToTheWattHour() {
        UUID operatorId = UUID.randomUUID();
        ChargerReports tx = aTransaction(accepted(operatorId, UUID.randomUUID()));
        // Zaptec Cloud: the register in kWh with three decimals every 2 minutes, the end value in kWh too
        topics.publish(tx.started(1_000_000, T0));
        topics.publish(tx.sampled(minutes(2), "1000.481", "kWh"));
        topics.publish(tx.sampled(minutes(4), "1000.963", "kWh"));
        topics.publish(tx.stopped(1_012_345, minutes(60), meterValue(minutes(60), "1012.345", "kWh")));

        SessionCompleted completed = awaitCompleted(topics, tx.sessionId());

        assertThat(completed.energyWh()).isEqualTo(12_345);
        assertThat(completed.readings()).containsExactly(new EnergyReading(T0, 1_000_000),
                new EnergyReading(minutes(2), 1_000_481), new EnergyReading(minutes(4), 1_000_963),
                new EnergyReading(minutes(60), 1_012_345));
        String session = given().auth().oauth2(TestTokens.operatorAdmin(operatorId))
                .get("/api/sessions/{id}", tx.sessionId()).then().statusCode(200)
                .body("anomalies", empty()).extract().asString();
        assertThat(session).contains("\"energyWh\":12345", "\"energyKwh\":12.345");
    }

    @Test
    void neitherExtendsNorRaisesNorReannouncesASessionForAGoTwoSampleAfterItsEnd() {
        UUID operatorId = UUID.randomUUID();
        ChargerReports tx = aTransaction(accepted(operatorId, UUID.randomUUID()));
        topics.publish(tx.started(2_000_000, T0));
        topics.publish(tx.sampled(minutes(30), "2003.000", "kWh"));
        topics.publish(tx.stopped(2_006_000, minutes(60), meterValue(minutes(60), "2006.000", "kWh")));
        awaitCompleted(topics, tx.sessionId());

        // the last periodic values come after Transaction.End: at the stop instant and after it, higher
        topics.publish(tx.sampled(minutes(60), "2006.250", "kWh"));
        topics.publish(tx.sampled(minutes(61), "2006.400", "kWh"));
        await().atMost(PATIENCE).until(() -> samplesOf(tx.sessionId()),
                samples -> samples.contains(new EnergyReading(minutes(61), 2_006_400)));

        assertThat(completions(topics, tx.sessionId())).hasSize(1);
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).get("/api/sessions/{id}", tx.sessionId())
                .then().statusCode(200).body("status", equalTo("COMPLETED")).body("energyWh", equalTo(6000))
                .body("stoppedAt", equalTo(minutes(60).toString())).body("anomalies", empty());
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId))
                .get("/api/sessions/{id}/meter-values", tx.sessionId()).then().statusCode(200)
                .body("samples.registerWh", contains(2_000_000, 2_003_000, 2_006_000));

        // the next session starts where meter stop ended, not where the late sample did: no reset
        ChargerReports next = tx.next(accepted(operatorId, UUID.randomUUID()));
        topics.publish(next.started(2_006_000, minutes(90)));
        topics.publish(next.stopped(2_010_000, minutes(120)));
        assertThat(awaitCompleted(topics, next.sessionId()).energyWh()).isEqualTo(4000);
    }

    @Test
    void judgesASessionOnItsMeterStopWhenTheGoTwoSampleAfterItsEndIsInBeforeItSettles() {
        UUID operatorId = UUID.randomUUID();
        ChargerReports tx = aTransaction(accepted(operatorId, UUID.randomUUID()));
        // the start comes last (order-tolerant assembly), so the late sample is in when the session is judged;
        // no Transaction.End value in the stop, which would keep the stop instant (the first sample stored wins)
        topics.publish(tx.stopped(3_006_000, minutes(60)));
        topics.publish(tx.sampled(minutes(60), "3006.250", "kWh"));
        topics.publish(tx.sampled(minutes(62), "3006.250", "kWh"));
        awaitStatus(tx.sessionId(), SessionStatus.AWAITING_START);
        await().atMost(PATIENCE).until(() -> samplesOf(tx.sessionId()),
                samples -> samples.contains(new EnergyReading(minutes(62), 3_006_250)));
        topics.publish(tx.started(3_000_000, T0));

        SessionCompleted completed = awaitCompleted(topics, tx.sessionId());

        assertThat(completed.energyWh()).isEqualTo(6000);
        assertThat(completed.stoppedAt()).isEqualTo(minutes(60));
        assertThat(completed.readings()).containsExactly(new EnergyReading(T0, 3_000_000),
                new EnergyReading(minutes(60), 3_006_000));
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).get("/api/sessions/{id}", tx.sessionId())
                .then().body("status", equalTo("COMPLETED")).body("anomalies", empty());
    }

    @Test
    void billsASessionWhoseIntermediateValuesWereThinnedOnMeterStartAndMeterStop() {
        UUID operatorId = UUID.randomUUID();
        ChargerReports tx = aTransaction(accepted(operatorId, UUID.randomUUID()));
        // four hours, no periodic values: StopTransactionMaxMeterValues left three in the transaction data
        topics.publish(tx.started(5_000_000, T0));
        topics.publish(tx.stopped(5_030_000, minutes(240), meterValue(T0, "5000000", "Wh"),
                meterValue(minutes(130), "5016000", "Wh"), meterValue(minutes(240), "5030000", "Wh")));

        SessionCompleted completed = awaitCompleted(topics, tx.sessionId());

        assertThat(completed.energyWh()).isEqualTo(30_000);
        assertThat(completed.readings()).containsExactly(new EnergyReading(T0, 5_000_000),
                new EnergyReading(minutes(130), 5_016_000), new EnergyReading(minutes(240), 5_030_000));
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).get("/api/sessions/{id}", tx.sessionId())
                .then().body("status", equalTo("COMPLETED")).body("anomalies", empty());
    }

    @Test
    void holdsASessionWhoseRegisterJumpedAtASwitchFromCloudToNative() {
        UUID operatorId = UUID.randomUUID();
        ChargerReports tx = aTransaction(accepted(operatorId, UUID.randomUUID()));
        topics.publish(tx.started(1_000_000, T0));
        topics.publish(tx.sampled(minutes(2), "1000.700", "kWh"));
        topics.publish(tx.sampled(minutes(4), "1001.400", "kWh"));
        // switched to native: the register in Wh, from the charger's own meter, 500 kWh further
        topics.publish(tx.sampled(minutes(6), "1502100", "Wh"));
        topics.publish(tx.sampled(minutes(8), "1502800", "Wh"));
        topics.publish(tx.stopped(1_503_500, minutes(10)));

        awaitStatus(tx.sessionId(), SessionStatus.HELD);
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).get("/api/sessions/{id}", tx.sessionId())
                .then().statusCode(200)
                .body("anomalies.rule", contains("IMPLAUSIBLE_POWER", "REGISTER_JUMP"))
                .body("anomalies.detail", hasItem("the register jumped by 500.700 kWh in 2 min between "
                        + minutes(4) + " and " + minutes(6)
                        + " (15021.0 kW, above 400.0 kW): a changed meter or unit, not energy delivered"));
        assertThat(completions(topics, tx.sessionId())).isEmpty();
    }

    @Test
    void billsAFullPowerSessionWhoseUnitChangedFromKilowattHoursToWattHours() {
        UUID operatorId = UUID.randomUUID();
        ChargerReports tx = aTransaction(accepted(operatorId, UUID.randomUUID()));
        // 22 kW, the most a Zaptec Go delivers, sampled each minute; the unit changes, the register does not
        topics.publish(tx.started(1_000_000, T0));
        topics.publish(tx.sampled(minutes(1), "1000.367", "kWh"));
        topics.publish(tx.sampled(minutes(2), "1000.733", "kWh"));
        topics.publish(tx.sampled(minutes(3), "1001100", "Wh"));
        topics.publish(tx.sampled(minutes(4), "1001467", "Wh"));
        topics.publish(tx.stopped(1_001_833, minutes(5)));

        SessionCompleted completed = awaitCompleted(topics, tx.sessionId());

        assertThat(completed.energyWh()).isEqualTo(1_833);
        assertThat(completed.readings()).extracting(EnergyReading::registerWh)
                .containsExactly(1_000_000L, 1_000_367L, 1_000_733L, 1_001_100L, 1_001_467L, 1_001_833L);
    }

    private static List<EnergyReading> samplesOf(UUID sessionId) {
        return QuarkusTransaction.requiringNew().call(() -> MeterSample.of(sessionId));
    }
}
