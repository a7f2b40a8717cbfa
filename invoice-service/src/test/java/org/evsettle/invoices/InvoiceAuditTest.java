package org.evsettle.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.tariffs.SessionPriced;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/** A credit note, a payment and a write-off by an admin each leave an audit entry of the operator. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class InvoiceAuditTest {

    @Test
    void creditNotesPaymentsAndWriteOffsLeaveEntriesOnlyTheOperatorsAdminsRead() {
        Scenario operator = new Scenario().operator(o -> { });
        UUID anna = operator.driver(d -> d.name("Anna de Vries"));
        SessionPriced first = operator.charge(anna, "2026-10-03T10:00:00Z", "10.00");
        operator.charge(anna, "2026-10-04T10:00:00Z", "10.00");
        operator.awaitOpenLines(anna, 2);
        operator.run("2026-10-01");
        String invoiceId = operator.only(anna, "INVOICE", "ISSUED");

        operator.admin().contentType("application/json")
                .body(Map.of("reason", "Charger out of order", "sessionIds", List.of(first.sessionId())))
                .post("/api/invoices/{id}/credit-notes", invoiceId).then().statusCode(201);
        operator.admin().contentType("application/json")
                .body(Map.of("amount", "5.00", "paidOn", Scenario.today().toString(), "reference", "cash at the desk"))
                .post("/api/invoices/{id}/payments", invoiceId).then().statusCode(201);
        operator.admin().contentType("application/json").body(Map.of("reason", "Moved abroad"))
                .post("/api/invoices/{id}/write-off", invoiceId).then().statusCode(200);
        String number = operator.invoice(invoiceId).getString("number");

        JsonPath entries = operator.admin().get("/api/operators/{o}/audit-entries", operator.operatorId).then()
                .statusCode(200).extract().jsonPath();
        assertThat(entries.getList("items.entityType")).containsExactly("Invoice", "Payment", "CreditNote");
        assertThat(entries.getList("items.action")).containsExactly("WRITTEN_OFF", "BOOKED", "ISSUED");
        assertThat(entries.getString("items[0].entityId")).isEqualTo(invoiceId);
        assertThat(entries.getString("items[0].changes.status.after")).isEqualTo("WRITTEN_OFF");
        assertThat(entries.getString("items[0].changes.reason.after")).isEqualTo("Moved abroad");
        assertThat(entries.getString("items[1].changes.invoiceNumber.after")).isEqualTo(number);
        assertThat(new java.math.BigDecimal(entries.getString("items[1].changes.amount.after"))).isEqualByComparingTo("5.00");
        assertThat(entries.getString("items[2].changes.creditsInvoiceNumber.after")).isEqualTo(number);
        assertThat(entries.getString("items[2].actorSubject"))
                .isEqualTo(UUID.nameUUIDFromBytes("operator-admin".getBytes()).toString());
        assertThat(operator.admin().get("/api/operators/{o}/audit-entries?entityType=Payment", operator.operatorId)
                .then().statusCode(200).extract().jsonPath().getList("items")).hasSize(1);

        InvoicingTest.as(TestTokens.operatorAdmin(UUID.randomUUID()))
                .get("/api/operators/{o}/audit-entries", operator.operatorId).then().statusCode(404);
    }
}
