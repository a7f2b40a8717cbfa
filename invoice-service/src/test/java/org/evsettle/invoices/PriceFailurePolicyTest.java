package org.evsettle.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.invoices.InvoiceFixtures.TARIFFS;
import static org.evsettle.invoices.InvoicingTest.as;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventCatalog;
import org.evsettle.events.Topics;
import org.evsettle.events.tariffs.SessionPriced;
import org.evsettle.events.tariffs.SessionRepriced;
import org.evsettle.invoices.messaging.TariffConsumer;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The failure policy as invoicing lives it, on real Kafka: a price that cannot be read is quarantined and
 * the partition moves on; a price whose operator the registry has not told about waits, parked, and is
 * billed once the operator arrives; a replay by an admin never bills anything twice.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class PriceFailurePolicyTest {

    @Inject
    AgroalDataSource dataSource;

    private final RawRecords raw = new RawRecords();

    @AfterEach
    void close() {
        raw.close();
    }

    @Test
    void quarantinesAnUnreadablePriceAndInvoicesTheNextPriceOfItsPartition() {
        Scenario operator = new Scenario().operator(o -> o.prefix("UNREAD"));
        UUID anna = operator.driver(d -> d.name("Anna de Vries"));
        UUID sessionId = UUID.randomUUID();
        UUID unreadable = UUID.randomUUID();
        // keyed by the same session, so both land on one partition, the unreadable one first
        RecordMetadata broken = raw.publish(Topics.TARIFFS_EVENTS, sessionId.toString(), unreadable,
                EventCatalog.SESSION_PRICED.ceType(), "{\"sessionId\": \"not json".getBytes(StandardCharsets.UTF_8));
        SessionPriced next = InvoiceFixtures.aPrice(p -> p.session(sessionId).operator(operator.operatorId).driver(anna)
                .startedAt("2026-09-03T10:00:00Z"));
        RecordMetadata after = operator.topics.publish(Envelope.of(TARIFFS, next));

        operator.awaitOpenLines(anna, 1);
        assertThat(after.partition()).isEqualTo(broken.partition());
        JsonPath held = quarantined(unreadable);
        assertThat(held.getString("status")).isEqualTo("QUARANTINED");
        assertThat(held.getString("consumer")).isEqualTo(TariffConsumer.NAME);
        assertThat(held.getString("topic")).isEqualTo(Topics.TARIFFS_EVENTS);
        assertThat(held.getInt("partition")).isEqualTo(broken.partition());
        assertThat(held.getLong("offset")).isEqualTo(broken.offset());
        assertThat(held.getString("reason")).startsWith("unreadable");
        assertThat(held.getString("value")).isEqualTo("{\"sessionId\": \"not json");
        assertThat(operator.invoice(operator.only(anna, "INVOICE", "OPEN")).getString("lines[0].sessionId"))
                .isEqualTo(sessionId.toString());
    }

    @Test
    void parksAPriceWhoseOperatorIsUnknownLetsOthersFlowAndBillsItOnceTheOperatorArrives() {
        Scenario late = new Scenario();
        UUID anna = late.driver(d -> d.name("Anna de Vries"));
        // Sunday 11 January 23:30 in Amsterdam: the last day of its ISO week
        SessionPriced waiting = late.charge(anna, "2026-01-11T22:30:00Z", "4.32");
        late.topics.publish(TARIFFS, new SessionRepriced(waiting.sessionId(), 1, InvoiceFixtures.aPrice(p -> p
                .session(waiting.sessionId()).operator(late.operatorId).driver(anna).startedAt("2026-01-11T22:30:00Z")
                .net("5.00")), "tariff corrected"));
        Scenario known = new Scenario().operator(o -> o.prefix("FLOW"));
        UUID bob = known.driver(d -> d.name("Bob Jansen"));
        known.charge(bob, "2026-01-12T10:00:00Z", "3.00");

        known.awaitOpenLines(bob, 1);
        List<Map<String, Object>> parked = await().atMost(Scenario.PATIENCE).until(
                () -> parkedOf(waiting.sessionId()), records -> records.size() == 2);
        assertThat(parked).extracting(record -> record.get("awaits"))
                .containsExactly(EventCatalog.OPERATOR.ceType() + "/" + late.operatorId, null);
        assertThat(parked).extracting(record -> record.get("consumer")).containsOnly(TariffConsumer.NAME);
        await().atMost(Scenario.PATIENCE).untilAsserted(() -> late.admin().get("/api/invoices?driverId={d}", anna).then()
                .statusCode(200).body("items.size()", equalTo(0)));

        late.operator(o -> o.prefix("LATE").interval("WEEKLY"));

        late.awaitOpenLines(anna, 1);
        await().atMost(Scenario.PATIENCE).until(() -> parkedOf(waiting.sessionId()).isEmpty());
        await().during(Duration.ofSeconds(2)).atMost(Scenario.PATIENCE).untilAsserted(() -> {
            JsonPath documents = late.documentsOf(anna);
            assertThat(documents.getList("items")).hasSize(1);
            assertThat(documents.getString("items[0].periodStart")).isEqualTo("2026-01-05");
            assertThat(documents.getString("items[0].periodEnd")).isEqualTo("2026-01-11");
            assertThat(documents.getInt("items[0].lineCount")).isEqualTo(1);
        });
        // the new price parked behind the first one, in order: it replaced the line
        JsonPath invoice = late.invoice(late.only(anna, "INVOICE", "OPEN"));
        assertThat(invoice.getInt("lines[0].priceRevision")).isEqualTo(1);
        assertThat(new BigDecimal(invoice.getString("netAmount"))).isEqualByComparingTo("5.00");
    }

    @Test
    void replayingAPriceThatWasReplayedAlreadyBillsNothingTwice() {
        Scenario operator = new Scenario().operator(o -> o.prefix("REPLAY"));
        UUID anna = operator.driver(d -> d.name("Anna de Vries"));
        Envelope<SessionPriced> refused = priceOf(operator, anna);
        long id;
        try (DatabaseFault fault = DatabaseFault.refusingLinesOf(dataSource, refused.data().sessionId())) {
            operator.topics.publish(refused);
            operator.charge(anna, "2026-09-04T10:00:00Z", "1.00");
            operator.awaitOpenLines(anna, 1);
            JsonPath held = quarantined(refused.id());
            assertThat(held.getInt("attempts")).isEqualTo(3);
            assertThat(held.getString("reason")).contains("refused by a test fault");
            id = held.getLong("id");
        }

        replay(id).then().statusCode(200).body("outcome", equalTo("APPLIED")).body("event.status", equalTo("REPLAYED"));
        operator.awaitOpenLines(anna, 2);
        replay(id).then().statusCode(200).body("outcome", equalTo("UNCHANGED"));
        // and the same event redelivered from the topic is recognised too
        operator.topics.publish(refused);

        await().during(Duration.ofSeconds(3)).atMost(Scenario.PATIENCE).untilAsserted(() ->
                assertThat(linesOf(operator, anna)).filteredOn(sessionId -> sessionId.equals(
                        refused.data().sessionId().toString())).hasSize(1));
        assertThat(new BigDecimal(operator.invoice(operator.only(anna, "INVOICE", "OPEN")).getString("netAmount")))
                .isEqualByComparingTo("5.32");
    }

    @Test
    void replayingAPriceThatCameAgainAndWasBilledMeanwhileChangesNothing() {
        Scenario operator = new Scenario().operator(o -> o.prefix("AGAIN"));
        UUID anna = operator.driver(d -> d.name("Anna de Vries"));
        Envelope<SessionPriced> refused = priceOf(operator, anna);
        long id;
        try (DatabaseFault fault = DatabaseFault.refusingLinesOf(dataSource, refused.data().sessionId())) {
            operator.topics.publish(refused);
            id = quarantined(refused.id()).getLong("id");
        }
        // the tariff service sends the same event again, which is billed now that the fault is gone
        operator.topics.publish(refused);
        operator.awaitOpenLines(anna, 1);

        replay(id).then().statusCode(200).body("outcome", equalTo("APPLIED"));
        replay(id).then().statusCode(200).body("outcome", equalTo("UNCHANGED"));

        await().during(Duration.ofSeconds(2)).atMost(Scenario.PATIENCE).untilAsserted(() ->
                assertThat(linesOf(operator, anna)).containsExactly(refused.data().sessionId().toString()));
        JsonPath invoice = operator.invoice(operator.only(anna, "INVOICE", "OPEN"));
        assertThat(new BigDecimal(invoice.getString("netAmount"))).isEqualByComparingTo("4.32");
    }

    /** A price of 4.32 net for the driver's session of 3 September, as the tariff service sends it. */
    private static Envelope<SessionPriced> priceOf(Scenario operator, UUID driverId) {
        return Envelope.of(TARIFFS, InvoiceFixtures.aPrice(p -> p.operator(operator.operatorId).driver(driverId)
                .startedAt("2026-09-03T10:00:00Z").net("4.32")));
    }

    /** The sessions on the driver's open invoices. */
    private static List<String> linesOf(Scenario operator, UUID driverId) {
        return operator.documentsOf(driverId).getList("items.id", String.class).stream()
                .flatMap(id -> operator.invoice(id).getList("lines.sessionId", String.class).stream()).toList();
    }

    private static Response replay(long id) {
        return as(TestTokens.platformAdmin()).post("/api/quarantined-events/{id}/replay", id);
    }

    /** The quarantined record of the prices consumer with this event id, once there is one. */
    private static JsonPath quarantined(UUID eventId) {
        Long id = await().atMost(Scenario.PATIENCE).until(() -> quarantineIdOf(eventId), found -> found != null);
        return as(TestTokens.platformAdmin()).get("/api/quarantined-events/{id}", id).then().statusCode(200)
                .extract().jsonPath();
    }

    private static Long quarantineIdOf(UUID eventId) {
        String cursor = null;
        do {
            JsonPath page = as(TestTokens.platformAdmin()).queryParam("consumer", TariffConsumer.NAME)
                    .queryParam("limit", 500).queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get("/api/quarantined-events").then().statusCode(200).extract().jsonPath();
            Object id = page.get("items.find { it.eventId == '" + eventId + "' }.id");
            if (id != null) {
                return ((Number) id).longValue();
            }
            cursor = page.getString("next");
        } while (cursor != null);
        return null;
    }

    /** The parked records of the prices consumer keyed by this session, oldest first. */
    private static List<Map<String, Object>> parkedOf(UUID sessionId) {
        return as(TestTokens.platformAdmin()).queryParam("consumer", TariffConsumer.NAME).queryParam("limit", 500)
                .get("/api/parked-events").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.key == '" + sessionId + "' }");
    }
}
