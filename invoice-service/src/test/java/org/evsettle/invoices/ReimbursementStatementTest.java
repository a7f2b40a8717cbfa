package org.evsettle.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.invoices.InvoiceFixtures.TARIFFS;
import static org.evsettle.invoices.InvoiceFixtures.aPrice;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.tariffs.SessionPriced;
import org.evsettle.events.tariffs.SessionRepriced;
import org.evsettle.invoices.documents.PdfText;
import org.evsettle.invoices.documents.Schemas;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Home charging reimbursed (docs/companies.md): an employee's reimbursed sessions gather on a reimbursement statement
 * held to the monthly cap, issued in its own series without VAT, paid out in a pain.001.001.09 credit transfer that
 * its schema accepts, PAID once executed; a correction after the payout goes on a supplementary statement.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ReimbursementStatementTest {

    private static final String ANNAS_IBAN = "NL44RABO0123456789";

    @Test
    void capsTheMonthIssuesTheStatementAndPaysItOutBySepaOnce() throws Exception {
        Scenario company = new Scenario().operator(o -> o.prefix("REI"));
        UUID anna = company.driver(d -> d.name("Anna de Vries").payoutIban(ANNAS_IBAN));
        UUID bob = company.driver(d -> d.name("Bob Jansen"));
        UUID partner = company.driver(d -> d.name("Bram de Vries"));
        List<SessionPriced> prices = List.of(
                home(company, anna, "2026-03-03T19:00:00Z", "20.00"),
                home(company, anna, "2026-03-10T19:00:00Z", "25.00"),
                home(company, anna, "2026-03-17T19:00:00Z", "15.00"),
                home(company, bob, "2026-03-04T19:00:00Z", "5.00"),
                aPrice(p -> p.operator(company.operatorId).driver(partner).startedAt("2026-03-05T19:00:00Z").notBilled()));
        prices.forEach(price -> company.topics.publish(TARIFFS, price));

        company.awaitOpenLines(anna, 4);
        company.awaitOpenLines(bob, 1);
        prices.forEach(price -> company.topics.publish(TARIFFS, price));
        String statementId = company.only(anna, "REIMBURSEMENT", "OPEN");
        JsonPath open = company.invoice(statementId);
        assertThat(open.getList("lines.description")).contains("Monthly cap 2026-03");
        assertThat(open.getString("grossAmount")).isEqualTo("50.00");
        assertThat(open.getString("vatAmount")).isEqualTo("0.00");
        assertThat(company.documentsOf(partner).getList("items")).isEmpty();
        company.driverOf(anna).get("/api/me/invoices").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].kind", equalTo("REIMBURSEMENT"));

        company.run("2026-03-01");
        company.run("2026-03-01");
        JsonPath issued = company.invoice(statementId);
        assertThat(issued.getString("status")).isEqualTo("ISSUED");
        assertThat(issued.getString("number")).isEqualTo("REI-R-" + Scenario.today().getYear() + "-000001");
        assertThat(issued.getString("grossAmount")).isEqualTo("50.00");
        assertThat(company.only(bob, "REIMBURSEMENT", "ISSUED")).isNotNull();
        String pdf = PdfText.of(company.driverOf(anna).get("/api/invoices/{id}/pdf", statementId).then().statusCode(200)
                .extract().asByteArray());
        assertThat(pdf).contains("Nummer overzicht", issued.getString("number"), "€ 50,00", "NL** **** 6789", "geen btw");
        company.admin().get("/api/operators/{o}/receivables", company.operatorId).then().statusCode(200)
                .body("totals", hasSize(0));

        JsonPath batch = company.admin().contentType("application/json").body(Map.of())
                .post("/api/operators/{o}/payouts", company.operatorId).then().statusCode(201).extract().jsonPath();
        assertThat(batch.getList("payouts.number")).containsExactly(issued.getString("number"));
        assertThat(batch.getString("controlSum")).isEqualTo("50.00");
        assertThat(batch.getList("skipped.reason")).containsExactly("the employee has no payout IBAN");
        String pain = company.admin().get("/api/operators/{o}/payouts/{b}/pain.001", company.operatorId,
                batch.getString("id")).then().statusCode(200).extract().asString();
        Schemas.validate(pain, Schemas.PAIN_001);
        assertThat(pain).contains(ANNAS_IBAN, "Reimbursement statement " + issued.getString("number"),
                "<InstdAmt Ccy=\"EUR\">50.00</InstdAmt>", "<NbOfTxs>1</NbOfTxs>");
        // a statement is paid out once: nothing is left to batch
        company.admin().contentType("application/json").body(Map.of())
                .post("/api/operators/{o}/payouts", company.operatorId).then().statusCode(409);

        for (int i = 0; i < 2; i++) {
            company.admin().contentType("application/json").body(Map.of("executedOn", "2026-04-03"))
                    .post("/api/operators/{o}/payouts/{b}/execution", company.operatorId, batch.getString("id"))
                    .then().statusCode(200).body("status", equalTo("EXECUTED"));
        }
        JsonPath paid = company.invoice(statementId);
        assertThat(paid.getString("status")).isEqualTo("PAID");
        assertThat(paid.getString("settledOn")).isEqualTo("2026-04-03");

        JsonPath totals = company.admin().get("/api/operators/{o}/reimbursements?from=2026-03&to=2026-03",
                company.operatorId).then().statusCode(200).extract().jsonPath();
        assertThat(totals.getList("items.driverName")).containsExactly("Anna de Vries", "Bob Jansen");
        assertThat(totals.getInt("items[0].sessions")).isEqualTo(3);
        assertThat(totals.getString("items[0].amount")).isEqualTo("50.00");
        String csv = company.admin().get("/api/operators/{o}/reimbursements.csv?from=2026-03&to=2026-03&lang=en",
                company.operatorId).then().statusCode(200).extract().asString();
        assertThat(csv.lines().toList()).hasSize(3).first().asString().startsWith("Employee id,Employee,Month");
        assertThat(csv).contains("Anna de Vries,2026-03,3,");

        as(TestTokens.operatorAdmin(UUID.randomUUID())).get("/api/operators/{o}/payouts/{b}", company.operatorId,
                batch.getString("id")).then().statusCode(404);
    }

    @Test
    void aCorrectionAfterThePayoutGoesOnASupplementaryStatementNeverOnThePaidOne() {
        Scenario company = new Scenario().operator(o -> o.prefix("RES"));
        UUID anna = company.driver(d -> d.name("Anna de Vries").payoutIban(ANNAS_IBAN));
        SessionPriced price = home(company, anna, "2026-03-03T19:00:00Z", "10.00");
        company.topics.publish(TARIFFS, price);
        company.awaitOpenLines(anna, 1);
        company.run("2026-03-01");
        String paidId = company.only(anna, "REIMBURSEMENT", "ISSUED");
        String batch = company.admin().contentType("application/json").body(Map.of())
                .post("/api/operators/{o}/payouts", company.operatorId).then().statusCode(201).extract().path("id");
        company.admin().contentType("application/json").body(Map.of("executedOn", "2026-04-03"))
                .post("/api/operators/{o}/payouts/{b}/execution", company.operatorId, batch).then().statusCode(200);

        SessionPriced lower = aPrice(p -> p.session(price.sessionId()).operator(company.operatorId).driver(anna)
                .startedAt("2026-03-03T19:00:00Z").net("8.00").reimbursement(null));
        SessionRepriced correction = new SessionRepriced(price.sessionId(), 1, lower, "reimbursement rate corrected");
        company.topics.publish(TARIFFS, correction);
        company.topics.publish(TARIFFS, correction);

        company.awaitOpenLines(anna, 2);
        JsonPath supplementary = company.invoice(company.only(anna, "REIMBURSEMENT", "OPEN"));
        assertThat(supplementary.getList("lines.grossAmount").stream().map(amount -> new BigDecimal(amount.toString())))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactlyInAnyOrder(new BigDecimal("-10.00"), new BigDecimal("8.00"));
        assertThat(supplementary.getString("grossAmount")).isEqualTo("-2.00");
        JsonPath paid = company.invoice(paidId);
        assertThat(paid.getString("status")).isEqualTo("PAID");
        assertThat(paid.getInt("lineCount")).isEqualTo(1);
        assertThat(paid.getString("grossAmount")).isEqualTo("10.00");

        company.run("2026-04-01");
        JsonPath issued = company.invoice(supplementary.getString("id"));
        assertThat(issued.getString("number")).isEqualTo("RES-R-" + Scenario.today().getYear() + "-000002");
        JsonPath totals = company.admin().get("/api/operators/{o}/reimbursements?from=2026-03&to=2026-03",
                company.operatorId).then().statusCode(200).extract().jsonPath();
        assertThat(totals.getInt("items[0].sessions")).as("the corrected session counts once").isEqualTo(1);
        assertThat(totals.getString("items[0].amount")).isEqualTo("8.00");
    }

    private static SessionPriced home(Scenario company, UUID employee, String startedAt, String amount) {
        return aPrice(p -> p.operator(company.operatorId).driver(employee).startedAt(startedAt).net(amount)
                .reimbursement("50.00"));
    }

    private static io.restassured.specification.RequestSpecification as(String token) {
        return InvoicingTest.as(token);
    }
}
