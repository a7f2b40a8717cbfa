package org.evsettle.invoices;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.invoices.InvoiceFixtures.REGISTRY;
import static org.evsettle.invoices.InvoiceFixtures.TARIFFS;
import static org.evsettle.invoices.InvoiceFixtures.aDriver;
import static org.evsettle.invoices.InvoiceFixtures.aPrice;
import static org.evsettle.invoices.InvoiceFixtures.anOperator;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventCatalog;
import org.evsettle.events.Topics;
import org.evsettle.events.invoices.InvoiceUpdated;
import org.evsettle.events.tariffs.SessionPriced;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.evsettle.testkit.TopicProbe;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class InvoicingTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final TopicProbe topics = Scenario.TOPICS;
    private final UUID operatorId = UUID.randomUUID();
    private final UUID driverId = UUID.randomUUID();

    @Test
    void billsAPricedSessionOnAnOpenInvoiceForTheMonthItStartedInLocally() {
        registerOperatorAndDriver("MONTHLY");
        UUID siteId = UUID.randomUUID();
        // 00:30 on 1 April in Amsterdam, still 31 March in UTC
        SessionPriced price = aPrice(p -> p.operator(operatorId).driver(driverId).site(siteId).chargePoint("ZAP-000123")
                .startedAt("2026-03-31T22:30:00Z").energyWh(12_340).net("4.32"));
        topics.publish(TARIFFS, price);

        String invoiceId = awaitInvoices(1).get(0);

        admin().get("/api/invoices?driverId={d}", driverId).then().statusCode(200)
                .body("items[0].operatorId", equalTo(operatorId.toString()))
                .body("items[0].driverId", equalTo(driverId.toString()))
                .body("items[0].status", equalTo("OPEN"))
                .body("items[0].number", nullValue())
                .body("items[0].periodStart", equalTo("2026-04-01"))
                .body("items[0].periodEnd", equalTo("2026-04-30"))
                .body("items[0].currency", equalTo("EUR"))
                .body("items[0].lineCount", equalTo(1))
                .body("items[0].netAmount", equalTo(decimal("4.32")))
                .body("items[0].vatAmount", equalTo(decimal("0.91")))
                .body("items[0].grossAmount", equalTo(decimal("5.23")));
        await().atMost(PATIENCE).untilAsserted(() -> admin().get("/api/invoices/{id}", invoiceId).then()
                .statusCode(200)
                .body("supplier.legalName", equalTo("Woonstichting De Linde"))
                .body("customer.name", equalTo("Anna de Vries")));
        admin().get("/api/invoices/{id}", invoiceId).then().statusCode(200)
                .body("id", equalTo(invoiceId))
                .body("periodStart", equalTo("2026-04-01"))
                .body("grossAmount", equalTo(decimal("5.23")))
                .body("supplier.vatNumber", equalTo("NL001234567B01"))
                .body("supplier.chamberOfCommerceNumber", equalTo("12345678"))
                .body("supplier.iban", equalTo("NL91ABNA0417164300"))
                .body("supplier.address.city", equalTo("Utrecht"))
                .body("customer.address.city", equalTo("Amersfoort"))
                .body("customer.companyName", nullValue())
                .body("vatBreakdown", hasSize(1))
                .body("vatBreakdown[0].rate", equalTo(decimal("0.21")))
                .body("vatBreakdown[0].netAmount", equalTo(decimal("4.32")))
                .body("vatBreakdown[0].vatAmount", equalTo(decimal("0.91")))
                .body("lines", hasSize(1))
                .body("lines[0].sessionId", equalTo(price.sessionId().toString()))
                .body("lines[0].chargePointId", equalTo("ZAP-000123"))
                .body("lines[0].siteId", equalTo(siteId.toString()))
                .body("lines[0].startedAt", equalTo("2026-03-31T22:30:00Z"))
                .body("lines[0].stoppedAt", equalTo("2026-04-01T00:00:00Z"))
                .body("lines[0].energyWh", equalTo(12_340))
                .body("lines[0].energyKwh", equalTo(decimal("12.340")))
                .body("lines[0].description", containsString("2026-04-01 00:30"))
                .body("lines[0].netAmount", equalTo(decimal("4.32")))
                .body("lines[0].vatRate", equalTo(decimal("0.21")))
                .body("lines[0].grossAmount", equalTo(decimal("5.23")))
                .body("lines[0].components", hasSize(1))
                .body("lines[0].components[0].component", equalTo("ENERGY"))
                .body("lines[0].components[0].quantity", equalTo(decimal("12.340")))
                .body("lines[0].components[0].unit", equalTo("kWh"))
                .body("lines[0].components[0].unitPrice", equalTo(decimal("0.35000")))
                .body("lines[0].components[0].amount", equalTo(decimal("4.32")));

        List<InvoiceUpdated> updates = awaitUpdates(invoiceId, 1);
        assertThat(updates).singleElement().satisfies(update -> {
            assertThat(update.operatorId()).isEqualTo(operatorId);
            assertThat(update.driverId()).isEqualTo(driverId);
            assertThat(update.status()).isEqualTo("OPEN");
            assertThat(update.number()).isNull();
            assertThat(update.periodStart()).hasToString("2026-04-01");
            assertThat(update.periodEnd()).hasToString("2026-04-30");
            assertThat(update.lineCount()).isEqualTo(1);
            assertThat(update.netAmount()).isEqualTo(decimal("4.32"));
            assertThat(update.vatAmount()).isEqualTo(decimal("0.91"));
            assertThat(update.grossAmount()).isEqualTo(decimal("5.23"));
        });
    }

    @Test
    void addsASecondSessionOfTheMonthToTheSameInvoiceWithVatOnTheRateTotal() {
        registerOperatorAndDriver("MONTHLY");
        SessionPriced later = aPrice(p -> p.operator(operatorId).driver(driverId).startedAt("2026-05-10T09:00:00Z")
                .net("0.02"));
        SessionPriced earlier = aPrice(p -> p.operator(operatorId).driver(driverId).startedAt("2026-05-03T09:00:00Z")
                .net("0.02"));
        topics.publish(TARIFFS, later);
        topics.publish(TARIFFS, earlier);

        await().atMost(PATIENCE).untilAsserted(() -> admin().get("/api/invoices?driverId={d}", driverId).then()
                .body("items[0].lineCount", equalTo(2)));
        String invoiceId = awaitInvoices(1).get(0);

        // per line, 0.02 x 21% would round to 0.00 twice; on the rate total 0.04 x 21% = 0.0084 is 0.01
        admin().get("/api/invoices/{id}", invoiceId).then().statusCode(200)
                .body("periodStart", equalTo("2026-05-01"))
                .body("netAmount", equalTo(decimal("0.04")))
                .body("vatAmount", equalTo(decimal("0.01")))
                .body("grossAmount", equalTo(decimal("0.05")))
                .body("vatBreakdown[0].vatAmount", equalTo(decimal("0.01")))
                .body("lines.sessionId", contains(earlier.sessionId().toString(), later.sessionId().toString()));
        List<InvoiceUpdated> updates = awaitUpdates(invoiceId, 2);
        assertThat(updates.get(1).revision()).isGreaterThan(updates.get(0).revision());
        assertThat(updates.get(0).lineCount()).isEqualTo(1);
        assertThat(updates.get(1).lineCount()).isEqualTo(2);
        assertThat(updates.get(1).vatAmount()).isEqualTo(decimal("0.01"));
    }

    @Test
    void addsTheAmountsOfTwoSessionsBeforeComputingVat() {
        registerOperatorAndDriver("MONTHLY");
        topics.publish(TARIFFS, aPrice(p -> p.operator(operatorId).driver(driverId)
                .startedAt("2026-02-02T08:00:00Z").net("4.32")));
        topics.publish(TARIFFS, aPrice(p -> p.operator(operatorId).driver(driverId)
                .startedAt("2026-02-27T08:00:00Z").net("4.33")));

        await().atMost(PATIENCE).untilAsserted(() -> admin().get("/api/invoices?driverId={d}", driverId).then()
                .body("items", hasSize(1))
                .body("items[0].lineCount", equalTo(2))
                .body("items[0].netAmount", equalTo(decimal("8.65")))
                .body("items[0].vatAmount", equalTo(decimal("1.82")))
                .body("items[0].grossAmount", equalTo(decimal("10.47"))));
    }

    @Test
    void opensAnotherInvoiceForASessionThatStartedInTheNextMonthLocally() {
        registerOperatorAndDriver("MONTHLY");
        // 23:59 on 30 June and 00:00 on 1 July in Amsterdam (summer time, UTC+2)
        SessionPriced june = aPrice(p -> p.operator(operatorId).driver(driverId).startedAt("2026-06-30T21:59:00Z"));
        SessionPriced july = aPrice(p -> p.operator(operatorId).driver(driverId).startedAt("2026-06-30T22:00:00Z"));
        topics.publish(TARIFFS, june);
        topics.publish(TARIFFS, july);

        awaitInvoices(2);
        admin().get("/api/invoices?driverId={d}", driverId).then().statusCode(200)
                .body("items.periodStart", contains("2026-07-01", "2026-06-01"))
                .body("items.periodEnd", contains("2026-07-31", "2026-06-30"))
                .body("items.lineCount", contains(1, 1));
    }

    @Test
    void billsARedeliveredPriceOnce() {
        registerOperatorAndDriver("MONTHLY");
        SessionPriced price = aPrice(p -> p.operator(operatorId).driver(driverId).startedAt("2026-08-14T12:00:00Z"));
        Envelope<SessionPriced> envelope = Envelope.of(TARIFFS, price);
        topics.publish(envelope);
        topics.publish(envelope);
        // the same price again under a new event id, as a re-run of the tariff service would send it
        topics.publish(TARIFFS, price);

        String invoiceId = awaitInvoices(1).get(0);
        await().during(Duration.ofSeconds(3)).atMost(PATIENCE).untilAsserted(() ->
                admin().get("/api/invoices/{id}", invoiceId).then().statusCode(200)
                        .body("lineCount", equalTo(1))
                        .body("lines", hasSize(1))
                        .body("netAmount", equalTo(decimal("4.32"))));
        assertThat(awaitUpdates(invoiceId, 1)).hasSize(1);
    }

    @Test
    void keepsOnlyTheNewestRegistryStateAndForgetsADeletedDriver() {
        topics.publish(REGISTRY, anOperator(operatorId, 1, "De Linde (old name)", "QUARTERLY"));
        topics.publish(REGISTRY, aDriver(driverId, 0, operatorId, "Anna de Vries"));
        topics.publish(TARIFFS, aPrice(p -> p.operator(operatorId).driver(driverId).startedAt("2026-11-20T12:00:00Z")));
        String invoiceId = awaitInvoices(1).get(0);
        admin().get("/api/invoices/{id}", invoiceId).then()
                .body("periodStart", equalTo("2026-10-01"))
                .body("periodEnd", equalTo("2026-12-31"));

        topics.publish(REGISTRY, anOperator(operatorId, 3, "Woonstichting De Linde", "QUARTERLY"));
        topics.publish(REGISTRY, anOperator(operatorId, 2, "De Linde (stale)", "QUARTERLY"));
        await().atMost(PATIENCE).untilAsserted(() -> admin().get("/api/invoices/{id}", invoiceId).then()
                .body("supplier.legalName", equalTo("Woonstichting De Linde"))
                .body("customer.name", equalTo("Anna de Vries")));
        await().during(Duration.ofSeconds(2)).atMost(PATIENCE).untilAsserted(() ->
                admin().get("/api/invoices/{id}", invoiceId).then()
                        .body("supplier.legalName", equalTo("Woonstichting De Linde")));

        topics.publish(Envelope.tombstone(EventCatalog.DRIVER, REGISTRY, driverId.toString()));
        await().atMost(PATIENCE).untilAsserted(() -> admin().get("/api/invoices/{id}", invoiceId).then()
                .statusCode(200).body("customer", nullValue()).body("lineCount", equalTo(1)));
    }

    private void registerOperatorAndDriver(String billingInterval) {
        topics.publish(REGISTRY, anOperator(operatorId, 0, "Woonstichting De Linde", billingInterval));
        topics.publish(REGISTRY, aDriver(driverId, 0, operatorId, "Anna de Vries"));
    }

    /** The ids of the driver's invoices, newest period first, once there are this many. */
    private List<String> awaitInvoices(int count) {
        await().atMost(PATIENCE).untilAsserted(() -> admin().get("/api/invoices?driverId={d}", driverId).then()
                .statusCode(200).body("items", hasSize(count)));
        return admin().get("/api/invoices?driverId={d}", driverId).then().extract().path("items.id");
    }

    /** The InvoiceUpdated events of the invoice in the order published, once there are this many. */
    private List<InvoiceUpdated> awaitUpdates(String invoiceId, int count) {
        return await().atMost(PATIENCE).until(
                () -> topics.readAll(Topics.INVOICES_EVENTS, InvoiceUpdated.class,
                        u -> u.invoiceId().toString().equals(invoiceId), Duration.ofSeconds(1)),
                updates -> updates.size() >= count);
    }

    static RequestSpecification admin() {
        return as(TestTokens.platformAdmin());
    }

    /** A request with the token whose JSON numbers read as exact decimals. */
    static RequestSpecification as(String token) {
        return given().config(RestAssured.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(NumberReturnType.BIG_DECIMAL))).auth().oauth2(token);
    }

    static BigDecimal decimal(String amount) {
        return new BigDecimal(amount);
    }
}
