package org.evsettle.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.invoices.InvoicingTest.as;
import static org.evsettle.invoices.Scenario.number;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
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
        // a Dutch operator's driver who chose no language reads Dutch
        assertThat(text).contains("FACTUUR", number("DOC", 1), "Fleet & Co BV", "Btw-nummer BE0123456749",
                "Woonstichting De Linde", "KvK 12345678", "€ 14,82", "€ 17,93", "Totaal te betalen");

        String ubl = operator.admin().get("/api/invoices/{id}/ubl", invoiceId).then().statusCode(200)
                .contentType("application/xml").extract().asString();
        Schemas.validate(ubl, Schemas.UBL_INVOICE);
        assertThat(ubl).contains(number("DOC", 1), "0123456749", "<cbc:PayableAmount currencyID=\"EUR\">17.93<");

        String csv = operator.admin().get("/api/invoices/{id}/csv", invoiceId).then().statusCode(200)
                .contentType("text/csv").extract().asString();
        List<String> rows = csv.lines().toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).startsWith("Documentnummer,Soort document,Datum document,Regel,Sessie,");
        assertThat(rows.get(1)).startsWith(number("DOC", 1) + ",INVOICE,").contains(",ZAP-", ",12.340,", ",4.32,0.21,");

        String journal = operator.admin().get("/api/operators/{o}/journal.csv", operator.operatorId).then()
                .statusCode(200).extract().asString();
        assertThat(journal.lines().toList()).hasSize(2);
        assertThat(journal.lines().toList().get(0)).startsWith("Nummer,Soort,Status,Datum document,Vervaldatum,");
        assertThat(journal.lines().toList().get(1)).startsWith(number("DOC", 1) + ",INVOICE,ISSUED,")
                .contains("Fleet & Co BV", "BE0123456749", "14.82,3.11,17.93", "21%: 14.82 + 3.11");
    }

    @Test
    void aBelgianOperatorsFrenchReaderGetsTheStructuredCommunicationAndDownloadsInTheAskedLanguage() throws Exception {
        Scenario operator = new Scenario().operator(o -> o.prefix("TIL").belgian().language("fr"));
        UUID marie = operator.driver(d -> d.name("Marie Dubois"));
        UUID jan = operator.driver(d -> d.name("Jan Peeters").language("nl"));
        operator.charge(marie, "2026-10-03T10:00:00Z", "1020.30");
        operator.charge(jan, "2026-10-03T11:00:00Z", "4.32");
        operator.awaitOpenLines(marie, 1);
        operator.awaitOpenLines(jan, 1);
        operator.run("2026-10-01");
        JsonPath maries = operator.invoice(operator.only(marie, "INVOICE", "ISSUED"));
        JsonPath jans = operator.invoice(operator.only(jan, "INVOICE", "ISSUED"));

        // issued with the Belgian structured communication of the invoice's year and sequence
        int year = Scenario.today().getYear();
        assertThat(List.of(maries.getString("paymentReference"), jans.getString("paymentReference")))
                .containsExactlyInAnyOrder(StructuredCommunication.forInvoice(year, 1),
                        StructuredCommunication.forInvoice(year, 2))
                .allMatch(reference -> reference.matches("\\+\\+\\+\\d{3}/\\d{4}/\\d{5}\\+\\+\\+"));
        String french = PdfText.of(operator.driverOf(marie).get("/api/invoices/{id}/pdf", maries.getString("id")).then()
                .statusCode(200).extract().asByteArray());
        assertThat(french).contains("FACTURE", "Numéro de facture", "TVA", "Total à payer", "1 234,56 €",
                "Communication structurée", maries.getString("paymentReference"));
        // the driver's own language wins over the operator's
        String dutch = PdfText.of(operator.driverOf(jan).get("/api/invoices/{id}/pdf", jans.getString("id")).then()
                .statusCode(200).extract().asByteArray());
        assertThat(dutch).contains("FACTUUR", "Gestructureerde mededeling", jans.getString("paymentReference"));

        // CSV: a driver reads the document's language, an admin the operator's, lang overrides both
        assertThat(csvHeader(operator.driverOf(jan).get("/api/invoices/{id}/csv", jans.getString("id"))))
                .startsWith("Documentnummer,");
        assertThat(csvHeader(operator.admin().get("/api/invoices/{id}/csv", jans.getString("id"))))
                .startsWith("Numéro du document,Type de document,");
        assertThat(csvHeader(operator.admin().get("/api/invoices/{id}/csv?lang=de", jans.getString("id"))))
                .startsWith("Belegnummer,Belegart,Belegdatum,");
        assertThat(csvHeader(operator.admin().get("/api/operators/{o}/journal.csv", operator.operatorId)))
                .startsWith("Numéro,Type,Statut,");
        assertThat(csvHeader(operator.admin().get("/api/operators/{o}/journal.csv?lang=EN", operator.operatorId)))
                .startsWith("Number,Kind,Status,Issue date,");
        operator.admin().get("/api/operators/{o}/journal.csv?lang=es", operator.operatorId).then().statusCode(400)
                .body("violations[0].field", equalTo("lang"));
        operator.admin().get("/api/invoices/{id}/csv?lang=xx", jans.getString("id")).then().statusCode(400);
    }

    private static String csvHeader(Response response) {
        return response.then().statusCode(200).contentType("text/csv").extract().asString().lines().findFirst()
                .orElseThrow();
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
