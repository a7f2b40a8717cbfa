package org.evsettle.invoices;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.invoices.InvoiceFixtures.REGISTRY;
import static org.evsettle.invoices.InvoiceFixtures.TARIFFS;
import static org.evsettle.invoices.InvoiceFixtures.aDriver;
import static org.evsettle.invoices.InvoiceFixtures.aPrice;
import static org.evsettle.invoices.InvoiceFixtures.anOperator;
import static org.evsettle.invoices.InvoicingTest.admin;
import static org.evsettle.invoices.InvoicingTest.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.UUID;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.evsettle.testkit.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class InvoiceAccessTest {

    private final TopicProbe topics = Scenario.TOPICS;
    private final UUID operatorId = UUID.randomUUID();
    private final UUID otherOperatorId = UUID.randomUUID();
    private final UUID anna = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private String annasInvoice;

    @BeforeEach
    void billAnnaOnce() {
        topics.publish(REGISTRY, anOperator(operatorId, 0, "Woonstichting De Linde", "MONTHLY"));
        topics.publish(REGISTRY, anOperator(otherOperatorId, 0, "VvE Het Anker", "MONTHLY"));
        topics.publish(REGISTRY, aDriver(anna, 0, operatorId, "Anna de Vries"));
        topics.publish(REGISTRY, aDriver(bob, 0, operatorId, "Bob Jansen"));
        topics.publish(TARIFFS, aPrice(p -> p.operator(operatorId).driver(anna).startedAt("2026-09-09T09:00:00Z")));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> admin().get("/api/invoices?driverId={d}", anna)
                .then().statusCode(200).body("items", hasSize(1)));
        annasInvoice = admin().get("/api/invoices?driverId={d}", anna).then().extract().path("items[0].id");
    }

    @Test
    void showsAnOperatorAdminTheOwnOperatorsInvoicesOnly() {
        String own = TestTokens.operatorAdmin(operatorId);
        String other = TestTokens.operatorAdmin(otherOperatorId);

        as(own).get("/api/invoices").then().statusCode(200).body("items.id", hasItem(annasInvoice))
                .body("items.operatorId", not(hasItem(not(equalTo(operatorId.toString())))));
        as(own).get("/api/invoices/{id}", annasInvoice).then().statusCode(200).body("driverId", equalTo(anna.toString()));
        as(other).get("/api/invoices").then().statusCode(200).body("items.id", not(hasItem(annasInvoice)));
        as(other).get("/api/invoices/{id}", annasInvoice).then().statusCode(404)
                .contentType("application/problem+json");
        as(other).get("/api/invoices?operatorId={o}", operatorId).then().statusCode(404);
    }

    @Test
    void showsADriverOnlyTheOwnInvoices() {
        String annasToken = TestTokens.driver(operatorId, anna);
        String bobsToken = TestTokens.driver(operatorId, bob);

        as(annasToken).get("/api/me/invoices").then().statusCode(200).body("items.id", contains(annasInvoice));
        as(annasToken).get("/api/invoices").then().statusCode(200).body("items.id", contains(annasInvoice));
        as(annasToken).get("/api/invoices/{id}", annasInvoice).then().statusCode(200)
                .body("customer.name", equalTo("Anna de Vries"));
        as(bobsToken).get("/api/me/invoices").then().statusCode(200).body("items", hasSize(0));
        as(bobsToken).get("/api/invoices").then().statusCode(200).body("items", hasSize(0));
        as(bobsToken).get("/api/invoices/{id}", annasInvoice).then().statusCode(404);
        as(bobsToken).get("/api/invoices?driverId={d}", anna).then().statusCode(404);
        // the same driver id under another operator's token is someone else
        as(TestTokens.driver(otherOperatorId, anna)).get("/api/invoices/{id}", annasInvoice).then().statusCode(404);
    }

    @Test
    void trustsADriversTokenOnlyWhileTheRegistryLinksTheDriverToItsAccount() {
        String annasToken = TestTokens.driver(operatorId, anna);
        as(annasToken).get("/api/invoices/{id}", annasInvoice).then().statusCode(200);
        // a token of another account that names Anna is not Anna
        String forged = TestTokens.driver(operatorId, anna, "someone-else");
        as(forged).get("/api/invoices/{id}", annasInvoice).then().statusCode(404);
        as(forged).get("/api/me/invoices").then().statusCode(404).contentType("application/problem+json");

        // user-service unlinks Anna's account: once the registry says so, her tokens are nobody here
        topics.publish(REGISTRY, aDriver(anna, operatorId, d -> d.revision(1).name("Anna de Vries").account(null)));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(annasToken)
                .get("/api/invoices/{id}", annasInvoice).then().statusCode(404));
        as(annasToken).get("/api/me/invoices").then().statusCode(404);
        as(annasToken).get("/api/invoices").then().statusCode(404);
        // her operator's admin still sees the invoice
        admin().get("/api/invoices/{id}", annasInvoice).then().statusCode(200);
    }

    @Test
    void filtersByStatusAndRejectsAnUnknownStatus() {
        admin().get("/api/invoices?driverId={d}&status=OPEN", anna).then().statusCode(200)
                .body("items.id", contains(annasInvoice));
        admin().get("/api/invoices?driverId={d}&status=ISSUED", anna).then().statusCode(200).body("items", hasSize(0));
        admin().get("/api/invoices?status=LOST").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("status"));
    }

    @Test
    void filtersByPeriodAndKindAndRejectsWhatIsNoFilter() {
        admin().get("/api/invoices?driverId={d}&period=2026-09-30", anna).then().statusCode(200)
                .body("items.id", contains(annasInvoice));
        admin().get("/api/invoices?driverId={d}&period=2026-10-01", anna).then().statusCode(200).body("items", hasSize(0));
        admin().get("/api/invoices?driverId={d}&kind=invoice", anna).then().statusCode(200)
                .body("items.id", contains(annasInvoice));
        admin().get("/api/invoices?driverId={d}&kind=CREDIT_NOTE", anna).then().statusCode(200).body("items", hasSize(0));
        as(TestTokens.driver(operatorId, anna)).get("/api/me/invoices?period=2026-09-01").then().statusCode(200)
                .body("items.id", contains(annasInvoice));
        admin().get("/api/invoices?period=last-week").then().statusCode(400).body("violations[0].field", equalTo("period"));
        admin().get("/api/invoices?kind=RECEIPT").then().statusCode(400).body("violations[0].field", equalTo("kind"))
                .body("detail", containsString("INVOICE, CREDIT_NOTE, STATEMENT"));
        as(TestTokens.driver(operatorId, anna)).get("/api/me/invoices?status=unpaid").then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
    }

    @Test
    void pagesThroughTheDocumentsOfAnOperatorNewestPeriodFirstWithoutRepeatingOne() {
        topics.publish(TARIFFS, aPrice(p -> p.operator(operatorId).driver(anna).startedAt("2026-07-09T09:00:00Z")));
        topics.publish(TARIFFS, aPrice(p -> p.operator(operatorId).driver(bob).startedAt("2026-08-09T09:00:00Z")));
        String own = TestTokens.operatorAdmin(operatorId);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(own).get("/api/invoices").then().statusCode(200)
                .body("items", hasSize(3)));

        JsonPath first = as(own).get("/api/invoices?limit=2").then().statusCode(200).extract().jsonPath();
        JsonPath second = as(own).queryParam("cursor", first.getString("next")).get("/api/invoices?limit=2").then()
                .statusCode(200).extract().jsonPath();

        assertThat(first.getList("items.periodStart")).containsExactly("2026-09-01", "2026-08-01");
        assertThat(second.getList("items.periodStart")).containsExactly("2026-07-01");
        assertThat(second.getString("next")).isNull();
        assertThat(first.getList("items.id")).doesNotContainAnyElementsOf(second.getList("items.id"));
        admin().get("/api/invoices?limit=0").then().statusCode(400).body("violations[0].field", equalTo("limit"));
        admin().get("/api/invoices?limit=501").then().statusCode(400).body("violations[0].field", equalTo("limit"));
        admin().get("/api/invoices?cursor=not-a-cursor").then().statusCode(400).body("violations[0].field", equalTo("cursor"));
    }

    @Test
    void answersAListFilteredToADriverOfAnotherOperatorWithNotFound() {
        UUID stranger = UUID.randomUUID();
        topics.publish(REGISTRY, aDriver(stranger, 0, otherOperatorId, "Carla Smits"));
        // the driver's own operator sees the (empty) list once the registry has told about the driver
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(TestTokens.operatorAdmin(otherOperatorId))
                .get("/api/invoices?driverId={d}", stranger).then().statusCode(200).body("items", hasSize(0)));

        as(TestTokens.operatorAdmin(operatorId)).get("/api/invoices?driverId={d}", stranger).then().statusCode(404)
                .contentType("application/problem+json");
        as(TestTokens.operatorAdmin(operatorId)).get("/api/invoices?driverId={d}", UUID.randomUUID()).then()
                .statusCode(404);
        as(TestTokens.driver(otherOperatorId, UUID.randomUUID())).get("/api/invoices?driverId={d}", stranger).then()
                .statusCode(404);
    }

    @Test
    void showsAnOperatorAdminTheTotalsOfTheOwnOperatorOnly() {
        as(TestTokens.operatorAdmin(operatorId)).get("/api/operators/{o}/receivables", operatorId).then().statusCode(200)
                .body("operatorId", equalTo(operatorId.toString()))
                .body("totals", hasSize(1))
                .body("totals[0].currency", equalTo("EUR"))
                .body("totals[0].openInvoices", equalTo(1))
                .body("totals[0].openGrossAmount", equalTo(InvoicingTest.decimal("5.23")))
                .body("totals[0].receivableInvoices", equalTo(0))
                .body("totals[0].outstandingAmount", equalTo(InvoicingTest.decimal("0.00")));
        as(TestTokens.operatorAdmin(otherOperatorId)).get("/api/operators/{o}/receivables", operatorId).then()
                .statusCode(404);
        as(TestTokens.driver(operatorId, anna)).get("/api/operators/{o}/receivables", operatorId).then().statusCode(403);
    }

    @Test
    void answersOnlyRequestsWithAValidToken() {
        given().get("/api/invoices").then().statusCode(401);
        given().get("/api/invoices/{id}", annasInvoice).then().statusCode(401);
        given().get("/api/me/invoices").then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/api/invoices").then().statusCode(401);
        as(TestTokens.operatorAdmin(operatorId)).get("/api/me/invoices").then().statusCode(403);
    }
}
