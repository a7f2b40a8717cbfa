package org.evsettle.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.evsettle.sessions.ChargerReports.aTransaction;
import static org.evsettle.sessions.ChargerReports.accepted;
import static org.evsettle.sessions.SessionWaits.awaitCompleted;
import static org.evsettle.sessions.SessionWaits.awaitProgress;
import static org.evsettle.sessions.SessionWaits.awaitStatus;
import static org.evsettle.sessions.SessionWaits.completions;
import static org.evsettle.sessions.SessionWaits.progress;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.evsettle.events.Envelope;
import org.evsettle.events.sessions.EnergyReading;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.events.sessions.SessionDurations;
import org.evsettle.events.sessions.SessionProgressed;
import org.evsettle.sessions.messaging.OcppEventHandler;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A session charging at an OCPP 2.0.1 station publishes SessionProgressed, as of its latest reading, after each
 * batch of charger events that stored a newer one, for the running cost on the station's display; a 1.6
 * charger's session and a stopped one publish none. The batches are handed to the handler as the consumer does.
 * Switched off: {@link SessionProgressSwitchedOffTest}.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class SessionProgressTest {

    private static final Instant T0 = Instant.parse("2026-03-04T18:00:00Z");
    private static final String STATION_TX = "7f3c9a1e-0b2d-4e55-9c61-2a8d4b0e7f10";

    private final TopicProbe topics = new TopicProbe(InfrastructureResource.stack().kafka().bootstrapServers());

    @Inject
    OcppEventHandler handler;
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
    void publishesTheProgressOfAStationsSessionAsOfTheLatestReadingOfEachBatchThatBroughtANewerOne() {
        UUID operatorId = UUID.randomUUID();
        UUID driverId = UUID.randomUUID();
        ChargerReports tx = aTransaction(accepted(operatorId, driverId));
        List<Envelope<?>> first = List.of(tx.stationStarted(STATION_TX, 1_000_000, T0),
                tx.stationSampled(STATION_TX, 1, minutes(10), "1002.0"),
                tx.stationSampled(STATION_TX, 2, minutes(20), "1004.5"));
        handler.apply(first);
        List<SessionProgressed> progress = awaitProgress(topics, tx.sessionId(), 1);

        SessionProgressed atTwenty = progress.get(0);
        assertThat(atTwenty.sessionId()).isEqualTo(tx.sessionId());
        assertThat(atTwenty.stationTransactionId()).isEqualTo(STATION_TX);
        SessionCompleted soFar = atTwenty.soFar();
        assertThat(soFar.sessionId()).isEqualTo(tx.sessionId());
        assertThat(soFar.startedAt()).isEqualTo(T0);
        assertThat(soFar.stoppedAt()).isEqualTo(minutes(20));
        assertThat(soFar.meterStartWh()).isEqualTo(1_000_000);
        assertThat(soFar.meterStopWh()).isEqualTo(1_004_500);
        assertThat(soFar.energyWh()).isEqualTo(4_500);
        assertThat(soFar.stopReason()).isNull();
        assertThat(soFar.readings()).containsExactly(new EnergyReading(T0, 1_000_000),
                new EnergyReading(minutes(10), 1_002_000), new EnergyReading(minutes(20), 1_004_500));
        assertThat(soFar.durations()).isEqualTo(new SessionDurations(1200, 1200, 0));
        assertThat(soFar.snapshot().operatorId()).isEqualTo(operatorId);
        assertThat(soFar.snapshot().driverId()).isEqualTo(driverId);
        assertThat(soFar.snapshot().idTag()).isEqualTo("04A2B3C4");

        List<Envelope<?>> second = List.of(tx.stationSampled(STATION_TX, 3, minutes(30), "1007.0"));
        handler.apply(second);
        handler.apply(second); // redelivered: nothing new was stored
        handler.apply(first); // an older batch redelivered: its figures are behind
        // a register below the one last seen (within the meter's tolerance) is no progress
        handler.apply(List.of(tx.stationSampled(STATION_TX, 4, minutes(35), "1006.95")));
        handler.apply(List.of(tx.stationSampled(STATION_TX, 5, minutes(40), "1008.5"),
                tx.stationEnded(STATION_TX, 6, List.of(), 1_010_000, minutes(45))));
        // a periodic value sent after the stop
        handler.apply(List.of(tx.stationSampled(STATION_TX, 7, minutes(46), "1010.0")));

        SessionCompleted completed = awaitCompleted(topics, tx.sessionId());
        assertThat(completions(topics, tx.sessionId())).containsExactly(completed);
        assertThat(completed.stoppedAt()).isEqualTo(minutes(45));
        assertThat(completed.meterStopWh()).isEqualTo(1_010_000);
        assertThat(completed.energyWh()).isEqualTo(10_000);
        assertThat(completed.stopReason()).isEqualTo("Local");
        assertThat(completed.readings()).extracting(EnergyReading::at)
                .containsExactly(T0, minutes(10), minutes(20), minutes(30), minutes(35), minutes(40), minutes(45));
        assertThat(progress(topics, tx.sessionId()))
                .extracting(p -> p.soFar().stoppedAt(), p -> p.soFar().energyWh())
                .containsExactly(tuple(minutes(20), 4_500L),
                        tuple(minutes(30), 7_000L));
    }

    @Test
    void publishesTheProgressOfEachStationsSessionOfABatchOnce() {
        ChargerReports one = aTransaction(accepted(UUID.randomUUID(), UUID.randomUUID()));
        ChargerReports other = aTransaction(accepted(UUID.randomUUID(), UUID.randomUUID()));
        handler.apply(List.of(one.stationStarted("one", 500_000, T0), other.stationStarted("other", 80_000, T0)));
        handler.apply(List.of(one.stationSampled("one", 1, minutes(5), "501.0"),
                other.stationSampled("other", 1, minutes(5), "81.5"),
                one.stationSampled("one", 2, minutes(10), "502.0")));

        SessionProgressed ones = awaitProgress(topics, one.sessionId(), 1).get(0);
        assertThat(ones.stationTransactionId()).isEqualTo("one");
        assertThat(ones.soFar().stoppedAt()).isEqualTo(minutes(10));
        assertThat(ones.soFar().energyWh()).isEqualTo(2_000);
        assertThat(ones.soFar().readings()).hasSize(3);
        SessionProgressed others = awaitProgress(topics, other.sessionId(), 1).get(0);
        assertThat(others.stationTransactionId()).isEqualTo("other");
        assertThat(others.soFar().energyWh()).isEqualTo(1_500);
        assertThat(progress(topics, one.sessionId())).hasSize(1);
    }

    @Test
    void publishesTheProgressOfAStationsSessionHeldAsStaleWhileItsReadingsStillCome() {
        ChargerReports tx = aTransaction(accepted(UUID.randomUUID(), UUID.randomUUID()));
        handler.apply(List.of(tx.stationStarted(STATION_TX, 40_000, T0)));
        staleSessions.hold(T0.plus(Duration.ofHours(25)));
        awaitStatus(tx.sessionId(), SessionStatus.HELD);

        handler.apply(List.of(tx.stationSampled(STATION_TX, 1, T0.plus(Duration.ofHours(25)), "60.0")));

        SessionProgressed progressed = awaitProgress(topics, tx.sessionId(), 1).get(0);
        assertThat(progressed.soFar().energyWh()).isEqualTo(20_000);
        assertThat(progressed.soFar().durations().connectedSeconds()).isEqualTo(25 * 3600);
    }

    @Test
    void publishesNoProgressOfAChargersSessionOverOcpp16() {
        ChargerReports tx = aTransaction(accepted(UUID.randomUUID(), UUID.randomUUID()));
        handler.apply(List.of(tx.started(2_000_000, T0), tx.sampled(minutes(10), "2003.0", "kWh")));
        handler.apply(List.of(tx.sampled(minutes(20), "2006.0", "kWh")));
        handler.apply(List.of(tx.stopped(2_008_000, minutes(30))));

        assertThat(awaitCompleted(topics, tx.sessionId()).energyWh()).isEqualTo(8_000);
        assertThat(progress(topics, tx.sessionId())).isEmpty();
    }
}
