package org.evsettle.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.gateway.OcppPipelineTest.dataOf;
import static org.evsettle.gateway.OcppPipelineTest.randomTag;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventIds;
import org.evsettle.events.ocpp.MeterValuesSampled;
import org.evsettle.events.ocpp.TransactionStarted;
import org.evsettle.events.ocpp.TransactionStopped;
import org.evsettle.events.registry.CardRecord;
import org.evsettle.testkit.ChargingStationSimulator;
import org.evsettle.testkit.ChargingStationSimulator.QueuedEvent;
import org.evsettle.testkit.ChargingStationSimulator.Transaction;
import org.evsettle.testkit.InfrastructureResource;
import org.junit.jupiter.api.Test;

/**
 * OCPP 2.0.1 TransactionEvents become the version-neutral TransactionStarted, MeterValuesSampled and
 * TransactionStopped with the gateway's int transactionId and energy in Wh; nothing lost, nothing doubled.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class Ocpp201TransactionTest {

    @TestHTTPResource("/")
    URI http;

    @Inject
    TransactionIds transactionIds;

    private final GatewayFixtures fixtures = new GatewayFixtures();

    @Test
    void mapsAFullTransactionOntoStartSamplesAndStopInWh() {
        GatewayFixtures.Site site = fixtures.aSite();
        String uid = "04A2B3" + randomTag();
        CardRecord card = fixtures.aCard(site.operatorId(), uid, c -> c);
        Instant startedAt = GatewayFixtures.hoursAgo(3);
        Transaction transaction;

        try (ChargingStationSimulator station = GatewayFixtures.connectStation(gateway(), site).energyInKwh()) {
            station.boot();
            org.awaitility.Awaitility.await().until(() -> "Accepted".equals(station.authorize(uid).get("status").asText()));
            transaction = station.newTransaction(1, uid);
            JsonNode started = station.started(transaction, 1_000_500, startedAt);
            assertThat(started.get("idTokenInfo").get("status").asText()).isEqualTo("Accepted");
            assertThat(station.updated(transaction, 1_005_750, startedAt.plusSeconds(1800)).has("idTokenInfo")).isFalse();
            station.ended(transaction, 1_012_345, startedAt.plusSeconds(3600));
        }

        int transactionId = transactionIds.transactionId(site.chargePointId(), transaction.id()).orElseThrow();
        assertThat(transactionIds.stationTransactionId(site.chargePointId(), transactionId)).hasValue(transaction.id());
        List<Envelope<?>> events = fixtures.ocppEvents(site.chargePointId());
        Envelope<?> startEnvelope = events.stream().filter(e -> e.data() instanceof TransactionStarted).findFirst()
                .orElseThrow();
        assertThat(startEnvelope.id()).isEqualTo(EventIds.nameBased(site.chargePointId(), "transaction-started",
                transaction.id()));
        TransactionStarted start = (TransactionStarted) startEnvelope.data();
        assertThat(start.transactionId()).isEqualTo(transactionId);
        assertThat(start.connectorId()).as("the EVSE").isEqualTo(1);
        assertThat(start.meterStartWh()).isEqualTo(1_000_500);
        assertThat(start.timestamp()).isEqualTo(startedAt);
        assertThat(start.idTag()).isEqualTo(uid);
        assertThat(start.authorization().cardId()).isEqualTo(card.id());
        assertThat(start.authorization().driverId()).isEqualTo(card.driverId());
        assertThat(start.station().stationTransactionId()).isEqualTo(transaction.id());
        assertThat(start.station().seqNo()).isZero();

        assertThat(dataOf(events, MeterValuesSampled.class)).singleElement().satisfies(sampled -> {
            assertThat(sampled.transactionId()).isEqualTo(transactionId);
            assertThat(sampled.meterValue().get(0).sampledValue().get(0).value()).isEqualTo("1005750");
            assertThat(sampled.meterValue().get(0).sampledValue().get(0).unit()).isEqualTo("Wh");
            assertThat(sampled.station().seqNo()).isEqualTo(1);
        });
        assertThat(dataOf(events, TransactionStopped.class)).singleElement().satisfies(stopped -> {
            assertThat(stopped.transactionId()).isEqualTo(transactionId);
            assertThat(stopped.meterStopWh()).isEqualTo(1_012_345);
            assertThat(stopped.meterStopWh() - start.meterStartWh()).isEqualTo(11_845);
            assertThat(stopped.timestamp()).isEqualTo(startedAt.plusSeconds(3600));
            assertThat(stopped.reason()).isEqualTo("EVDisconnected");
            assertThat(stopped.connectorId()).isEqualTo(1);
            assertThat(stopped.knownTransaction()).isTrue();
            assertThat(stopped.station().missingSeqNos()).isEmpty();
        });
    }

    @Test
    void publishesARetriedTransactionEventOnce() {
        GatewayFixtures.Site site = fixtures.aSite();
        Instant startedAt = GatewayFixtures.hoursAgo(2);

        try (ChargingStationSimulator station = GatewayFixtures.connectStation(gateway(), site)) {
            Transaction transaction = station.newTransaction(1, "AB12CD34");
            QueuedEvent started = station.event(transaction, "Started", "Authorized", 5_000L, "Transaction.Begin",
                    startedAt, null);
            QueuedEvent updated = station.event(transaction, "Updated", "MeterValuePeriodic", 6_000L, "Sample.Periodic",
                    startedAt.plusSeconds(600), null);
            // the answers got lost: the station sends each again, with its seqNo and message id
            station.deliver(started);
            station.call(started.messageId(), "TransactionEvent", started.payload());
            station.deliver(updated);
            station.call(updated.messageId(), "TransactionEvent", updated.payload());
            station.ended(transaction, 7_000, startedAt.plusSeconds(1200));
        }

        List<Envelope<?>> events = fixtures.ocppEvents(site.chargePointId());
        assertThat(dataOf(events, TransactionStarted.class)).hasSize(1);
        assertThat(dataOf(events, MeterValuesSampled.class)).hasSize(1);
        assertThat(dataOf(events, TransactionStopped.class)).singleElement()
                .satisfies(stopped -> assertThat(stopped.meterStopWh()).isEqualTo(7_000));
    }

    @Test
    void makesACompleteSessionOfAnEndedEventWhoseStartWasLost() {
        GatewayFixtures.Site site = fixtures.aSite();
        Instant startedAt = GatewayFixtures.hoursAgo(30);

        try (ChargingStationSimulator station = GatewayFixtures.connectStation(gateway(), site)) {
            Transaction transaction = station.newTransaction(2, "AB12CD34");
            station.offline();
            QueuedEvent lostStart = station.event(transaction, "Started", "Authorized", 20_000L, "Transaction.Begin",
                    startedAt, null);
            QueuedEvent lostUpdate = station.event(transaction, "Updated", "MeterValuePeriodic", 25_000L,
                    "Sample.Periodic", startedAt.plusSeconds(900), null);
            Map<String, Object> ended = station.event(transaction, "Ended", "EVCommunicationLost", null, null,
                    startedAt.plusSeconds(3600), "EVDisconnected").payload();
            // the Started and Updated never leave the station; only the Ended does, carrying its Transaction.Begin
            // and Transaction.End samples, as a station's SampledDataTxEndedMeasurands make it
            ended.put("meterValue", List.of(station.meterValue(20_000, "Transaction.Begin", startedAt),
                    station.meterValue(31_000, "Transaction.End", startedAt.plusSeconds(3600))));
            ended.put("evse", Map.of("id", 2, "connectorId", 1));
            station.lose(lostStart).lose(lostUpdate);
            assertThat(station.online()).hasSize(1);
        }

        List<Envelope<?>> events = fixtures.ocppEvents(site.chargePointId());
        TransactionStarted start = dataOf(events, TransactionStarted.class).get(0);
        assertThat(start.meterStartWh()).isEqualTo(20_000);
        assertThat(start.timestamp()).isEqualTo(startedAt);
        assertThat(start.connectorId()).isEqualTo(2);
        TransactionStopped stop = dataOf(events, TransactionStopped.class).get(0);
        assertThat(stop.transactionId()).isEqualTo(start.transactionId());
        assertThat(stop.meterStopWh()).isEqualTo(31_000);
        assertThat(stop.station().offline()).isTrue();
        assertThat(stop.station().missingSeqNos()).containsExactly(0, 1);
        assertThat(dataOf(events, MeterValuesSampled.class)).isEmpty();
    }

    @Test
    void endsWithTheLastRegisterSeenWhenTheEndedEventHasNoneAndCarriesTheGap() {
        GatewayFixtures.Site site = fixtures.aSite();
        Instant startedAt = GatewayFixtures.hoursAgo(5);

        try (ChargingStationSimulator station = GatewayFixtures.connectStation(gateway(), site)) {
            Transaction transaction = station.newTransaction(1, "AB12CD34");
            station.started(transaction, 100_000, startedAt);
            station.updated(transaction, 104_000, startedAt.plusSeconds(600));
            transaction.skipSeqNos(2);
            station.updated(transaction, 109_000, startedAt.plusSeconds(2400));
            station.deliver(station.event(transaction, "Ended", "StopAuthorized", null, null,
                    startedAt.plusSeconds(3000), "Local"));
        }

        List<Envelope<?>> events = fixtures.ocppEvents(site.chargePointId());
        assertThat(dataOf(events, MeterValuesSampled.class)).hasSize(2);
        assertThat(dataOf(events, TransactionStopped.class)).singleElement().satisfies(stopped -> {
            assertThat(stopped.meterStopWh()).as("the last register seen, not 0 Wh").isEqualTo(109_000);
            assertThat(stopped.reason()).isEqualTo("Local");
            assertThat(stopped.station().seqNo()).isEqualTo(5);
            assertThat(stopped.station().missingSeqNos()).containsExactly(2, 3);
        });
    }

    @Test
    void announcesTheStartOfAnUpdatedFirstAndALateStartedWithTheSameEventId() {
        GatewayFixtures.Site site = fixtures.aSite();
        Instant startedAt = GatewayFixtures.hoursAgo(4);

        try (ChargingStationSimulator station = GatewayFixtures.connectStation(gateway(), site)) {
            Transaction transaction = station.newTransaction(1, "AB12CD34");
            QueuedEvent started = station.event(transaction, "Started", "Authorized", 50_000L, "Transaction.Begin",
                    startedAt, null);
            QueuedEvent updated = station.event(transaction, "Updated", "MeterValuePeriodic", 52_000L,
                    "Sample.Periodic", startedAt.plusSeconds(600), null);
            station.deliver(updated);
            station.deliver(started);
        }

        List<Envelope<?>> starts = fixtures.ocppEvents(site.chargePointId()).stream()
                .filter(e -> e.data() instanceof TransactionStarted).toList();
        assertThat(starts).isNotEmpty();
        assertThat(starts).allSatisfy(e -> assertThat(e.id()).isEqualTo(
                EventIds.nameBased(site.chargePointId(), "transaction-started", starts.get(0).data() instanceof
                        TransactionStarted s ? s.station().stationTransactionId() : null)));
        TransactionStarted first = (TransactionStarted) starts.get(0).data();
        assertThat(first.meterStartWh()).as("from the Updated, that arrived first").isEqualTo(52_000);
    }

    @Test
    void appliesTheMultiplierAndKeepsTheSignedMeterValue() {
        GatewayFixtures.Site site = fixtures.aSite();
        Instant startedAt = GatewayFixtures.hoursAgo(6);
        Map<String, Object> signature = Map.of("signedMeterData", "AQIDBAU=", "signingMethod", "ECDSA-secp256r1-SHA256",
                "encodingMethod", "OCMF", "publicKey", "BAUGBwg=");

        try (ChargingStationSimulator station = GatewayFixtures.connectStation(gateway(), site)) {
            Transaction transaction = station.newTransaction(1, "AB12CD34");
            station.started(transaction, 3_000_000, startedAt);
            Map<String, Object> updated = station.event(transaction, "Updated", "MeterValuePeriodic", null, null,
                    startedAt.plusSeconds(600), null).payload();
            // 3.0025 kWh scaled by 10^3: 3002.5 kWh, that is 3 002 500 Wh; power 7.4 kW is 7400 W
            updated.put("meterValue", List.of(Map.of("timestamp", startedAt.plusSeconds(600).toString(),
                    "sampledValue", List.of(
                            Map.of("value", 3.0025, "measurand", "Energy.Active.Import.Register",
                                    "unitOfMeasure", Map.of("unit", "kWh", "multiplier", 3),
                                    "signedMeterValue", signature),
                            Map.of("value", 7.4, "measurand", "Power.Active.Import",
                                    "unitOfMeasure", Map.of("unit", "kW"))))));
            station.online();
            station.ended(transaction, 3_004_000, startedAt.plusSeconds(1200));
        }

        List<Envelope<?>> events = fixtures.ocppEvents(site.chargePointId());
        assertThat(dataOf(events, MeterValuesSampled.class)).singleElement().satisfies(sampled -> {
            var energy = sampled.meterValue().get(0).sampledValue().get(0);
            assertThat(energy.value()).isEqualTo("3002500");
            assertThat(energy.unit()).isEqualTo("Wh");
            assertThat(energy.context()).isEqualTo("Sample.Periodic");
            assertThat(energy.signedMeterValue().signedMeterData()).isEqualTo("AQIDBAU=");
            assertThat(energy.signedMeterValue().encodingMethod()).isEqualTo("OCMF");
            var power = sampled.meterValue().get(0).sampledValue().get(1);
            assertThat(power.value()).isEqualTo("7400");
            assertThat(power.unit()).isEqualTo("W");
        });
    }

    @Test
    void waitsWithTheStartOfAStartedWithoutARegisterRatherThanStartAt0WhAndKeepsItsCard() {
        GatewayFixtures.Site site = fixtures.aSite();
        String uid = "04A2B3" + randomTag();
        CardRecord card = fixtures.aCard(site.operatorId(), uid, c -> c);
        Instant startedAt = GatewayFixtures.hoursAgo(7);

        try (ChargingStationSimulator station = GatewayFixtures.connectStation(gateway(), site)) {
            org.awaitility.Awaitility.await().until(() -> "Accepted".equals(station.authorize(uid).get("status").asText()));
            Transaction transaction = station.newTransaction(1, uid);
            assertThat(station.deliver(station.event(transaction, "Started", "Authorized", null, null, startedAt,
                    null)).at("/idTokenInfo/status").asText()).isEqualTo("Accepted");
            station.updated(transaction, 880_000, startedAt.plusSeconds(600));
            station.ended(transaction, 884_000, startedAt.plusSeconds(1200));
        }

        List<Envelope<?>> events = fixtures.ocppEvents(site.chargePointId());
        assertThat(dataOf(events, TransactionStarted.class)).singleElement().satisfies(started -> {
            assertThat(started.meterStartWh()).as("the first register seen").isEqualTo(880_000);
            assertThat(started.timestamp()).as("the Started's time").isEqualTo(startedAt);
            assertThat(started.idTag()).as("the Started's card").isEqualTo(uid);
            assertThat(started.authorization().status()).isEqualTo("Accepted");
            assertThat(started.authorization().driverId()).isEqualTo(card.driverId());
        });
        assertThat(dataOf(events, TransactionStopped.class)).singleElement()
                .satisfies(stopped -> assertThat(stopped.meterStopWh()).isEqualTo(884_000));
    }

    private URI gateway() {
        return GatewayFixtures.websocket(http);
    }
}
