package org.evsettle.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.invoices.InvoiceFixtures.REGISTRY;
import static org.evsettle.invoices.InvoiceFixtures.TARIFFS;
import static org.evsettle.invoices.InvoicingTest.as;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.evsettle.events.Event;
import org.evsettle.events.Topics;
import org.evsettle.events.invoices.InvoiceEvent;
import org.evsettle.events.tariffs.SessionPriced;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.evsettle.testkit.TopicProbe;

/**
 * One operator of a test, with its drivers and priced sessions fed in through Kafka as the registry and
 * the tariff service would, and its admin's REST calls. Every scenario is a new operator, so tests that
 * share the service's database and topics do not see each other.
 */
final class Scenario {

    static final Duration PATIENCE = Duration.ofSeconds(120);
    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    /** One producer for every test of the JVM: a producer per test would leave its threads behind. */
    static final TopicProbe TOPICS = new TopicProbe(InfrastructureResource.stack().kafka().bootstrapServers());

    final TopicProbe topics = TOPICS;
    final UUID operatorId = UUID.randomUUID();

    Scenario operator(Consumer<InvoiceFixtures.OperatorBuilder> changes) {
        topics.publish(REGISTRY, InvoiceFixtures.anOperator(operatorId, changes));
        return this;
    }

    UUID driver(Consumer<InvoiceFixtures.DriverBuilder> changes) {
        UUID driverId = UUID.randomUUID();
        topics.publish(REGISTRY, InvoiceFixtures.aDriver(driverId, operatorId, changes));
        return driverId;
    }

    SessionPriced charge(UUID driverId, String startedAt, String net) {
        SessionPriced price = InvoiceFixtures.aPrice(p -> p.operator(operatorId).driver(driverId).startedAt(startedAt).net(net));
        topics.publish(TARIFFS, price);
        return price;
    }

    /**
     * Waits until the driver's open invoices hold this many lines in all and the registry has told the
     * service of the driver (the two arrive on different topics, in no fixed order).
     */
    void awaitOpenLines(UUID driverId, int lines) {
        awaitOpenLines(driverId, lines, true);
    }

    /** As above; an admin's list of a driver answers 404 until the service knows the driver, by record or by price. */
    void awaitOpenLines(UUID driverId, int lines, boolean driverKnown) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(openInvoices(driverId).getList("items.lineCount",
                Integer.class).stream().mapToInt(Integer::intValue).sum()).isEqualTo(lines));
        if (driverKnown) {
            await().atMost(PATIENCE).until(() -> openInvoices(driverId).getList("items.id", String.class).stream()
                    .allMatch(id -> invoice(id).getString("customer.name") != null));
        }
    }

    private JsonPath openInvoices(UUID driverId) {
        return admin().get("/api/invoices?driverId={d}&status=OPEN", driverId).then().statusCode(200).extract().jsonPath();
    }

    /** Bills the period that starts on that day, on request, and answers the run. */
    JsonPath run(String periodStart) {
        return admin().contentType("application/json").body(Map.of("periodStart", periodStart))
                .post("/api/operators/{o}/billing-runs", operatorId).then().statusCode(200).extract().jsonPath();
    }

    /** The driver's documents, newest first: the first page, at most 100, as items. */
    JsonPath documentsOf(UUID driverId) {
        return admin().get("/api/invoices?driverId={d}", driverId).then().statusCode(200).extract().jsonPath();
    }

    /** The id of the driver's only document of this kind and status. */
    String only(UUID driverId, String kind, String status) {
        List<String> ids = admin().get("/api/invoices?driverId={d}&kind={k}&status={s}", driverId, kind, status).then()
                .statusCode(200).extract().jsonPath().getList("items.id");
        if (ids.size() != 1) {
            throw new AssertionError("Expected one " + kind + " " + status + " of driver " + driverId + ", found " + ids);
        }
        return ids.get(0);
    }

    JsonPath invoice(String invoiceId) {
        return admin().get("/api/invoices/{id}", invoiceId).then().statusCode(200).extract().jsonPath();
    }

    void awaitStatus(String invoiceId, String status) {
        await().atMost(PATIENCE).untilAsserted(() -> admin().get("/api/invoices/{id}", invoiceId).then()
                .body("status", equalTo(status)));
    }

    /** The events of this operator's invoices of one type on invoices.events, once there are at least count. */
    <T extends Event & InvoiceEvent> List<T> awaitEvents(Class<T> type, Predicate<T> matching, int count) {
        return await().atMost(PATIENCE).until(
                () -> topics.readAll(Topics.INVOICES_EVENTS, type, matching, Duration.ofSeconds(1)),
                events -> events.size() >= count);
    }

    RequestSpecification admin() {
        return as(TestTokens.operatorAdmin(operatorId));
    }

    RequestSpecification driverOf(UUID driverId) {
        return as(TestTokens.driver(operatorId, driverId));
    }

    static LocalDate today() {
        return LocalDate.ofInstant(Instant.now(), AMSTERDAM);
    }

    /** The number a document gets as the n-th of its series this year. */
    static String number(String prefix, int sequence) {
        return prefix + "-" + today().getYear() + "-" + String.format("%06d", sequence);
    }
}
