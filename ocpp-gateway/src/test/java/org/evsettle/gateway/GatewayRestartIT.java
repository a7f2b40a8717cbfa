package org.evsettle.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.gateway.OcppPipelineTest.dataOf;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.evsettle.devstack.Ports;
import org.evsettle.devstack.platform.Platform;
import org.evsettle.devstack.platform.Service;
import org.evsettle.devstack.platform.ServiceProcess;
import org.evsettle.events.Envelope;
import org.evsettle.events.ocpp.MeterValuesSampled;
import org.evsettle.events.ocpp.TransactionStarted;
import org.evsettle.events.ocpp.TransactionStopped;
import org.evsettle.testkit.ChargePointSimulator;
import org.evsettle.testkit.ChargingStationSimulator;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.OcppCallError;
import org.evsettle.testkit.ProjectRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged gateway is killed (SIGKILL, as a crash) in the middle of a charging session and
 * started again: the charger reconnects, its transaction goes on under the same transactionId, a
 * retried StartTransaction gets that id back, a new one gets a new id, and every message reaches
 * the topic under one eventId (a retry repeats the id, never a new one).
 */
class GatewayRestartIT {

    private static ServiceProcess gateway;
    private final GatewayFixtures fixtures = new GatewayFixtures();

    @BeforeAll
    static void startTheGateway() {
        var stack = InfrastructureResource.stack();
        int port = Ports.free();
        gateway = new ServiceProcess(Service.OCPP_GATEWAY, ProjectRoot.find(), port,
                Platform.configuration(stack, Service.OCPP_GATEWAY),
                stack.settings().dataDirectory().resolve("logs").resolve("ocpp-gateway-it.log"));
        gateway.start();
        gateway.awaitReady();
    }

    @AfterAll
    static void stopTheGateway() {
        if (gateway != null) {
            gateway.stop();
        }
    }

    @Test
    void carriesATransactionAcrossACrashOfTheGateway() throws Exception {
        GatewayFixtures.Site site = fixtures.aSite();
        Instant startedAt = GatewayFixtures.hoursAgo(1);
        Map<String, Object> start = GatewayFixtures.startTransaction("AB12CD34", 70_000, startedAt);
        int transactionId;

        ChargePointSimulator before = connect(site);
        try {
            before.call("BootNotification", GatewayFixtures.boot());
            transactionId = before.call("StartTransaction", start).get("transactionId").asInt();
            before.call("MeterValues", GatewayFixtures.meterValues(transactionId, startedAt.plusSeconds(60), "70200"));

            gateway.kill();
            assertThat(before.closed().get(30, TimeUnit.SECONDS)).as("the charger notices the crash").isNotNull();
        } finally {
            before.close();
        }

        gateway.start();
        gateway.awaitReady();
        try (ChargePointSimulator after = connect(site)) {
            after.call("BootNotification", GatewayFixtures.boot());
            // the charger delivers what it queued while offline, then retries the start whose answer it never saw
            after.call("MeterValues", GatewayFixtures.meterValues(transactionId, startedAt.plusSeconds(120), "70400"));
            JsonNode retried = after.call("StartTransaction", start);
            assertThat(retried.get("transactionId").asInt()).isEqualTo(transactionId);
            after.call("StopTransaction", GatewayFixtures.stopTransaction(transactionId, 70_600, startedAt.plusSeconds(180)));
            int next = after.call("StartTransaction", GatewayFixtures.startTransaction("AB12CD34", 70_600,
                    startedAt.plusSeconds(600))).get("transactionId").asInt();
            assertThat(next).isNotEqualTo(transactionId).isPositive();
        }

        List<Envelope<?>> events = fixtures.ocppEvents(site.chargePointId());
        assertThat(idsOf(events, TransactionStarted.class)).hasSize(2);
        assertThat(dataOf(events, TransactionStopped.class)).singleElement().satisfies(stopped -> {
            assertThat(stopped.transactionId()).isEqualTo(transactionId);
            assertThat(stopped.knownTransaction()).as("the issued id survived the crash").isTrue();
            assertThat(stopped.connectorId()).isEqualTo(1);
        });
        assertThat(dataOf(events, MeterValuesSampled.class)).hasSize(2)
                .allSatisfy(sampled -> assertThat(sampled.transactionId()).isEqualTo(transactionId));
    }

