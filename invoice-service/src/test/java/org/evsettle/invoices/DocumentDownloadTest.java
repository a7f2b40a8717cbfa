package org.evsettle.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.invoices.InvoicingTest.as;
import static org.evsettle.invoices.Scenario.number;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.invoices.documents.PdfText;
import org.evsettle.invoices.documents.Schemas;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class DocumentDownloadTest {

    @Test
    void anAdminAndTheDriverDownloadThePdfUblAndCsvOfAnIssuedInvoice() throws Exception {
        Scenario operator = new Scenario().operator(o -> o.prefix("DOC"));
        UUID fleet = operator.driver(d -> d.name("Jan Peeters").company("Fleet & Co BV", "BE0123456749"));
        operator.charge(fleet, "2026-10-03T10:00:00Z", "4.32");
        operator.charge(fleet, "2026-10-04T10:00:00Z", "10.50");
        operator.awaitOpenLines(fleet, 2);
        String open = operator.only(fleet, "INVOICE", "OPEN");
        operator.admin().get("/api/invoices/{id}/pdf", open).then().statusCode(409);
        operator.run("2026-10-01");
        String invoiceId = operator.only(fleet, "INVOICE", "ISSUED");

        byte[] pdf = operator.driverOf(fleet).get("/api/invoices/{id}/pdf", invoiceId).then().statusCode(200)
                .contentType("application/pdf")
                .header("Content-Disposition", containsString(number("DOC", 1) + ".pdf"))
                .extract().asByteArray();
        String text = PdfText.of(pdf);
        assertThat(text).contains(number("DOC", 1), "Fleet & Co BV", "VAT BE0123456749", "Woonstichting De Linde",
                "Chamber of Commerce 12345678", "€ 14.82", "€ 17.93");

        String ubl = operator.admin().get("/api/invoices/{id}/ubl", invoiceId).then().statusCode(200)
                .contentType("application/xml").extract().asString();
        Schemas.validate(ubl, Schemas.UBL_INVOICE);
        assertThat(ubl).contains(number("DOC", 1), "0123456749", "<cbc:PayableAmount currencyID=\"EUR\">17.93<");

        String csv = operator.admin().get("/api/invoices/{id}/csv", invoiceId).then().statusCode(200)
                .contentType("text/csv").extract().asString();
        List<String> rows = csv.lines().toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).startsWith("document_number,document_kind,issue_date,line,session_id");
        assertThat(rows.get(1)).startsWith(number("DOC", 1) + ",INVOICE,").contains(",ZAP-", ",12.340,", ",4.32,0.21,");

        String journal = operator.admin().get("/api/operators/{o}/journal.csv", operator.operatorId).then()
                .statusCode(200).extract().asString();
        assertThat(journal.lines().toList()).hasSize(2);
        assertThat(journal.lines().toList().get(1)).startsWith(number("DOC", 1) + ",INVOICE,ISSUED,")
                .contains("Fleet & Co BV", "BE0123456749", "14.82,3.11,17.93", "21%: 14.82 + 3.11");
    }

    @Test
    void documentsOfOthersAreNotFoundAndAStatementHasNoUbl() {
        Scenario operator = new Scenario().operator(o -> o.prefix("PRIV").issuesStatements(true));
        UUID anna = operator.driver(d -> d.name("Anna de Vries"));
        UUID bob = operator.driver(d -> d.name("Bob Jansen"));
        operator.charge(anna, "2026-10-03T10:00:00Z", "4.32");
        operator.charge(bob, "2026-10-03T10:00:00Z", "0.00");
        operator.awaitOpenLines(anna, 1);
        operator.awaitOpenLines(bob, 1);
        operator.run("2026-10-01");
        String annas = operator.only(anna, "INVOICE", "ISSUED");
        String bobsStatement = operator.only(bob, "STATEMENT", "CLOSED");

        for (String format : List.of("pdf", "ubl", "csv")) {
            operator.driverOf(bob).get("/api/invoices/{id}/" + format, annas).then().statusCode(404);
            as(TestTokens.operatorAdmin(UUID.randomUUID())).get("/api/invoices/{id}/" + format, annas).then().statusCode(404);
            as(TestTokens.driver(UUID.randomUUID(), anna)).get("/api/invoices/{id}/" + format, annas).then().statusCode(404);
            operator.driverOf(anna).get("/api/invoices/{id}/" + format, annas).then().statusCode(200);
        }
        operator.driverOf(bob).get("/api/invoices/{id}/ubl", bobsStatement).then().statusCode(422);
        operator.driverOf(bob).get("/api/invoices/{id}/csv", bobsStatement).then().statusCode(200);
        as(TestTokens.platformAdmin()).get("/api/operators/{o}/journal.csv?from=2999-01-01", operator.operatorId).then()
                .statusCode(200).body(not(containsString("PRIV-")));
        operator.admin().get("/api/operators/{o}/journal.csv?from=tomorrow", operator.operatorId).then().statusCode(400);
        operator.admin().get("/api/operators/{o}/journal.csv?from=2026-11-02&to=2026-11-01", operator.operatorId).then()
                .statusCode(400).body("violations[0].field", equalTo("to"));
        operator.driverOf(anna).get("/api/operators/{o}/journal.csv", operator.operatorId).then().statusCode(403);
        operator.admin().contentType("application/json").body(Map.of()).get("/api/invoices/{id}/pdf", UUID.randomUUID())
                .then().statusCode(404);
    }
}
