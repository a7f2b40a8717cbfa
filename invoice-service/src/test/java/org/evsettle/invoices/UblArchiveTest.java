package org.evsettle.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.invoices.InvoicingTest.as;
import static org.evsettle.invoices.Scenario.number;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.evsettle.invoices.documents.PeppolRules;
import org.evsettle.invoices.documents.Schemas;
import org.evsettle.invoices.documents.UblArchive;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class UblArchiveTest {

    private static final String ZIP = "/api/operators/{o}/billing-runs/{r}/ubl.zip";

    @Test
    void anAdminDownloadsTheUblOfEveryInvoiceOfARunAsOneZipNamedByTheirNumbers() throws Exception {
        Scenario operator = new Scenario().operator(o -> o.prefix("ZIP").issuesStatements(true));
        UUID fleet = operator.driver(d -> d.name("Jan Peeters").company("Fleet & Co BV", "BE0123456749"));
        UUID anna = operator.driver(d -> d.name("Anna de Vries"));
        UUID bob = operator.driver(d -> d.name("Bob Jansen"));
        operator.charge(fleet, "2026-09-03T10:00:00Z", "4.32");
        operator.charge(fleet, "2026-09-04T10:00:00Z", "10.50");
        operator.charge(anna, "2026-09-05T10:00:00Z", "2.00");
        operator.charge(bob, "2026-09-05T10:00:00Z", "0.00");
        operator.awaitOpenLines(fleet, 2);
        operator.awaitOpenLines(anna, 1);
        operator.awaitOpenLines(bob, 1);
        String runId = operator.run("2026-09-01").getString("id");

        byte[] zip = operator.admin().get(ZIP, operator.operatorId, runId).then().statusCode(200)
                .contentType("application/zip")
                .header("Content-Disposition", containsString("ubl-2026-09-01-2026-09-30.zip"))
                .extract().asByteArray();

        Map<String, String> files = unzip(zip);
        // the invoices in number order (Anna's first, by name), Anna's apart: Peppol does not reach a private
        // customer; Bob's statement has no UBL form
        String annasFile = UblArchive.NOT_ON_PEPPOL + number("ZIP", 1) + ".xml";
        assertThat(files.keySet()).containsExactly(annasFile, number("ZIP", 2) + ".xml");
        for (Map.Entry<String, String> file : files.entrySet()) {
            Schemas.validate(file.getValue(), Schemas.UBL_INVOICE);
            assertThat(PeppolRules.errors(file.getValue())).as(file.getKey()).isEmpty();
            String number = file.getKey().replace(UblArchive.NOT_ON_PEPPOL, "").replace(".xml", "");
            assertThat(file.getValue()).contains("<cbc:ID>" + number + "</cbc:ID>");
        }
        JsonPath annas = operator.invoice(operator.only(anna, "INVOICE", "ISSUED"));
        JsonPath fleets = operator.invoice(operator.only(fleet, "INVOICE", "ISSUED"));
        assertThat(annas.getString("number")).isEqualTo(number("ZIP", 1));
        assertThat(files.get(annasFile))
                .contains("<cbc:PayableAmount currencyID=\"EUR\">" + annas.getString("grossAmount") + "<", "Anna de Vries");
        assertThat(files.get(fleets.getString("number") + ".xml"))
                .contains("<cbc:PayableAmount currencyID=\"EUR\">17.93<", "schemeID=\"0208\">0123456749<");

        byte[] again = as(TestTokens.platformAdmin()).get(ZIP, operator.operatorId, runId).then().statusCode(200)
                .extract().asByteArray();
        assertThat(unzip(again)).isEqualTo(files);
    }

    @Test
    void theZipOfARunIsForItsOperatorsAdminsOnly() {
        Scenario operator = new Scenario().operator(o -> o.prefix("ZIPX"));
        Scenario other = new Scenario().operator(o -> o.prefix("ZIPY"));
        UUID anna = operator.driver(d -> d.name("Anna de Vries"));
        operator.charge(anna, "2026-09-05T10:00:00Z", "2.00");
        operator.awaitOpenLines(anna, 1);
        String runId = operator.run("2026-09-01").getString("id");
        other.driver(d -> d.name("Someone Else"));

        as(TestTokens.operatorAdmin(other.operatorId)).get(ZIP, operator.operatorId, runId).then().statusCode(404);
        // another operator's run under its own path is no run of it either
        await404(other, runId);
        operator.admin().get(ZIP, operator.operatorId, UUID.randomUUID()).then().statusCode(404);
        operator.driverOf(anna).get(ZIP, operator.operatorId, runId).then().statusCode(403);
        operator.admin().get(ZIP, operator.operatorId, runId).then().statusCode(200);
    }

    private static void await404(Scenario other, String runId) {
        // the other operator must be known here first, else its path answers 404 for that reason alone
        await().atMost(Scenario.PATIENCE).untilAsserted(() -> other.admin()
                .get("/api/operators/{o}/billing-runs", other.operatorId).then().statusCode(200));
        other.admin().get(ZIP, other.operatorId, runId).then().statusCode(404);
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
