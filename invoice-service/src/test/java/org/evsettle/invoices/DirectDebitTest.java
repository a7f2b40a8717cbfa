package org.evsettle.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.invoices.Scenario.number;
import static org.evsettle.invoices.Scenario.today;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.invoices.InvoicePaid;
import org.evsettle.invoices.documents.Schemas;
import org.evsettle.testkit.InfrastructureResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class DirectDebitTest {

    @Test
    void collectsTheInvoicesOfDriversWithAMandateFirstAsFrstThenAsRcur() throws Exception {
        Scenario operator = new Scenario().operator(o -> o.prefix("SDD").paymentTermDays(7));
        UUID anna = operator.driver(d -> d.name("Anna de Vries").mandate("LINDE-M-0001", "2025-06-01"));
        UUID bob = operator.driver(d -> d.name("Bob Jansen").mandate("LINDE-M-0002", "2025-07-15"));
        UUID carla = operator.driver(d -> d.name("Carla Smits"));
        operator.charge(anna, "2026-09-03T10:00:00Z", "10.00");
        operator.charge(bob, "2026-09-04T10:00:00Z", "20.00");
        operator.charge(carla, "2026-09-05T10:00:00Z", "30.00");
        operator.awaitOpenLines(anna, 1);
        operator.awaitOpenLines(bob, 1);
        operator.awaitOpenLines(carla, 1);
        operator.run("2026-09-01");
        String annas = operator.only(anna, "INVOICE", "ISSUED");
        assertThat(operator.invoice(annas).getString("paymentMethod")).isEqualTo("DIRECT_DEBIT");
        assertThat(operator.invoice(operator.only(carla, "INVOICE", "ISSUED")).getString("paymentMethod")).isEqualTo("TRANSFER");

        String collectionDate = today().plusDays(7).toString();
        operator.admin().contentType("application/json").body(Map.of("collectionDate", collectionDate))
                .post("/api/operators/{o}/direct-debits", operator.operatorId).then().statusCode(422);
        operator.admin().contentType("application/json").body(Map.of("creditorId", "NL58ZZZ999999999999"))
                .put("/api/operators/{o}/collection-settings", operator.operatorId).then().statusCode(400)
                .body("violations[0].field", equalTo("creditorId"));
        operator.admin().contentType("application/json").body(Map.of("creditorId", "nl57 zzz 999999999999"))
                .put("/api/operators/{o}/collection-settings", operator.operatorId).then().statusCode(200)
                .body("creditorId", equalTo("NL57ZZZ999999999999"));
        operator.admin().contentType("application/json").body(Map.of("collectionDate", today().toString()))
                .post("/api/operators/{o}/direct-debits", operator.operatorId).then().statusCode(400);

        JsonPath batch = operator.admin().contentType("application/json").body(Map.of("collectionDate", collectionDate))
                .post("/api/operators/{o}/direct-debits", operator.operatorId).then().statusCode(201).extract().jsonPath();

        assertThat(batch.getInt("transactionCount")).isEqualTo(2);
        assertThat(new BigDecimal(batch.getString("controlSum"))).isEqualByComparingTo("36.30");
        assertThat(batch.getList("debits.sequenceType")).containsOnly("FRST");
        assertThat(batch.getList("debits.number")).containsExactly(number("SDD", 1), number("SDD", 2));
        String pain = operator.admin().get("/api/operators/{o}/direct-debits/{b}/pain.008", operator.operatorId,
                batch.getString("id")).then().statusCode(200).contentType("application/xml").extract().asString();
        Schemas.validate(pain, Schemas.PAIN_008);
        assertThat(pain).contains("<MsgId>" + batch.getString("messageId") + "</MsgId>", "<SeqTp>FRST</SeqTp>",
                "<MndtId>LINDE-M-0001</MndtId>", "<DtOfSgntr>2025-06-01</DtOfSgntr>", "<CtrlSum>36.30</CtrlSum>",
                "<ReqdColltnDt>" + collectionDate + "</ReqdColltnDt>", "<Id>NL57ZZZ999999999999</Id>",
                "<EndToEndId>" + number("SDD", 1) + "</EndToEndId>");
        // an invoice is in one pending batch at most
        operator.admin().contentType("application/json").body(Map.of("collectionDate", collectionDate))
                .post("/api/operators/{o}/direct-debits", operator.operatorId).then().statusCode(422);

        String bobs = operator.only(bob, "INVOICE", "ISSUED");
        JsonPath settled = operator.admin().contentType("application/json").body(Map.of("returned", List.of(bobs)))
                .post("/api/operators/{o}/direct-debits/{b}/settlement", operator.operatorId, batch.getString("id"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(settled.getString("status")).isEqualTo("SETTLED");
        JsonPath paid = operator.invoice(annas);
        assertThat(paid.getString("status")).isEqualTo("PAID");
        assertThat(paid.getString("payments[0].method")).isEqualTo("DIRECT_DEBIT");
        assertThat(paid.getString("settledOn")).isEqualTo(collectionDate);
        assertThat(operator.invoice(bobs).getString("status")).isEqualTo("ISSUED");
        assertThat(operator.awaitEvents(InvoicePaid.class, e -> e.invoiceId().toString().equals(annas), 1)).hasSize(1);

        // Bob's returned debit is collected again; his mandate has not been used successfully yet
        JsonPath retry = operator.admin().contentType("application/json").body(Map.of("collectionDate", collectionDate))
                .post("/api/operators/{o}/direct-debits", operator.operatorId).then().statusCode(201).extract().jsonPath();
        assertThat(retry.getList("debits.number")).containsExactly(number("SDD", 2));
        assertThat(retry.getList("debits.sequenceType")).containsExactly("FRST");

        // Anna's next invoice is collected as a recurring debit under the same mandate
        operator.charge(anna, "2026-10-03T10:00:00Z", "5.00");
        operator.awaitOpenLines(anna, 1);
        operator.run("2026-10-01");
        operator.admin().contentType("application/json").body(Map.of("returned", List.of()))
                .post("/api/operators/{o}/direct-debits/{b}/settlement", operator.operatorId, retry.getString("id"))
                .then().statusCode(200);
        JsonPath recurring = operator.admin().contentType("application/json").body(Map.of("collectionDate", collectionDate))
                .post("/api/operators/{o}/direct-debits", operator.operatorId).then().statusCode(201).extract().jsonPath();
        assertThat(recurring.getList("debits.number")).containsExactly(number("SDD", 4));
        assertThat(recurring.getList("debits.sequenceType")).containsExactly("RCUR");
        String recurringPain = operator.admin().get("/api/operators/{o}/direct-debits/{b}/pain.008", operator.operatorId,
                recurring.getString("id")).then().statusCode(200).extract().asString();
        Schemas.validate(recurringPain, Schemas.PAIN_008);
        assertThat(recurringPain).contains("<SeqTp>RCUR</SeqTp>");
        operator.admin().get("/api/operators/{o}/direct-debits", operator.operatorId).then().statusCode(200)
                .body("items.size()", equalTo(3));
        operator.admin().contentType("application/json").body(Map.of())
                .post("/api/operators/{o}/direct-debits/{b}/settlement", operator.operatorId, batch.getString("id"))
                .then().statusCode(409);
    }

    @Test
    void leavesOutAMandateThatLapsedAndHidesBatchesOfOtherOperators() {
        Scenario operator = new Scenario().operator(o -> o.prefix("LAPS").paymentTermDays(7));
        UUID anna = operator.driver(d -> d.name("Anna de Vries").mandate("OLD-M-1", "2020-01-15"));
        operator.charge(anna, "2026-09-03T10:00:00Z", "10.00");
        operator.awaitOpenLines(anna, 1);
        operator.run("2026-09-01");
        operator.admin().contentType("application/json").body(Map.of("creditorId", "NL57ZZZ999999999999"))
                .put("/api/operators/{o}/collection-settings", operator.operatorId).then().statusCode(200);

        operator.admin().contentType("application/json").body(Map.of("collectionDate", today().plusDays(7).toString()))
                .post("/api/operators/{o}/direct-debits", operator.operatorId).then().statusCode(422)
                .body("detail", containsString("1 skipped"));
        Scenario other = new Scenario().operator(o -> o.prefix("OTHER"));
        other.admin().get("/api/operators/{o}/direct-debits", operator.operatorId).then().statusCode(404);
        other.admin().get("/api/operators/{o}/collection-settings", operator.operatorId).then().statusCode(404);
    }
}
