package org.evsettle.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventCatalog;
import org.evsettle.events.Topics;
import org.evsettle.events.invoices.InvoicePaid;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The failure policy of every consumer, on a consumer of single events and one of batches: a record
 * that cannot be read, one whose operator has not arrived, one that fails twice and one that keeps
 * failing. In each case the partition keeps flowing, nothing is lost and nothing is applied twice.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(OutboxTestTopics.class)
class ConsumerFailurePolicyTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Tables tables;
    @Inject
    Faults faults;

    private final KitFixtures kafka = new KitFixtures();

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void quarantinesAnUnreadableRecordAndAppliesTheNextOneOfItsPartition() {
        UUID operator = knownOperator();
        UUID invoice = UUID.randomUUID();
        UUID unreadable = UUID.randomUUID();
        kafka.publish(OutboxTestTopics.EVENTS, invoice.toString(), unreadable, EventCatalog.INVOICE_PAID.ceType(),
                KitFixtures.text("{\"invoiceId\": \"not json"));
        Envelope<InvoicePaid> next = KitFixtures.paid(invoice, operator);
        kafka.publish(OutboxTestTopics.EVENTS, next);

        await().atMost(WAIT).until(() -> tables.applied(TestConsumers.EVENTS).contains(next.id()));
        JsonPath held = quarantined(TestConsumers.EVENTS, unreadable);
        assertThat(held.getString("status")).isEqualTo("QUARANTINED");
        assertThat(held.getString("reason")).startsWith("unreadable");
        assertThat(held.getInt("attempts")).isZero();
        assertThat(held.getString("value")).isEqualTo("{\"invoiceId\": \"not json");

        List<ConsumerRecord<String, byte[]>> deadLetters =
                KitFixtures.readAll(Topics.deadLetters(TestConsumers.EVENTS), Duration.ofSeconds(2));
        assertThat(deadLetters).anySatisfy(record -> {
            assertThat(new String(record.value())).isEqualTo("{\"invoiceId\": \"not json");
            assertThat(record.key()).isEqualTo(invoice.toString());
            assertThat(new String(record.headers().lastHeader("ce_id").value())).isEqualTo(unreadable.toString());
            assertThat(new String(record.headers().lastHeader("evsettle-dlq-consumer").value()))
                    .isEqualTo(TestConsumers.EVENTS);
        });
    }

    @Test
    void parksARecordWhoseOperatorHasNotArrivedKeepsItsKeyInOrderAndAppliesBothWhenItArrives() {
        UUID known = knownOperator();
        UUID unknown = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        Envelope<InvoicePaid> waiting = KitFixtures.paid(invoice, unknown);
        Envelope<InvoicePaid> behind = KitFixtures.paid(invoice, known);
        Envelope<InvoicePaid> other = KitFixtures.paid(UUID.randomUUID(), known);
        kafka.publish(OutboxTestTopics.EVENTS, waiting);
        kafka.publish(OutboxTestTopics.EVENTS, behind);
        kafka.publish(OutboxTestTopics.EVENTS, other);

        await().atMost(WAIT).until(() -> tables.applied(TestConsumers.EVENTS).contains(other.id())
                && tables.count("SELECT count(*) FROM parked_event WHERE message_key = ?", invoice.toString()) == 2);
        assertThat(tables.applied(TestConsumers.EVENTS)).doesNotContain(waiting.id(), behind.id());
        JsonPath parked = given().auth().oauth2(TestTokens.platformAdmin())
                .queryParam("consumer", TestConsumers.EVENTS).queryParam("limit", 500)
                .get("/api/parked-events").then().statusCode(200).extract().jsonPath();
        assertThat(parked.getList("items.findAll { it.key == '" + invoice + "' }.awaits"))
                .containsExactly(EventCatalog.OPERATOR.ceType() + "/" + unknown, null);

        kafka.publish(Topics.REGISTRY_OPERATORS, Envelope.of("user-service", KitFixtures.operator(unknown, 1, "Late")));

        await().atMost(WAIT).until(() -> tables.applied(TestConsumers.EVENTS).containsAll(List.of(waiting.id(), behind.id())));
        List<UUID> applied = tables.applied(TestConsumers.EVENTS);
        assertThat(applied.indexOf(waiting.id())).isLessThan(applied.indexOf(behind.id()));
        assertThat(tables.count("SELECT count(*) FROM parked_event WHERE message_key = ?", invoice.toString())).isZero();
    }

    @Test
    void triesARecordThatFailsTwiceAgainAndAppliesItOnce() {
        Envelope<InvoicePaid> flaky = KitFixtures.paid(UUID.randomUUID(), knownOperator());
        faults.failTimes(flaky.id(), 2);
        kafka.publish(OutboxTestTopics.EVENTS, flaky);

        await().atMost(WAIT).until(() -> tables.applied(TestConsumers.EVENTS).contains(flaky.id()));
        assertThat(faults.attempts(flaky.id())).isEqualTo(3);
        assertThat(tables.count("SELECT count(*) FROM applied_event WHERE event_id = ?", flaky.id())).isEqualTo(1);
        assertThat(tables.count("SELECT count(*) FROM quarantined_event WHERE event_id = ?", flaky.id())).isZero();
    }

    @Test
    void quarantinesARecordThatKeepsFailingMovesOnAndReplaysItOnceAfterTheFix() {
        UUID operator = knownOperator();
        UUID invoice = UUID.randomUUID();
        Envelope<InvoicePaid> broken = KitFixtures.paid(invoice, operator);
        Envelope<InvoicePaid> next = KitFixtures.paid(invoice, operator);
        faults.failTimes(broken.id(), -1);
        kafka.publish(OutboxTestTopics.EVENTS, broken);
        kafka.publish(OutboxTestTopics.EVENTS, next);

        await().atMost(WAIT).until(() -> tables.applied(TestConsumers.EVENTS).contains(next.id()));
        JsonPath held = quarantined(TestConsumers.EVENTS, broken.id());
        assertThat(held.getInt("attempts")).isEqualTo(3);
        assertThat(held.getString("reason")).contains("planned failure");
        long id = held.getLong("id");

        given().auth().oauth2(TestTokens.platformAdmin()).post("/api/quarantined-events/" + id + "/replay")
                .then().statusCode(422).body("detail", org.hamcrest.Matchers.containsString("stays quarantined"));
        assertThat(quarantined(TestConsumers.EVENTS, broken.id()).getInt("attempts")).isEqualTo(4);

        faults.heal(broken.id());
        given().auth().oauth2(TestTokens.platformAdmin()).post("/api/quarantined-events/" + id + "/replay")
                .then().statusCode(200).body("outcome", equalTo("APPLIED")).body("event.status", equalTo("REPLAYED"))
                .body("event.resolvedBy", equalTo("platform-admin"));
        given().auth().oauth2(TestTokens.platformAdmin()).post("/api/quarantined-events/" + id + "/replay")
                .then().statusCode(200).body("outcome", equalTo("UNCHANGED"));
        assertThat(tables.count("SELECT count(*) FROM applied_event WHERE event_id = ?", broken.id())).isEqualTo(1);
        given().auth().oauth2(TestTokens.platformAdmin()).contentType("application/json")
                .body("{\"reason\": \"too late\"}").post("/api/quarantined-events/" + id + "/discard")
                .then().statusCode(409);
    }

    @Test
    void appliesABatchWithABadRecordOneAtATimeSoThatTheOthersAreApplied() {
        UUID operator = knownOperator();
        Envelope<InvoicePaid> first = KitFixtures.paid(UUID.randomUUID(), operator);
        Envelope<InvoicePaid> broken = KitFixtures.paid(UUID.randomUUID(), operator);
        Envelope<InvoicePaid> waiting = KitFixtures.paid(UUID.randomUUID(), UUID.randomUUID());
        Envelope<InvoicePaid> last = KitFixtures.paid(UUID.randomUUID(), operator);
        faults.failTimes(broken.id(), -1);
        List.of(first, broken, waiting, last).forEach(envelope -> kafka.publish(OutboxTestTopics.BATCHES, envelope));

        await().atMost(WAIT).until(() -> tables.applied(TestConsumers.BATCHES).containsAll(List.of(first.id(), last.id()))
                && tables.count("SELECT count(*) FROM quarantined_event WHERE event_id = ?", broken.id()) == 1);
        assertThat(tables.count("SELECT count(*) FROM parked_event WHERE event_id = ?", waiting.id())).isEqualTo(1);
        assertThat(tables.count("SELECT count(*) FROM applied_event WHERE event_id IN (?, ?)", first.id(), last.id()))
                .isEqualTo(2);
    }

    @Test
    void showsQuarantinedAndParkedRecordsOnlyToPlatformAdmins() {
        given().auth().oauth2(TestTokens.operatorAdmin(UUID.randomUUID())).get("/api/quarantined-events")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.driver(UUID.randomUUID(), UUID.randomUUID())).get("/api/parked-events")
                .then().statusCode(403);
        given().get("/api/quarantined-events").then().statusCode(401);
        given().auth().oauth2(TestTokens.platformAdmin()).queryParam("status", "replayed").get("/api/quarantined-events")
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.platformAdmin()).queryParam("status", "lost").get("/api/quarantined-events")
                .then().statusCode(400).body("violations[0].field", equalTo("status"));
        given().auth().oauth2(TestTokens.platformAdmin()).get("/api/quarantined-events/999999999")
                .then().statusCode(404).contentType("application/problem+json");
    }

    /** An operator the registry told about, known to the test application. */
    private UUID knownOperator() {
        UUID id = UUID.randomUUID();
        kafka.publish(Topics.REGISTRY_OPERATORS, Envelope.of("user-service", KitFixtures.operator(id, 1, "Known")));
        await().atMost(WAIT).until(() -> tables.count("SELECT count(*) FROM known_operator WHERE id = ?", id) == 1);
        return id;
    }

    private JsonPath quarantined(String consumer, UUID eventId) {
        await().atMost(WAIT).until(() -> tables.count("SELECT count(*) FROM quarantined_event WHERE event_id = ?",
                eventId) == 1);
        JsonPath page = given().auth().oauth2(TestTokens.platformAdmin()).queryParam("consumer", consumer)
                .queryParam("limit", 500).get("/api/quarantined-events").then().statusCode(200).extract().jsonPath();
        long id = page.getLong("items.find { it.eventId == '" + eventId + "' }.id");
        return given().auth().oauth2(TestTokens.platformAdmin()).get("/api/quarantined-events/" + id)
                .then().statusCode(200).extract().jsonPath();
    }
}
