package org.evsettle.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.sessions.ChargerReports.aTransaction;
import static org.evsettle.sessions.ChargerReports.accepted;
import static org.evsettle.sessions.ChargerReports.authorization;
import static org.evsettle.sessions.ChargerReports.meterValue;
import static org.evsettle.sessions.SessionWaits.PATIENCE;
import static org.evsettle.sessions.SessionWaits.awaitCompleted;
import static org.evsettle.sessions.SessionWaits.awaitStatus;
import static org.evsettle.sessions.SessionWaits.completions;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.evsettle.events.Envelope;
import org.evsettle.events.ocpp.TransactionStopped;
import org.evsettle.events.registry.Address;
import org.evsettle.events.registry.DriverRecord;
import org.evsettle.events.sessions.EnergyReading;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class SessionAssemblyTest {

    private static final Instant T0 = Instant.parse("2026-03-29T00:45:00Z");

    private final TopicProbe topics = new TopicProbe(InfrastructureResource.stack().kafka().bootstrapServers());

    @AfterEach
    void closeProbe() {
        topics.close();
    }

    private static Instant minutes(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void completesAStartedSampledAndStoppedSessionWithItsReadingsInOrder() {
        UUID operatorId = UUID.randomUUID();
        UUID driverId = UUID.randomUUID();
        registerDriver(driverId, operatorId, "EMPLOYEE");
        ChargerReports tx = aTransaction(accepted(operatorId, driverId));

        topics.publish(tx.started(1_234_000, T0));
        topics.publish(tx.sampled(minutes(30), "1239000", null));
        topics.publish(tx.sampled(minutes(15), "1236.5", "kWh"));
        topics.publish(tx.stopped(1_246_340, minutes(60)));

        SessionCompleted completed = awaitCompleted(topics, tx.sessionId());
        assertThat(completed.energyWh()).isEqualTo(1_246_340 - 1_234_000);
        assertThat(completed.meterStartWh()).isEqualTo(1_234_000);
        assertThat(completed.meterStopWh()).isEqualTo(1_246_340);
        assertThat(completed.startedAt()).isEqualTo(T0);
        assertThat(completed.stoppedAt()).isEqualTo(minutes(60));
        assertThat(completed.readings()).containsExactly(
                new EnergyReading(T0, 1_234_000),
                new EnergyReading(minutes(15), 1_236_500),
                new EnergyReading(minutes(30), 1_239_000),
                new EnergyReading(minutes(60), 1_246_340));
        assertThat(completed.chargePointId()).isEqualTo(tx.chargePointId);
        assertThat(completed.transactionId()).isEqualTo(tx.transactionId);
        assertThat(completed.connectorId()).isEqualTo(1);
        assertThat(completed.stopReason()).isEqualTo("EVDisconnected");
        assertThat(completed.snapshot().operatorId()).isEqualTo(operatorId);
        assertThat(completed.snapshot().driverId()).isEqualTo(driverId);
        assertThat(completed.snapshot().cardId()).isEqualTo(tx.authorization.cardId());
        assertThat(completed.snapshot().siteId()).isEqualTo(tx.authorization.siteId());
        assertThat(completed.snapshot().chargerId()).isEqualTo(tx.authorization.chargerId());
        assertThat(completed.snapshot().idTag()).isEqualTo("04A2B3C4");
        assertThat(completed.snapshot().userType()).isEqualTo("EMPLOYEE");
        awaitStatus(tx.sessionId(), SessionStatus.COMPLETED);
    }

    @Test
    void publishesOneCompletionWhenEveryEventIsDeliveredTwice() {
        UUID operatorId = UUID.randomUUID();
        ChargerReports tx = aTransaction(accepted(operatorId, UUID.randomUUID()));
        List<Envelope<?>> reports = List.of(tx.started(500_000, T0), tx.sampled(minutes(10), "501.2", "kWh"),
                tx.stopped(503_000, minutes(20)));

        reports.forEach(topics::publish);
        reports.forEach(topics::publish);
        // a second stop the gateway saw as a new message: the first stop stands
        TransactionStopped first = (TransactionStopped) reports.get(2).data();
        topics.publish(Envelope.of(UUID.randomUUID(), ChargerReports.GATEWAY, new TransactionStopped(
                first.chargePointId(), first.transactionId(), 1, first.idTag(), 999_000, minutes(25), "Local",
                List.of(), true, minutes(25)), minutes(25)));
        // the charger's next transaction shares the key, so once it is in, every repeat before it was read
        ChargerReports later = tx.next(accepted(operatorId, UUID.randomUUID()));
        topics.publish(later.started(503_000, minutes(30)));
        awaitStatus(later.sessionId(), SessionStatus.ACTIVE);

        SessionCompleted completed = awaitCompleted(topics, tx.sessionId());
        assertThat(completions(topics, tx.sessionId())).hasSize(1);
        assertThat(completed.energyWh()).isEqualTo(3_000);
        assertThat(completed.readings()).extracting(EnergyReading::registerWh)
                .containsExactly(500_000L, 501_200L, 503_000L);
    }

    @Test
    void completesASessionWhoseStopArrivedBeforeItsStart() {
        ChargerReports tx = aTransaction(accepted(UUID.randomUUID(), UUID.randomUUID()));

        topics.publish(tx.stopped(1_010_000, minutes(50), meterValue(minutes(25), "1005.0", "kWh")));
        awaitStatus(tx.sessionId(), SessionStatus.AWAITING_START);
        topics.publish(tx.sampled(minutes(40), "1008000", "Wh"));
        topics.publish(tx.started(1_000_000, T0));

        SessionCompleted completed = awaitCompleted(topics, tx.sessionId());
        assertThat(completed.energyWh()).isEqualTo(10_000);
        assertThat(completed.readings()).containsExactly(
                new EnergyReading(T0, 1_000_000),
                new EnergyReading(minutes(25), 1_005_000),
                new EnergyReading(minutes(40), 1_008_000),
                new EnergyReading(minutes(50), 1_010_000));
        awaitStatus(tx.sessionId(), SessionStatus.COMPLETED);
    }

    @Test
    void keepsMeterValuesThatArriveAfterTheSessionCompleted() {
        ChargerReports tx = aTransaction(accepted(UUID.randomUUID(), UUID.randomUUID()));
        topics.publish(tx.started(2_000_000, T0));
        topics.publish(tx.stopped(2_006_000, minutes(60)));
        awaitCompleted(topics, tx.sessionId());

        // as a Go2 may do: the last periodic value arrives after the transaction's end value
        topics.publish(tx.sampled(minutes(58), "2005.9", "kWh"));

        await().atMost(PATIENCE).until(() -> samplesOf(tx.sessionId()),
                samples -> samples.contains(new EnergyReading(minutes(58), 2_005_900)));
        assertThat(completions(topics, tx.sessionId())).hasSize(1);
    }

    @Test
    void holdsASessionWhoseIdTagWasNotAcceptedAndPublishesNothing() {
        ChargerReports tx = aTransaction(authorization("Invalid", UUID.randomUUID(), null));

        topics.publish(tx.started(100_000, T0));
        topics.publish(tx.stopped(107_500, minutes(45)));

        awaitStatus(tx.sessionId(), SessionStatus.HELD);
        ChargingSession held = QuarkusTransaction.requiringNew().call(() -> ChargingSession.findById(tx.sessionId()));
        assertThat(held.heldReason).isEqualTo("idTag not accepted (Invalid); no driver");
        assertThat(held.energyWh).isEqualTo(7_500);
        assertThat(completions(topics, tx.sessionId())).isEmpty();
    }

    @Test
    void holdsASessionWhoseMeterRanBackwards() {
        ChargerReports tx = aTransaction(accepted(UUID.randomUUID(), UUID.randomUUID()));

        topics.publish(tx.started(910_000, T0));
        topics.publish(tx.stopped(80, minutes(45)));

        awaitStatus(tx.sessionId(), SessionStatus.HELD);
        ChargingSession held = QuarkusTransaction.requiringNew().call(() -> ChargingSession.findById(tx.sessionId()));
        assertThat(held.heldReason).isEqualTo("negative energy (-909920 Wh)");
        assertThat(completions(topics, tx.sessionId())).isEmpty();
    }

    private void registerDriver(UUID driverId, UUID operatorId, String userType) {
        topics.publish("user-service", new DriverRecord(driverId, 1, operatorId, "Anna de Vries", "anna@example.org",
                new Address("Lindelaan 12", "3581 AB", "Utrecht", "NL"), userType, null, null, "ACTIVE", null, null, null, null));
        await().atMost(PATIENCE).until(
                () -> QuarkusTransaction.requiringNew().call(() -> Driver.userTypeOf(driverId)).isPresent());
    }

    private static List<EnergyReading> samplesOf(UUID sessionId) {
        return QuarkusTransaction.requiringNew().call(() -> MeterSample.of(sessionId));
    }
}
