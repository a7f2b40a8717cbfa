package org.evsettle.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.invoices.InvoicingTest.as;
import static org.evsettle.invoices.InvoicingTest.decimal;
import static org.evsettle.invoices.Scenario.number;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.invoices.InvoicePaid;
import org.evsettle.events.invoices.InvoiceUpdated;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class PaymentTest {

    @Test
    void aPartialPaymentLeavesTheRestOutstandingAndTheOneThatCompletesItPublishesInvoicePaid() {
        Scenario operator = new Scenario().operator(o -> o.prefix("PAY"));
        UUID anna = operator.driver(d -> d.name("Anna de Vries"));
        operator.charge(anna, "2026-10-03T10:00:00Z", "10.00");
        operator.awaitOpenLines(anna, 1);
        operator.run("2026-10-01");
        String invoiceId = operator.only(anna, "INVOICE", "ISSUED");

        operator.admin().contentType("application/json")
                .body(Map.of("amount", "5.00", "paidOn", "2026-11-02", "reference", "bank 123"))
                .post("/api/invoices/{id}/payments", invoiceId).then().statusCode(201)
                .body("amount", equalTo(decimal("5.00"))).body("method", equalTo("TRANSFER"));
        JsonPath partly = operator.invoice(invoiceId);
        assertThat(partly.getString("status")).isEqualTo("PARTIALLY_PAID");
        assertThat(new BigDecimal(partly.getString("outstandingAmount"))).isEqualByComparingTo("7.10");

        operator.admin().contentType("application/json").body(Map.of("amount", "7.11", "paidOn", "2026-11-03"))
                .post("/api/invoices/{id}/payments", invoiceId).then().statusCode(422)
                .contentType("application/problem+json");
        operator.admin().contentType("application/json").body(Map.of("amount", "7.10", "paidOn", "2026-11-03"))
                .post("/api/invoices/{id}/payments", invoiceId).then().statusCode(201);

        JsonPath paid = operator.invoice(invoiceId);
        assertThat(paid.getString("status")).isEqualTo("PAID");
        assertThat(paid.getString("settledOn")).isEqualTo("2026-11-03");
        assertThat(paid.getList("payments")).hasSize(2);
        operator.driverOf(anna).get("/api/invoices/{id}/payments?limit=1", invoiceId).then().statusCode(200)
                .body("items.amount", contains(decimal("5.00"))).body("next", notNullValue());
        assertThat(operator.awaitEvents(InvoicePaid.class, e -> e.invoiceId().toString().equals(invoiceId), 1))
                .singleElement().satisfies(e -> {
                    assertThat(e.number()).isEqualTo(number("PAY", 1));
                    assertThat(e.paidOn()).hasToString("2026-11-03");
                    assertThat(e.amountPaid()).isEqualByComparingTo("12.10");
                });
        assertThat(operator.awaitEvents(InvoiceUpdated.class, e -> e.invoiceId().toString().equals(invoiceId), 4))
                .extracting(InvoiceUpdated::status).containsSubsequence("ISSUED", "PARTIALLY_PAID", "PAID");
        operator.admin().contentType("application/json").body(Map.of("amount", "1.00", "paidOn", "2026-11-03"))
                .post("/api/invoices/{id}/payments", invoiceId).then().statusCode(422);
    }

    @Test
    void refusesPaymentsThatAreMalformedOnAnOpenInvoiceOrNotTheCallersToBook() {
        Scenario operator = new Scenario().operator(o -> o.prefix("BAD"));
        UUID anna = operator.driver(d -> d.name("Anna de Vries"));
        operator.charge(anna, "2026-10-03T10:00:00Z", "10.00");
        operator.awaitOpenLines(anna, 1);
        String open = operator.only(anna, "INVOICE", "OPEN");

        operator.admin().contentType("application/json").body(Map.of("amount", "1.00", "paidOn", "2026-11-03"))
                .post("/api/invoices/{id}/payments", open).then().statusCode(422);
        operator.admin().contentType("application/json").body(Map.of("amount", "-1.00", "paidOn", "2026-11-03"))
                .post("/api/invoices/{id}/payments", open).then().statusCode(400)
                .body("violations[0].field", equalTo("amount"));
        operator.admin().contentType("application/json").body(Map.of("amount", "1.001", "paidOn", "2026-11-03"))
                .post("/api/invoices/{id}/payments", open).then().statusCode(400);
        operator.admin().contentType("application/json").body(Map.of("amount", "1.00", "paidOn", "2999-01-01"))
                .post("/api/invoices/{id}/payments", open).then().statusCode(400)
                .body("violations[0].field", equalTo("paidOn"));
        operator.driverOf(anna).contentType("application/json").body(Map.of("amount", "1.00", "paidOn", "2026-11-03"))
                .post("/api/invoices/{id}/payments", open).then().statusCode(403);
        as(TestTokens.operatorAdmin(UUID.randomUUID())).contentType("application/json")
                .body(Map.of("amount", "1.00", "paidOn", "2026-11-03"))
                .post("/api/invoices/{id}/payments", open).then().statusCode(404);
    }

    @Test
    void importsABankStatementOnceMatchingByReferenceOrNumberAndReportsTheRest() {
        Scenario operator = new Scenario().operator(o -> o.prefix("BANK"));
        UUID anna = operator.driver(d -> d.name("Anna de Vries"));
        UUID bob = operator.driver(d -> d.name("Bob Jansen"));
        operator.charge(anna, "2026-10-03T10:00:00Z", "10.00");
        operator.charge(bob, "2026-10-04T10:00:00Z", "20.00");
        operator.awaitOpenLines(anna, 1);
        operator.awaitOpenLines(bob, 1);
        operator.run("2026-10-01");
        JsonPath annas = operator.invoice(operator.only(anna, "INVOICE", "ISSUED"));
        JsonPath bobs = operator.invoice(operator.only(bob, "INVOICE", "ISSUED"));
        String statement = "\"Datum\";\"Naam / Omschrijving\";\"Tegenrekening\";\"Af Bij\";\"Bedrag (EUR)\";\"Mededelingen\"\r\n"
                + "\"20261105\";\"A. de Vries\";\"NL44RABO0123456789\";\"Bij\";\"12,10\";\""
                + CreditorReference.printed(annas.getString("paymentReference")) + "\"\r\n"
                + "\"20261106\";\"B. Jansen\";\"NL20INGB0001234567\";\"Bij\";\"10,00\";\"factuur " + bobs.getString("number") + "\"\r\n"
                + "\"20261106\";\"Onbekend\";\"NL20INGB0001234567\";\"Bij\";\"3,00\";\"laadpas\"\r\n"
                + "\"20261107\";\"Energie BV\";\"NL91ABNA0417164300\";\"Af\";\"50,00\";\"incasso\"\r\n";

        JsonPath result = operator.admin().contentType("text/csv").body(statement)
                .post("/api/operators/{o}/bank-statements", operator.operatorId).then().statusCode(200)
                .extract().jsonPath();

        assertThat(result.getInt("rows")).isEqualTo(4);
        assertThat(result.getInt("booked")).isEqualTo(2);
        assertThat(new BigDecimal(result.getString("bookedAmount"))).isEqualByComparingTo("22.10");
        assertThat(result.getInt("outgoing")).isEqualTo(1);
        assertThat(result.getList("unmatched")).hasSize(1);
        assertThat(result.getInt("unmatched[0].line")).isEqualTo(4);
        assertThat(operator.invoice(annas.getString("id")).getString("status")).isEqualTo("PAID");
        JsonPath bobsNow = operator.invoice(bobs.getString("id"));
        assertThat(bobsNow.getString("status")).isEqualTo("PARTIALLY_PAID");
        assertThat(bobsNow.getString("payments[0].paidOn")).isEqualTo("2026-11-06");

        JsonPath again = operator.admin().contentType("text/csv").body(statement)
                .post("/api/operators/{o}/bank-statements", operator.operatorId).then().statusCode(200)
                .extract().jsonPath();
        assertThat(again.getInt("booked")).isZero();
        assertThat(again.getInt("alreadyImported")).isEqualTo(2);
        assertThat(operator.invoice(bobs.getString("id")).getList("payments")).hasSize(1);

        operator.admin().contentType("text/csv").body("no,header,here\n1,2,3\n")
                .post("/api/operators/{o}/bank-statements", operator.operatorId).then().statusCode(400)
                .contentType("application/problem+json");
        as(TestTokens.operatorAdmin(UUID.randomUUID())).contentType("text/csv").body(statement)
                .post("/api/operators/{o}/bank-statements", operator.operatorId).then().statusCode(404);
    }

    @Test
    void matchesABelgianStatementLineByTheStructuredCommunicationAsTheBankWritesItAndRefusesAWrongCheckDigit() {
        Scenario operator = new Scenario().operator(o -> o.prefix("OGM").belgian());
        UUID marie = operator.driver(d -> d.name("Marie Dubois"));
        UUID luc = operator.driver(d -> d.name("Luc Peeters"));
        operator.charge(marie, "2026-10-03T10:00:00Z", "10.00");
        operator.charge(luc, "2026-10-04T10:00:00Z", "20.00");
        operator.awaitOpenLines(marie, 1);
        operator.awaitOpenLines(luc, 1);
        operator.run("2026-10-01");
        JsonPath maries = operator.invoice(operator.only(marie, "INVOICE", "ISSUED"));
        JsonPath lucs = operator.invoice(operator.only(luc, "INVOICE", "ISSUED"));
        String communication = maries.getString("paymentReference");
        assertThat(StructuredCommunication.isValid(communication)).isTrue();
        // as a Belgian bank exports it: the twelve digits without +++ and slashes
        String digits = StructuredCommunication.digits(communication);
        String lucsDigits = StructuredCommunication.digits(lucs.getString("paymentReference"));
        String wrongCheck = lucsDigits.substring(0, 10) + String.format("%02d", (Integer.parseInt(lucsDigits.substring(10)) % 97) + 1);
        String statement = "Datum;Naam;Rekening tegenpartij;Bedrag;Mededeling\r\n"
                + "05/11/2026;M. Dubois;BE68539007547034;12,10;" + digits + "\r\n"
                + "06/11/2026;L. Peeters;BE68539007547034;24,20;" + wrongCheck + "\r\n";

        JsonPath result = operator.admin().contentType("text/csv").body(statement)
                .post("/api/operators/{o}/bank-statements", operator.operatorId).then().statusCode(200)
                .extract().jsonPath();

        assertThat(result.getInt("booked")).isEqualTo(1);
        assertThat(result.getString("bookings[0].invoiceId")).isEqualTo(maries.getString("id"));
        assertThat(operator.invoice(maries.getString("id")).getString("status")).isEqualTo("PAID");
        assertThat(result.getList("unmatched")).hasSize(1);
        assertThat(result.getInt("unmatched[0].line")).isEqualTo(3);
        assertThat(operator.invoice(lucs.getString("id")).getString("status")).isEqualTo("ISSUED");
    }

    @Test
    void aWrittenOffInvoiceIsNoLongerOutstandingUntilItIsPaidAfterAll() {
        Scenario operator = new Scenario().operator(o -> o.prefix("WOFF"));
        UUID anna = operator.driver(d -> d.name("Anna de Vries"));
        operator.charge(anna, "2026-10-03T10:00:00Z", "10.00");
        operator.awaitOpenLines(anna, 1);
        operator.run("2026-10-01");
        String invoiceId = operator.only(anna, "INVOICE", "ISSUED");

        operator.admin().contentType("application/json").body(Map.of("reason", "Moved abroad, unreachable"))
                .post("/api/invoices/{id}/write-off", invoiceId).then().statusCode(200)
                .body("status", equalTo("WRITTEN_OFF")).body("outstandingAmount", equalTo(decimal("0.00")))
                .body("reason", equalTo("Moved abroad, unreachable"));
        operator.admin().get("/api/operators/{o}/receivables", operator.operatorId).then().statusCode(200)
                .body("totals", hasSize(1)).body("totals[0].receivableInvoices", equalTo(0));
        operator.admin().contentType("application/json").body(Map.of("reason", "again"))
                .post("/api/invoices/{id}/write-off", invoiceId).then().statusCode(422);

        operator.admin().contentType("application/json").body(Map.of("amount", "12.10", "paidOn", "2026-11-20"))
                .post("/api/invoices/{id}/payments", invoiceId).then().statusCode(201);
        assertThat(operator.invoice(invoiceId).getString("status")).isEqualTo("PAID");
        assertThat(operator.awaitEvents(InvoicePaid.class, e -> e.invoiceId().toString().equals(invoiceId), 1)).hasSize(1);
    }
}
