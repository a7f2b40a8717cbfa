package org.evsettle.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.gateway.OcppPipelineTest.dataOf;
import static org.evsettle.gateway.OcppPipelineTest.randomTag;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventIds;
import org.evsettle.events.ocpp.MeterValuesSampled;
import org.evsettle.events.ocpp.TransactionStarted;
import org.evsettle.events.ocpp.TransactionStopped;
import org.evsettle.events.registry.CardRecord;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.testkit.ChargePointSimulator;
import org.evsettle.testkit.InfrastructureResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class TransactionFlowTest {

    @TestHTTPResource("/")
    URI http;

    private final GatewayFixtures fixtures = new GatewayFixtures();

    @Test
    void issuesATransactionIdAndTheSameOneForARetriedStart() {
        GatewayFixtures.Site site = fixtures.aSite();
        Instant startedAt = GatewayFixtures.hoursAgo(26);

        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site)) {
            JsonNode first = charger.call("StartTransaction", GatewayFixtures.startTransaction("AB12CD34", 1_234_000, startedAt));
            JsonNode retry = charger.call("StartTransaction", GatewayFixtures.startTransaction("AB12CD34", 1_234_000, startedAt));
            JsonNode another = charger.call("StartTransaction",
                    GatewayFixtures.startTransaction("AB12CD34", 1_240_000, startedAt.plusSeconds(3600)));

            assertThat(first.get("transactionId").asInt()).isPositive();
            assertThat(retry.get("transactionId").asInt()).isEqualTo(first.get("transactionId").asInt());
            assertThat(another.get("transactionId").asInt()).isNotEqualTo(first.get("transactionId").asInt());
        }
    }

    @Test
    void publishesTheStartWithTheChargersTimestampAndTheAuthorizationIds() {
        GatewayFixtures.Site site = fixtures.aSite();
        String idTag = "04A2B3" + randomTag();
        CardRecord card = fixtures.aCard(site.operatorId(), idTag, c -> c);
        Instant startedAt = GatewayFixtures.hoursAgo(5);

        int transactionId;
        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site)) {
            await().until(() -> "Accepted".equals(
                    charger.call("Authorize", Map.of("idTag", idTag)).get("idTagInfo").get("status").asText()));
            JsonNode answer = charger.call("StartTransaction",
                    GatewayFixtures.startTransaction(idTag.toLowerCase(), 1_234_000, startedAt));
            assertThat(answer.get("idTagInfo").get("status").asText()).isEqualTo("Accepted");
            transactionId = answer.get("transactionId").asInt();
        }

        List<Envelope<?>> events = fixtures.ocppEvents(site.chargePointId());
        Envelope<?> envelope = events.stream().filter(e -> e.data() instanceof TransactionStarted).findFirst().orElseThrow();
        assertThat(envelope.id()).isEqualTo(EventIds.nameBased(site.chargePointId(), "transaction-started", transactionId));
        assertThat(envelope.source()).isEqualTo("ocpp-gateway");
        TransactionStarted started = (TransactionStarted) envelope.data();
        assertThat(started.transactionId()).isEqualTo(transactionId);
        assertThat(started.timestamp()).isEqualTo(startedAt);
        assertThat(started.receivedAt()).isAfter(startedAt);
        assertThat(started.meterStartWh()).isEqualTo(1_234_000);
        assertThat(started.idTag()).isEqualTo(idTag);
        assertThat(started.authorization().status()).isEqualTo("Accepted");
        assertThat(started.authorization().operatorId()).isEqualTo(site.operatorId());
        assertThat(started.authorization().siteId()).isEqualTo(site.charger().siteId());
        assertThat(started.authorization().chargerId()).isEqualTo(site.charger().id());
        assertThat(started.authorization().cardId()).isEqualTo(card.id());
        assertThat(started.authorization().driverId()).isEqualTo(card.driverId());
    }

    @Test
    void issuesATransactionIdForAnUnknownCardAndTellsTheChargerItIsInvalid() {
        GatewayFixtures.Site site = fixtures.aSite();

        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site)) {
            JsonNode answer = charger.call("StartTransaction",
                    GatewayFixtures.startTransaction("DEADBEEF", 10, GatewayFixtures.hoursAgo(1)));

            assertThat(answer.get("transactionId").asInt()).isPositive();
            assertThat(answer.get("idTagInfo").get("status").asText()).isEqualTo("Invalid");
        }
        TransactionStarted started = dataOf(fixtures.ocppEvents(site.chargePointId()), TransactionStarted.class).get(0);
        assertThat(started.authorization().status()).isEqualTo("Invalid");
        assertThat(started.authorization().cardId()).isNull();
        assertThat(started.authorization().chargerId()).isEqualTo(site.charger().id());
    }

    @Test
    void stopsAKnownTransactionWithItsConnector() {
        GatewayFixtures.Site site = fixtures.aSite();
        Instant startedAt = GatewayFixtures.hoursAgo(4);

        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site)) {
            int transactionId = charger.call("StartTransaction",
                    GatewayFixtures.startTransaction("AB12CD34", 5_000, startedAt)).get("transactionId").asInt();
            JsonNode answer = charger.call("StopTransaction",
                    GatewayFixtures.stopTransaction(transactionId, 17_340, startedAt.plusSeconds(7200)));

            assertThat(answer.has("idTagInfo")).as("no idTag, no idTagInfo").isFalse();
        }
        assertThat(dataOf(fixtures.ocppEvents(site.chargePointId()), TransactionStopped.class)).singleElement()
                .satisfies(stopped -> {
                    assertThat(stopped.knownTransaction()).isTrue();
                    assertThat(stopped.connectorId()).isEqualTo(1);
                    assertThat(stopped.meterStopWh()).isEqualTo(17_340);
                    assertThat(stopped.timestamp()).isEqualTo(startedAt.plusSeconds(7200));
                    assertThat(stopped.reason()).isEqualTo("EVDisconnected");
                });
    }

    @Test
    void answersAStopOfAnUnknownTransactionAndPublishesItFlagged() {
        GatewayFixtures.Site site = fixtures.aSite();
        int neverIssued = 1_000_000_000 + (int) (Math.random() * 1_000_000);

        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site)) {
            Map<String, Object> stop = new HashMap<>(
                    GatewayFixtures.stopTransaction(neverIssued, 99_000, GatewayFixtures.hoursAgo(2)));
            stop.put("idTag", "DEADBEEF");
            JsonNode answer = charger.call("StopTransaction", stop);

            assertThat(answer.get("idTagInfo").get("status").asText()).isEqualTo("Invalid");
        }
        assertThat(dataOf(fixtures.ocppEvents(site.chargePointId()), TransactionStopped.class)).singleElement()
                .satisfies(stopped -> {
                    assertThat(stopped.transactionId()).isEqualTo(neverIssued);
                    assertThat(stopped.knownTransaction()).isFalse();
                    assertThat(stopped.connectorId()).isNull();
                });
    }

    @Test
    void givesARetriedStopTheSameEventId() {
        GatewayFixtures.Site site = fixtures.aSite();
        Instant startedAt = GatewayFixtures.hoursAgo(3);

        int transactionId;
        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site)) {
            transactionId = charger.call("StartTransaction",
                    GatewayFixtures.startTransaction("AB12CD34", 5_000, startedAt)).get("transactionId").asInt();
            Map<String, Object> stop = GatewayFixtures.stopTransaction(transactionId, 9_000, startedAt.plusSeconds(600));
            charger.call("StopTransaction", stop);
            charger.call("StopTransaction", stop);
        }

        List<UUID> stopIds = fixtures.ocppEvents(site.chargePointId()).stream()
                .filter(e -> e.data() instanceof TransactionStopped)
                .map(Envelope::id)
                .toList();
        assertThat(stopIds).hasSize(2).containsOnly(
                EventIds.nameBased(site.chargePointId(), "transaction-stopped", transactionId));
    }

    @Test
    void publishesMeterValuesWithTheSameEventIdWhenRetried() {
        GatewayFixtures.Site site = fixtures.aSite();
        Instant sampledAt = GatewayFixtures.hoursAgo(1);

        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site)) {
            int transactionId = charger.call("StartTransaction",
                    GatewayFixtures.startTransaction("AB12CD34", 5_000, sampledAt.minusSeconds(120))).get("transactionId").asInt();
            charger.call("MeterValues", GatewayFixtures.meterValues(transactionId, sampledAt, "5400"));
            charger.call("MeterValues", GatewayFixtures.meterValues(transactionId, sampledAt, "5400"));
            charger.call("MeterValues", GatewayFixtures.meterValues(transactionId, sampledAt.plusSeconds(120), "5800"));
        }

        List<Envelope<?>> sampled = fixtures.ocppEvents(site.chargePointId()).stream()
                .filter(e -> e.data() instanceof MeterValuesSampled)
                .toList();
        assertThat(sampled).hasSize(3);
        assertThat(sampled.get(0).id()).isEqualTo(sampled.get(1).id());
        assertThat(sampled.get(2).id()).isNotEqualTo(sampled.get(0).id());
        MeterValuesSampled first = (MeterValuesSampled) sampled.get(0).data();
        assertThat(first.meterValue().get(0).timestamp()).isEqualTo(sampledAt);
        assertThat(first.meterValue().get(0).sampledValue().get(0).value()).isEqualTo("5400");
        assertThat(first.meterValue().get(0).sampledValue().get(0).unit()).isEqualTo("Wh");
    }

    @Test
    void refusesACardThatIsChargingAtAnotherChargerAsConcurrentTxUntilItStops() {
        GatewayFixtures.Site site = fixtures.aSite();
        ChargerRecord second = RegistryRecords.aCharger(site.operatorId(), "ZAP-" + UUID.randomUUID().toString().substring(0, 8),
                GatewayFixtures.PASSWORD);
        fixtures.topics.publish("user-service", second);
        UUID driverId = UUID.randomUUID();
        String idTag = "04A2B3" + randomTag();
        fixtures.aCard(site.operatorId(), idTag, c -> c.driverId(driverId));
        fixtures.aCard(site.operatorId(), "0BB10C" + randomTag(), c -> c.driverId(driverId));
        Instant startedAt = GatewayFixtures.hoursAgo(1);

        try (ChargePointSimulator here = GatewayFixtures.connect(gateway(), site);
             ChargePointSimulator there = GatewayFixtures.connect(gateway(), new GatewayFixtures.Site(site.operatorId(), second))) {
            await().until(() -> "Accepted".equals(authorize(here, idTag).get("status").asText()));
            JsonNode started = here.call("StartTransaction", GatewayFixtures.startTransaction(idTag, 1_000, startedAt));
            assertThat(started.at("/idTagInfo/status").asText()).isEqualTo("Accepted");
            assertThat(started.at("/idTagInfo/parentIdTag").asText()).hasSizeLessThanOrEqualTo(20).isNotBlank();
            int transactionId = started.get("transactionId").asInt();

            assertThat(authorize(here, idTag).get("status").asText()).as("at its own charger").isEqualTo("Accepted");
            assertThat(authorize(there, idTag).get("status").asText()).isEqualTo("ConcurrentTx");
            JsonNode refused = there.call("StartTransaction", GatewayFixtures.startTransaction(idTag, 2_000, startedAt.plusSeconds(60)));
            assertThat(refused.get("transactionId").asInt()).isPositive().isNotEqualTo(transactionId);
            assertThat(refused.at("/idTagInfo/status").asText()).isEqualTo("ConcurrentTx");

            here.call("StopTransaction", GatewayFixtures.stopTransaction(transactionId, 5_000, startedAt.plusSeconds(600)));
            assertThat(authorize(there, idTag).get("status").asText()).isEqualTo("Accepted");
        }
    }

    @Test
    void givesEveryCardOfOneDriverTheSameParentIdTag() {
        GatewayFixtures.Site site = fixtures.aSite();
        UUID driverId = UUID.randomUUID();
        String first = "04A2B3" + randomTag();
        String second = "0BB10C" + randomTag();
        String stranger = "0E8B1E" + randomTag();
        fixtures.aCard(site.operatorId(), first, c -> c.driverId(driverId));
        fixtures.aCard(site.operatorId(), second, c -> c.driverId(driverId));
        fixtures.aCard(site.operatorId(), stranger, c -> c);

        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site)) {
            await().until(() -> authorize(charger, stranger).has("parentIdTag"));
            String parent = authorize(charger, first).get("parentIdTag").asText();
            assertThat(authorize(charger, second).get("parentIdTag").asText()).isEqualTo(parent);
            assertThat(authorize(charger, stranger).get("parentIdTag").asText()).isNotEqualTo(parent);
        }
    }

    @Test
    void takesDuplicatedAndOutOfOrderTransactionMessagesWithoutDoublingOrLosingAny() {
        GatewayFixtures.Site site = fixtures.aSite();
        Instant startedAt = GatewayFixtures.hoursAgo(30);

        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site)) {
            Map<String, Object> start = GatewayFixtures.startTransaction("AB12CD34", 50_000, startedAt);
            int transactionId = charger.call("StartTransaction", start).get("transactionId").asInt();
            charger.call("MeterValues", GatewayFixtures.meterValues(transactionId, startedAt.plusSeconds(120), "50400"));
            Map<String, Object> stop = GatewayFixtures.stopTransaction(transactionId, 51_000, startedAt.plusSeconds(300));
            charger.call("StopTransaction", stop);
            // a periodic sample that arrives after the stop (as a Go2 sends it), and retries whose answers got lost
            charger.call("MeterValues", GatewayFixtures.meterValues(transactionId, startedAt.plusSeconds(240), "50800"));
            assertThat(charger.call("StartTransaction", start).get("transactionId").asInt()).isEqualTo(transactionId);
            charger.call("StopTransaction", stop);
            charger.call("MeterValues", GatewayFixtures.meterValues(transactionId, startedAt.plusSeconds(120), "50400"));
        }

        List<Envelope<?>> events = fixtures.ocppEvents(site.chargePointId());
        assertThat(distinctIds(events, TransactionStarted.class)).hasSize(1);
        assertThat(distinctIds(events, TransactionStopped.class)).hasSize(1);
        assertThat(distinctIds(events, MeterValuesSampled.class)).as("two distinct samples, one repeated").hasSize(2);
        assertThat(dataOf(events, TransactionStopped.class)).allSatisfy(stopped -> {
            assertThat(stopped.knownTransaction()).isTrue();
            assertThat(stopped.timestamp()).isEqualTo(startedAt.plusSeconds(300));
        });
        assertThat(dataOf(events, MeterValuesSampled.class)).extracting(m -> m.meterValue().get(0).timestamp())
                .contains(startedAt.plusSeconds(240));
    }

    @Test
    void keepsTheTransactionDataOfAStop() {
        GatewayFixtures.Site site = fixtures.aSite();
        Instant startedAt = GatewayFixtures.hoursAgo(2);

        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site)) {
            int transactionId = charger.call("StartTransaction",
                    GatewayFixtures.startTransaction("AB12CD34", 1_000, startedAt)).get("transactionId").asInt();
            Map<String, Object> stop = new HashMap<>(GatewayFixtures.stopTransaction(transactionId, 9_000,
                    startedAt.plusSeconds(3600)));
            stop.put("transactionData", List.of(
                    Map.of("timestamp", startedAt.toString(), "sampledValue", List.of(Map.of("value", "1000",
                            "context", "Transaction.Begin", "measurand", "Energy.Active.Import.Register", "unit", "Wh"))),
                    Map.of("timestamp", startedAt.plusSeconds(3600).toString(), "sampledValue", List.of(Map.of(
                            "value", "9.0", "context", "Transaction.End", "measurand", "Energy.Active.Import.Register",
                            "unit", "kWh")))));
            charger.call("StopTransaction", stop);
        }
        assertThat(dataOf(fixtures.ocppEvents(site.chargePointId()), TransactionStopped.class)).singleElement()
                .satisfies(stopped -> {
                    assertThat(stopped.transactionData()).hasSize(2);
                    assertThat(stopped.transactionData().get(1).sampledValue().get(0).value()).isEqualTo("9.0");
                    assertThat(stopped.transactionData().get(1).sampledValue().get(0).unit()).isEqualTo("kWh");
                    assertThat(stopped.transactionData().get(0).timestamp()).isEqualTo(startedAt);
                });
    }

    private static JsonNode authorize(ChargePointSimulator charger, String idTag) {
        return charger.call("Authorize", Map.of("idTag", idTag)).get("idTagInfo");
    }

    private static Set<UUID> distinctIds(List<Envelope<?>> events, Class<?> type) {
        return events.stream().filter(e -> type.isInstance(e.data())).map(Envelope::id).collect(Collectors.toSet());
    }

    private URI gateway() {
        return GatewayFixtures.websocket(http);
    }
}
