package org.evsettle.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.invoices.InvoiceFixtures.TARIFFS;
import static org.evsettle.invoices.Scenario.number;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.invoices.CreditNoteIssued;
import org.evsettle.events.invoices.InvoicePaid;
import org.evsettle.events.tariffs.SessionPriced;
import org.evsettle.events.tariffs.SessionRepriced;
import org.evsettle.testkit.InfrastructureResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class CreditNoteTest {

    @Test
    void aNewPriceReplacesTheLineOnAnOpenInvoice() {
        Scenario operator = new Scenario().operator(o -> o.prefix("OPEN"));
        UUID anna = operator.driver(d -> d.name("Anna de Vries"));
        SessionPriced price = operator.charge(anna, "2026-09-03T10:00:00Z", "4.32");
        operator.awaitOpenLines(anna, 1);

        operator.topics.publish(TARIFFS, repriced(price, 1, "8.64", "meter baseline corrected"));

        String invoiceId = operator.only(anna, "INVOICE", "OPEN");
        await().atMost(Scenario.PATIENCE).untilAsserted(() -> operator.admin().get("/api/invoices/{id}", invoiceId)
                .then().body("lines[0].priceRevision", equalTo(1)));
        JsonPath invoice = operator.invoice(invoiceId);
        assertThat(invoice.getInt("lineCount")).isEqualTo(1);
        assertThat(new BigDecimal(invoice.getString("netAmount"))).isEqualByComparingTo("8.64");
        assertThat(invoice.getString("lines[0].note")).contains("meter baseline corrected");
        assertThat(operator.documentsOf(anna).getList("items.id")).hasSize(1);
    }

    @Test
    void aNewPriceAfterIssueIsCreditedAndBilledAgainOnTheNextInvoice() {
        Scenario operator = new Scenario().operator(o -> o.prefix("CORR"));
        UUID anna = operator.driver(d -> d.name("Anna de Vries"));
        SessionPriced wrong = operator.charge(anna, "2026-09-03T10:00:00Z", "4.32");
        operator.charge(anna, "2026-09-10T10:00:00Z", "1.00");
        operator.awaitOpenLines(anna, 2);
        operator.run("2026-09-01");
        String september = operator.only(anna, "INVOICE", "ISSUED");

        operator.topics.publish(TARIFFS, repriced(wrong, 2, "2.16", "meter baseline corrected"));
        // a stale revision that arrives later changes nothing
        operator.topics.publish(TARIFFS, repriced(wrong, 1, "99.00", "an older correction"));

        await().atMost(Scenario.PATIENCE).until(() -> operator.documentsOf(anna).getList("items.id").size() == 3);
        String creditNoteId = operator.only(anna, "CREDIT_NOTE", "ISSUED");
        JsonPath creditNote = operator.invoice(creditNoteId);
        assertThat(creditNote.getString("number")).isEqualTo(number("CORR", 2));
        assertThat(creditNote.getString("creditsInvoiceId")).isEqualTo(september);
        assertThat(creditNote.getString("creditsInvoiceNumber")).isEqualTo(number("CORR", 1));
        assertThat(creditNote.getString("reason")).contains("2026-09-03").contains("meter baseline corrected");
        assertThat(creditNote.getList("lines")).hasSize(1);
        assertThat(creditNote.getString("lines[0].kind")).isEqualTo("CREDIT");
        assertThat(new BigDecimal(creditNote.getString("grossAmount"))).isEqualByComparingTo("5.23");

        JsonPath original = operator.invoice(september);
        assertThat(original.getString("status")).isEqualTo("ISSUED");
        assertThat(new BigDecimal(original.getString("grossAmount"))).isEqualByComparingTo("6.44");
        assertThat(new BigDecimal(original.getString("creditedAmount"))).isEqualByComparingTo("5.23");
        assertThat(new BigDecimal(original.getString("outstandingAmount"))).isEqualByComparingTo("1.21");
        assertThat(original.getList("creditNotes.number")).containsExactly(number("CORR", 2));
        assertThat(original.getBoolean("lines[0].credited")).isTrue();

        JsonPath october = operator.invoice(operator.only(anna, "INVOICE", "OPEN"));
        assertThat(october.getString("periodStart")).isEqualTo("2026-10-01");
        assertThat(october.getInt("lines[0].priceRevision")).isEqualTo(2);
        assertThat(new BigDecimal(october.getString("lines[0].netAmount"))).isEqualByComparingTo("2.16");
        assertThat(october.getString("lines[0].startedAt")).isEqualTo("2026-09-03T10:00:00Z");
        assertThat(october.getString("lines[0].note")).contains(number("CORR", 1)).contains(number("CORR", 2));

        List<CreditNoteIssued> events = operator.awaitEvents(CreditNoteIssued.class,
                e -> e.operatorId().equals(operator.operatorId), 1);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.invoiceId().toString()).isEqualTo(september);
            assertThat(e.creditNoteId().toString()).isEqualTo(creditNoteId);
            assertThat(e.creditedInvoiceNumber()).isEqualTo(number("CORR", 1));
            assertThat(e.grossAmount()).isEqualByComparingTo("5.23");
        });
    }

    @Test
    void anOperatorCreditsSessionsAndTheLastCreditNoteTakesExactlyWhatIsLeft() {
        Scenario operator = new Scenario().operator(o -> o.prefix("GOOD"));
        UUID anna = operator.driver(d -> d.name("Anna de Vries"));
        SessionPriced first = operator.charge(anna, "2026-09-03T10:00:00Z", "0.02");
        operator.charge(anna, "2026-09-04T10:00:00Z", "0.02");
        operator.charge(anna, "2026-09-05T10:00:00Z", "0.02");
        operator.awaitOpenLines(anna, 3);
        operator.run("2026-09-01");
        String invoiceId = operator.only(anna, "INVOICE", "ISSUED");
        assertThat(new BigDecimal(operator.invoice(invoiceId).getString("grossAmount"))).isEqualByComparingTo("0.07");

        JsonPath goodwill = operator.admin().contentType("application/json")
                .body(Map.of("reason", "Charger out of order", "sessionIds", List.of(first.sessionId())))
                .post("/api/invoices/{id}/credit-notes", invoiceId).then().statusCode(201).extract().jsonPath();
        assertThat(new BigDecimal(goodwill.getString("grossAmount"))).isEqualByComparingTo("0.02");
        assertThat(operator.invoice(invoiceId).getString("status")).isEqualTo("ISSUED");

        JsonPath rest = operator.admin().contentType("application/json").body(Map.of("reason", "Cancelled"))
                .post("/api/invoices/{id}/credit-notes", invoiceId).then().statusCode(201).extract().jsonPath();

        assertThat(rest.getList("lines")).hasSize(2);
        // 0.07 less 0.02: the remaining VAT cent goes with the last credit note
        assertThat(new BigDecimal(rest.getString("grossAmount"))).isEqualByComparingTo("0.05");
        JsonPath invoice = operator.invoice(invoiceId);
        assertThat(invoice.getString("status")).isEqualTo("CREDITED");
        assertThat(new BigDecimal(invoice.getString("outstandingAmount"))).isEqualByComparingTo("0.00");
        assertThat(operator.awaitEvents(InvoicePaid.class, e -> e.invoiceId().toString().equals(invoiceId), 1))
                .singleElement().satisfies(e -> assertThat(e.amountPaid()).isEqualByComparingTo("0.00"));
        operator.admin().contentType("application/json").body(Map.of("reason", "Again"))
                .post("/api/invoices/{id}/credit-notes", invoiceId).then().statusCode(422);
        operator.admin().contentType("application/json").body(Map.of("reason", ""))
                .post("/api/invoices/{id}/credit-notes", invoiceId).then().statusCode(400);
    }

    @Test
    void refusesToCreditWhatIsNotAnIssuedInvoiceOrNotItsSession() {
        Scenario operator = new Scenario().operator(o -> o.prefix("REF"));
        UUID anna = operator.driver(d -> d.name("Anna de Vries"));
        operator.charge(anna, "2026-09-03T10:00:00Z", "3.00");
        operator.awaitOpenLines(anna, 1);
        String open = operator.only(anna, "INVOICE", "OPEN");

        operator.admin().contentType("application/json").body(Map.of("reason", "Goodwill"))
                .post("/api/invoices/{id}/credit-notes", open).then().statusCode(422);
        operator.run("2026-09-01");
        operator.admin().contentType("application/json")
                .body(Map.of("reason", "Goodwill", "sessionIds", List.of(UUID.randomUUID())))
                .post("/api/invoices/{id}/credit-notes", open).then().statusCode(400)
                .body("violations[0].field", equalTo("sessionIds[0]"));
        operator.driverOf(anna).contentType("application/json").body(Map.of("reason", "Please"))
                .post("/api/invoices/{id}/credit-notes", open).then().statusCode(403);
        await().during(Duration.ofSeconds(1)).atMost(Scenario.PATIENCE).until(
                () -> operator.documentsOf(anna).getList("items.id").size() == 1);
    }

    private static SessionRepriced repriced(SessionPriced price, int revision, String net, String reason) {
        SessionPriced corrected = InvoiceFixtures.aPrice(p -> p.session(price.sessionId()).operator(price.operatorId())
                .driver(price.driverId()).startedAt(price.session().startedAt().toString()).net(net));
        return new SessionRepriced(price.sessionId(), revision, corrected, reason);
    }
}
