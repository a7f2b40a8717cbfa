package org.evsettle.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.evsettle.sessions.ChargerReports.aTransaction;
import static org.evsettle.sessions.ChargerReports.accepted;
import static org.evsettle.sessions.ChargerReports.meterValue;
import static org.evsettle.sessions.SessionWaits.awaitCompleted;
import static org.evsettle.sessions.SessionWaits.completions;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.evsettle.events.Envelope;
import org.evsettle.events.ocpp.ChargerStatusChanged;
import org.evsettle.events.ocpp.TransactionStopped;
import org.evsettle.events.sessions.EnergyReading;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.events.sessions.SessionDurations;
import org.evsettle.sessions.messaging.OcppEventHandler;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A poll of charger events is applied as one batch: these hand the handler whole batches, as the
 * consumer does, with what one poll can hold (a whole session, repeats, a stop before its start,
 * sessions of one connector that are judged against each other).
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ChargerEventBatchTest {

    private static final Instant T0 = Instant.parse("2026-02-12T07:00:00Z");

    private final TopicProbe topics = new TopicProbe(InfrastructureResource.stack().kafka().bootstrapServers());

    @Inject
    OcppEventHandler handler;

    @AfterEach
    void closeProbe() {
        topics.close();
    }

    private static Instant minutes(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void settlesASessionWhoseStartSamplesStatusesAndStopArriveInOneBatch() {
        ChargerReports tx = aTransaction(accepted(UUID.randomUUID(), UUID.randomUUID()));

        handler.apply(List.of(tx.status("Preparing", minutes(-1)), tx.started(2_000_000, T0),
                tx.status("Charging", T0), tx.sampledWithPower(minutes(30), "2005.5", "11.0"),
                tx.sampledWithPower(minutes(60), "2011.0", "0.02"), tx.status("SuspendedEV", minutes(90)),
                tx.stopped(2_011_000, minutes(120)), tx.status("Finishing", minutes(120))));

        assertThat(session(tx).status).isEqualTo(SessionStatus.COMPLETED);
        SessionCompleted completed = awaitCompleted(topics, tx.sessionId());
        assertThat(completed.energyWh()).isEqualTo(11_000);
        assertThat(completed.durations()).isEqualTo(new SessionDurations(7200, 3600, 3600));
        assertThat(completed.readings()).containsExactly(new EnergyReading(T0, 2_000_000),
                new EnergyReading(minutes(30), 2_005_500), new EnergyReading(minutes(60), 2_011_000),
                new EnergyReading(minutes(120), 2_011_000));
    }

    @Test
    void appliesAnEventRepeatedInItsBatchAndInTheBatchsRedeliveryOnce() {
        ChargerReports tx = aTransaction(accepted(UUID.randomUUID(), UUID.randomUUID()));
        Envelope<TransactionStopped> stop = tx.stopped(503_000, minutes(20));
        // a second stop the gateway saw as a new message, in the same poll: the first stop stands
        Envelope<TransactionStopped> laterStop = Envelope.of(UUID.randomUUID(), ChargerReports.GATEWAY,
                new TransactionStopped(tx.chargePointId, tx.transactionId, 1, "04A2B3C4", 999_000, minutes(25),
                        "Local", List.of(), true, minutes(25)), minutes(25));
        List<Envelope<?>> batch = List.of(tx.started(500_000, T0), tx.sampled(minutes(10), "501.2", "kWh"),
                tx.sampled(minutes(10), "501.2", "kWh"), stop, tx.started(500_000, T0), stop, laterStop);

        handler.apply(batch);
        handler.apply(batch); // redelivered whole: the offsets were not committed before a crash

        ChargingSession session = session(tx);
        assertThat(session.status).isEqualTo(SessionStatus.COMPLETED);
        assertThat(session.energyWh).isEqualTo(3_000);
        assertThat(QuarkusTransaction.requiringNew().call(() -> MeterSample.of(tx.sessionId())))
                .containsExactly(new EnergyReading(minutes(10), 501_200));
        SessionCompleted completed = awaitCompleted(topics, tx.sessionId());
        assertThat(completed.meterStopWh()).isEqualTo(503_000);
        assertThat(completions(topics, tx.sessionId())).hasSize(1);
    }

    @Test
    void keepsTheStatusReceivedLastAtAnInstantWhateverIsRepeatedOrRedelivered() {
        ChargerReports tx = aTransaction(accepted(UUID.randomUUID(), UUID.randomUUID()));
        Instant at = minutes(5);
        // two notifications with one charger timestamp: the one received later is the connector's status
        Envelope<ChargerStatusChanged> charging = statusReceived(tx, "Charging", at, at.plusSeconds(1));
        Envelope<ChargerStatusChanged> suspended = statusReceived(tx, "SuspendedEV", at, at.plusSeconds(2));

        handler.apply(List.of(charging, suspended, charging));
        assertThat(statusAt(tx, at)).isEqualTo("SuspendedEV");
        handler.apply(List.of(charging)); // the earlier one redelivered alone, after a crash
        assertThat(statusAt(tx, at)).isEqualTo("SuspendedEV");
        handler.apply(List.of(suspended, charging, suspended));
        assertThat(statusAt(tx, at)).isEqualTo("SuspendedEV");
    }

    private static Envelope<ChargerStatusChanged> statusReceived(ChargerReports tx, String status, Instant at,
                                                                 Instant receivedAt) {
        return Envelope.of(UUID.randomUUID(), ChargerReports.GATEWAY,
                new ChargerStatusChanged(tx.chargePointId, 1, status, "NoError", null, at, receivedAt), receivedAt);
    }

    private static String statusAt(ChargerReports tx, Instant at) {
        return QuarkusTransaction.requiringNew().call(() -> ConnectorStatus.<ConnectorStatus>find(
                "chargePointId = ?1 and connectorId = 1 and changedAt = ?2", tx.chargePointId, at)
                .singleResult().status);
    }

    @Test
    void completesASessionWhoseStopComesBeforeItsStartInOneBatch() {
        ChargerReports tx = aTransaction(accepted(UUID.randomUUID(), UUID.randomUUID()));

        handler.apply(List.of(tx.stopped(1_010_000, minutes(50), meterValue(minutes(25), "1005.0", "kWh")),
                tx.sampled(minutes(40), "1008000", "Wh"), tx.started(1_000_000, T0)));

        assertThat(session(tx).status).isEqualTo(SessionStatus.COMPLETED);
        SessionCompleted completed = awaitCompleted(topics, tx.sessionId());
        assertThat(completed.energyWh()).isEqualTo(10_000);
        assertThat(completed.readings()).containsExactly(new EnergyReading(T0, 1_000_000),
                new EnergyReading(minutes(25), 1_005_000), new EnergyReading(minutes(40), 1_008_000),
                new EnergyReading(minutes(50), 1_010_000));
    }

    @Test
    void judgesSessionsOfOneConnectorInOneBatchAgainstEachOther() {
        UUID operatorId = UUID.randomUUID();
        ChargerReports first = aTransaction(accepted(operatorId, UUID.randomUUID()));
        ChargerReports overlapping = first.next(accepted(operatorId, UUID.randomUUID()));
        ChargerReports after = overlapping.next(accepted(operatorId, UUID.randomUUID()));

        // the second starts while the first is still open, from a register below the first one's stop
        handler.apply(List.of(first.started(100_000, T0), overlapping.started(104_000, minutes(30)),
                first.stopped(110_000, minutes(60)), overlapping.stopped(120_000, minutes(90)),
                after.started(120_000, minutes(120)), after.stopped(130_000, minutes(180))));

        assertThat(session(first).status).isEqualTo(SessionStatus.COMPLETED);
        assertThat(session(overlapping).status).isEqualTo(SessionStatus.HELD);
        assertThat(QuarkusTransaction.requiringNew().call(() -> SessionAnomaly.of(overlapping.sessionId())))
                .extracting(anomaly -> anomaly.rule, anomaly -> anomaly.detail)
                .containsExactly(
                        tuple(AnomalyRule.METER_RESET, "meter start 104000 Wh is below "
                                + "110000 Wh, the register at the end of session " + first.sessionId()
                                + " on this connector (a reset, or a zero baseline after a reboot)"),
                        tuple(AnomalyRule.CONNECTOR_BUSY, "the connector was busy with "
                                + "session " + first.sessionId() + ", started " + T0 + " and not stopped before "
                                + minutes(30)));
        // the register the third starts from is where the second stopped
        assertThat(session(after).status).isEqualTo(SessionStatus.COMPLETED);
        assertThat(completions(topics, overlapping.sessionId())).isEmpty();
    }

    private static ChargingSession session(ChargerReports tx) {
        return QuarkusTransaction.requiringNew().call(() -> ChargingSession.findById(tx.sessionId()));
    }
}
