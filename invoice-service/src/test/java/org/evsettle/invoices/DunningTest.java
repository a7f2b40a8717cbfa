package org.evsettle.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.invoices.InvoiceOverdue;
import org.evsettle.events.invoices.InvoicePaid;
import org.evsettle.testkit.InfrastructureResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class DunningTest {

    @Inject
    Dunning dunning;

    @Test
    void anUnpaidInvoiceBecomesOverdueAndGoesThroughEachReminderStepOnce() {
        Scenario operator = new Scenario().operator(o -> o.prefix("DUN").paymentTermDays(14).blocksCardsAfter(4));
        UUID anna = operator.driver(d -> d.name("Anna de Vries"));
        operator.charge(anna, "2026-10-03T10:00:00Z", "10.00");
        operator.awaitOpenLines(anna, 1);
        operator.run("2026-10-01");
        String invoiceId = operator.only(anna, "INVOICE", "ISSUED");
        Instant now = Instant.now();

        assertThat(dunning.check(after(now, 14), operator.operatorId)).isZero();
        assertThat(operator.invoice(invoiceId).getString("status")).isEqualTo("ISSUED");

        assertThat(dunning.check(after(now, 15), operator.operatorId)).isEqualTo(1);
        assertThat(dunning.check(after(now, 15), operator.operatorId)).isZero();
        JsonPath overdue = operator.invoice(invoiceId);
        assertThat(overdue.getString("status")).isEqualTo("OVERDUE");
        assertThat(overdue.getList("reminders.step")).containsExactly("OVERDUE");
        assertThat(overdue.getInt("reminders[0].daysOverdue")).isEqualTo(1);

        // the operator blocks cards after 4 days overdue: that day is announced too
        assertThat(dunning.check(after(now, 18), operator.operatorId)).isEqualTo(1);
        assertThat(dunning.check(after(now, 19), operator.operatorId)).isZero();
        // a check that comes late announces every step it finds reached
        assertThat(dunning.check(after(now, 37), operator.operatorId)).isEqualTo(3);

        List<InvoiceOverdue> events = operator.awaitEvents(InvoiceOverdue.class,
                e -> e.invoiceId().toString().equals(invoiceId), 5);
        assertThat(events).extracting(InvoiceOverdue::reminderStep)
                .containsExactly("OVERDUE", "OVERDUE", "REMINDER_1", "REMINDER_2", "FINAL_NOTICE");
        assertThat(events).extracting(InvoiceOverdue::daysOverdue).containsExactly(1, 4, 23, 23, 23);
        assertThat(events.get(0).outstandingAmount()).isEqualByComparingTo("12.10");
        assertThat(events.get(0).dueDate()).isEqualTo(Scenario.today().plusDays(14));
        assertThat(operator.invoice(invoiceId).getList("reminders.step"))
                .containsExactly("OVERDUE", "REMINDER_1", "REMINDER_2", "FINAL_NOTICE");

        operator.admin().contentType("application/json").body(Map.of("amount", "12.10", "paidOn", Scenario.today().toString()))
                .post("/api/invoices/{id}/payments", invoiceId).then().statusCode(201);
        assertThat(operator.invoice(invoiceId).getString("status")).isEqualTo("PAID");
        assertThat(operator.awaitEvents(InvoicePaid.class, e -> e.invoiceId().toString().equals(invoiceId), 1)).hasSize(1);
        assertThat(dunning.check(after(now, 60), operator.operatorId)).isZero();
    }

    @Test
    void aPartlyPaidOverdueInvoiceStaysOverdueWithWhatIsLeft() {
        Scenario operator = new Scenario().operator(o -> o.prefix("PART").paymentTermDays(0));
        UUID anna = operator.driver(d -> d.name("Anna de Vries"));
        operator.charge(anna, "2026-10-03T10:00:00Z", "10.00");
        operator.awaitOpenLines(anna, 1);
        operator.run("2026-10-01");
        String invoiceId = operator.only(anna, "INVOICE", "ISSUED");
        dunning.check(after(Instant.now(), 2), operator.operatorId);

        operator.admin().contentType("application/json").body(Map.of("amount", "2.10", "paidOn", Scenario.today().toString()))
                .post("/api/invoices/{id}/payments", invoiceId).then().statusCode(201);

        JsonPath invoice = operator.invoice(invoiceId);
        assertThat(invoice.getString("status")).isEqualTo("OVERDUE");
        assertThat(new BigDecimal(invoice.getString("outstandingAmount"))).isEqualByComparingTo("10.00");
        operator.admin().get("/api/operators/{o}/receivables", operator.operatorId).then().statusCode(200)
                .body("totals[0].overdueInvoices", equalTo(1))
                .body("totals[0].overdueAmount", equalTo(InvoicingTest.decimal("10.00")));
    }

    private static Instant after(Instant now, int days) {
        return now.plus(Duration.ofDays(days));
    }
}