    @Test
    void carriesA201TransactionAcrossACrashOfTheGateway() throws Exception {
        GatewayFixtures.Site site = fixtures.aSite();
        Instant startedAt = GatewayFixtures.hoursAgo(1);
        ChargingStationSimulator.Transaction transaction;
        ChargingStationSimulator.QueuedEvent unanswered;

        ChargingStationSimulator before = connectStation(site);
        try {
            before.boot();
            transaction = before.newTransaction(1, "AB12CD34");
            before.started(transaction, 70_000, startedAt);
            before.updated(transaction, 70_200, startedAt.plusSeconds(60));
            unanswered = before.event(transaction, "Updated", "MeterValuePeriodic", 70_400L, "Sample.Periodic",
                    startedAt.plusSeconds(120), null);
            gateway.kill();
            assertThat(before.closed().get(30, TimeUnit.SECONDS)).as("the station notices the crash").isNotNull();
        } finally {
            before.close();
        }

        gateway.start();
        gateway.awaitReady();
        try (ChargingStationSimulator after = connectStation(site)) {
            after.boot();
            // the station sends again what was never answered, with its seqNo, then the rest of the transaction
            after.call(unanswered.messageId(), "TransactionEvent", unanswered.payload());
            after.call(unanswered.messageId(), "TransactionEvent", unanswered.payload());
            after.call("TransactionEvent", Map.of("eventType", "Ended", "timestamp", startedAt.plusSeconds(180).toString(),
                    "triggerReason", "EVCommunicationLost", "seqNo", 3,
                    "transactionInfo", Map.of("transactionId", transaction.id(), "stoppedReason", "EVDisconnected"),
                    "meterValue", List.of(after.meterValue(70_600, "Transaction.End", startedAt.plusSeconds(180)))));
        }

        List<Envelope<?>> events = fixtures.ocppEvents(site.chargePointId());
        assertThat(dataOf(events, TransactionStarted.class)).singleElement()
                .satisfies(started -> assertThat(started.meterStartWh()).isEqualTo(70_000));
        int transactionId = dataOf(events, TransactionStarted.class).get(0).transactionId();
        assertThat(dataOf(events, MeterValuesSampled.class)).hasSize(2)
                .allSatisfy(sampled -> assertThat(sampled.transactionId()).isEqualTo(transactionId));
        assertThat(dataOf(events, TransactionStopped.class)).singleElement().satisfies(stopped -> {
            assertThat(stopped.transactionId()).as("the issued id survived the crash").isEqualTo(transactionId);
            assertThat(stopped.meterStopWh()).isEqualTo(70_600);
            assertThat(stopped.station().missingSeqNos()).isEmpty();
        });
    }

    private static ChargingStationSimulator connectStation(GatewayFixtures.Site site) {
        URI uri = URI.create("ws://localhost:" + gateway.port() + "/");
        AtomicReference<ChargingStationSimulator> connected = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            ChargingStationSimulator station = ChargingStationSimulator.connect(uri, site.chargePointId(),
                    GatewayFixtures.PASSWORD);
            try {
                station.heartbeat();
            } catch (OcppCallError | IllegalStateException e) {
                station.close();
                throw e;
            }
            connected.set(station);
            return true;
        });
        return connected.get();
    }

    private static Set<java.util.UUID> idsOf(List<Envelope<?>> events, Class<?> type) {
        return events.stream().filter(e -> type.isInstance(e.data())).map(Envelope::id).collect(Collectors.toSet());
    }

    private static ChargePointSimulator connect(GatewayFixtures.Site site) {
        URI uri = URI.create("ws://localhost:" + gateway.port() + "/");
        AtomicReference<ChargePointSimulator> connected = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            ChargePointSimulator charger = ChargePointSimulator.connect(uri, site.chargePointId(), GatewayFixtures.PASSWORD);
            try {
                charger.call("Heartbeat", Map.of());
            } catch (OcppCallError | IllegalStateException e) {
                charger.close();
                throw e;
            }
            connected.set(charger);
            return true;
        });
        return connected.get();
    }

}
