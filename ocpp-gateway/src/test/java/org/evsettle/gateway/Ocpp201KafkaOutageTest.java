package org.evsettle.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.evsettle.gateway.OcppPipelineTest.dataOf;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.evsettle.devstack.kafka.KafkaBroker;
import org.evsettle.events.Envelope;
import org.evsettle.events.ocpp.MeterValuesSampled;
import org.evsettle.events.ocpp.TransactionStarted;
import org.evsettle.events.ocpp.TransactionStopped;
import org.evsettle.testkit.ChargingStationSimulator;
import org.evsettle.testkit.ChargingStationSimulator.QueuedEvent;
import org.evsettle.testkit.ChargingStationSimulator.Transaction;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.ManagementPort;
import org.evsettle.testkit.OcppCallError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Kafka goes away in the middle of a 2.0.1 transaction: the station's TransactionEvents are answered
 * InternalError (it keeps them queued), and once Kafka is back each retry, with its seqNo, is
 * published exactly once. Kafka is left running and the gateway ready for the tests after it.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class Ocpp201KafkaOutageTest {

    private static final Duration RECOVERY = Duration.ofSeconds(60);

    @TestHTTPResource("/")
    URI http;

    private final GatewayFixtures fixtures = new GatewayFixtures();
    private final KafkaBroker kafka = InfrastructureResource.stack().kafka();

    @AfterEach
    void kafkaIsBackAndTheGatewayReady() {
        kafka.start();
        ManagementPort.awaitReady(RECOVERY);
    }

    @Test
    void answersInternalErrorWhileKafkaIsDownAndPublishesTheRetriedEventsExactlyOnce() {
        GatewayFixtures.Site site = fixtures.aSite();
        Instant startedAt = GatewayFixtures.hoursAgo(2);

        try (ChargingStationSimulator station = GatewayFixtures.connectStation(GatewayFixtures.websocket(http), site)) {
            station.callTimeout(Duration.ofSeconds(45));
            Transaction transaction = station.newTransaction(1, "AB12CD34");
            station.started(transaction, 40_000, startedAt);

            QueuedEvent updated = station.event(transaction, "Updated", "MeterValuePeriodic", 45_000L,
                    "Sample.Periodic", startedAt.plusSeconds(900), null);
            deliverDuringAnOutage(station, updated);
            QueuedEvent ended = station.event(transaction, "Ended", "EVCommunicationLost", 52_000L,
                    "Transaction.End", startedAt.plusSeconds(1800), "EVDisconnected");
            deliverDuringAnOutage(station, ended);
            assertThat(station.queued()).isEmpty();
        }

        List<Envelope<?>> events = fixtures.ocppEvents(site.chargePointId());
        assertThat(dataOf(events, TransactionStarted.class)).singleElement()
                .satisfies(started -> assertThat(started.meterStartWh()).isEqualTo(40_000));
        assertThat(dataOf(events, MeterValuesSampled.class)).singleElement()
                .satisfies(sampled -> assertThat(sampled.station().seqNo()).isEqualTo(1));
        assertThat(dataOf(events, TransactionStopped.class)).singleElement().satisfies(stopped -> {
            assertThat(stopped.meterStopWh()).isEqualTo(52_000);
            assertThat(stopped.station().seqNo()).isEqualTo(2);
            assertThat(stopped.station().missingSeqNos()).isEmpty();
        });
    }

    /** Kafka stops: the event is refused with InternalError; Kafka starts: the station's retries get it through. */
    private void deliverDuringAnOutage(ChargingStationSimulator station, QueuedEvent event) {
        kafka.stop();
        try {
            assertThatThrownBy(() -> station.deliver(event)).isInstanceOfSatisfying(OcppCallError.class,
                    e -> assertThat(e.errorCode()).isEqualTo("InternalError"));
            assertThat(station.queued()).contains(event);
        } finally {
            kafka.start();
        }
        await().atMost(Duration.ofSeconds(90)).ignoreException(OcppCallError.class).until(() -> {
            station.deliver(event);
            return true;
        });
    }
}
