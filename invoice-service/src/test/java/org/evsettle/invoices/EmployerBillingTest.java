package org.evsettle.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.invoices.InvoiceFixtures.REGISTRY;
import static org.evsettle.invoices.InvoiceFixtures.TARIFFS;
import static org.evsettle.invoices.InvoiceFixtures.aPrice;
import static org.evsettle.invoices.InvoicingTest.as;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.UUID;
import org.evsettle.events.tariffs.SessionPriced;
import org.evsettle.invoices.documents.PdfText;
import org.evsettle.invoices.documents.PeppolRules;
import org.evsettle.invoices.documents.Schemas;
import org.evsettle.invoices.messaging.TariffConsumer;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class EmployerBillingTest {

    @Test
    void billsTheEmployeesChargingToTheirEmployerOnceAndTheirPrivateChargingElsewhereToThemselves() throws Exception {
        Scenario company = new Scenario().operator(o -> o.prefix("EMP"));
        Scenario vve = new Scenario().operator(o -> o.prefix("VVE"));
        UUID employer = company.driver(d -> d.name("Eva Smit").company("Smit Logistiek BV", "NL123456789B01")
                .registrationNumber("87654321"));
        UUID anna = company.driver(d -> d.name("Anna de Vries").employer(employer));
        UUID bob = company.driver(d -> d.name("Bob Jansen").employer(employer));
        UUID annaAtHome = vve.driver(d -> d.name("Anna de Vries"));
        awaitKnown(company, employer);
        awaitKnown(company, anna);
        awaitKnown(company, bob);

        List<SessionPriced> prices = List.of(
                company.charge(anna, "2026-03-03T08:00:00Z", "4.32"),
                company.charge(bob, "2026-03-04T08:00:00Z", "10.50"),
                // at a roaming partner's charger: the card's operator bills it, so it goes to the employer too
                aPrice(p -> p.operator(company.operatorId).driver(anna).site(UUID.randomUUID()).chargePoint("PARTNER-77")
                        .startedAt("2026-03-05T12:00:00Z").net("6.00")));
        company.topics.publish(TARIFFS, prices.get(2));
        vve.charge(annaAtHome, "2026-03-06T19:00:00Z", "3.10");

        company.awaitOpenLines(employer, 3);
        vve.awaitOpenLines(annaAtHome, 1);
        // redelivered prices add nothing
        prices.forEach(price -> company.topics.publish(TARIFFS, price));
        company.run("2026-03-01");
        company.run("2026-03-01");
        vve.run("2026-03-01");

        String invoiceId = company.only(employer, "INVOICE", "ISSUED");
        assertThat(company.documentsOf(employer).getList("items")).hasSize(1);
        assertThat(company.documentsOf(anna).getList("items")).isEmpty();
        assertThat(company.documentsOf(bob).getList("items")).isEmpty();
        String privateInvoice = vve.only(annaAtHome, "INVOICE", "ISSUED");
        assertThat(vve.invoice(privateInvoice).getList("lines")).hasSize(1);
        assertThat(vve.invoice(privateInvoice).getString("lines[0].employeeId")).isNull();

        JsonPath invoice = company.invoice(invoiceId);
        assertThat(invoice.getString("customer.companyName")).isEqualTo("Smit Logistiek BV");
        assertThat(invoice.getInt("lineCount")).isEqualTo(3);
        assertThat(invoice.getList("lines.employeeId")).containsExactly(anna.toString(), bob.toString(), anna.toString());
        assertThat(invoice.getList("lines.employeeName")).containsExactly("Anna de Vries", "Bob Jansen", "Anna de Vries");
        assertThat(invoice.getString("netAmount")).isEqualTo("20.82");

        // the employees' own lists never show the employer's invoice; the employer's contact and the operator do
        company.driverOf(anna).get("/api/me/invoices").then().statusCode(200).body("items", hasSize(0));
        company.driverOf(bob).get("/api/me/invoices").then().statusCode(200).body("items", hasSize(0));
        company.driverOf(anna).get("/api/invoices/{id}", invoiceId).then().statusCode(404);
        company.driverOf(employer).get("/api/me/invoices").then().statusCode(200).body("items.id", hasSize(1));
        company.driverOf(employer).get("/api/invoices/{id}", invoiceId).then().statusCode(200);
        vve.driverOf(annaAtHome).get("/api/me/invoices").then().statusCode(200).body("items", hasSize(1));

        // the documents list the sessions per employee, with the employee's name and subtotal
        String pdf = PdfText.of(company.admin().get("/api/invoices/{id}/pdf", invoiceId).then().statusCode(200)
                .extract().asByteArray());
        assertThat(pdf).contains("Smit Logistiek BV", "Medewerker: Anna de Vries", "Subtotaal Anna de Vries", "€ 10,32",
                "Medewerker: Bob Jansen", "Subtotaal Bob Jansen", "€ 10,50");
        assertThat(pdf.indexOf("Medewerker: Anna de Vries")).isLessThan(pdf.indexOf("PARTNER-77"));
        assertThat(pdf.indexOf("PARTNER-77")).isLessThan(pdf.indexOf("Medewerker: Bob Jansen"));
        String csv = company.admin().get("/api/invoices/{id}/csv?lang=en", invoiceId).then().statusCode(200)
                .extract().asString();
        List<String> rows = csv.lines().toList();
        assertThat(rows.get(0)).endsWith(",Note,Employee,Employee name");
        assertThat(rows.subList(1, 4)).satisfiesExactly(
                row -> assertThat(row).endsWith("," + anna + ",Anna de Vries"),
                row -> assertThat(row).contains("PARTNER-77").endsWith("," + anna + ",Anna de Vries"),
                row -> assertThat(row).endsWith("," + bob + ",Bob Jansen"));
        String ubl = company.admin().get("/api/invoices/{id}/ubl", invoiceId).then().statusCode(200).extract().asString();
        Schemas.validate(ubl, Schemas.UBL_INVOICE);
        assertThat(PeppolRules.errors(ubl)).isEmpty();
        assertThat(ubl).contains(">Employee<", ">Anna de Vries<", ">Bob Jansen<", "87654321");
    }

    @Test
    void aPriceWaitsForTheEmployerNotYetKnownAndSessionsBilledBeforeAnEmployerWasSetStay() {
        Scenario company = new Scenario().operator(o -> o.prefix("EMW"));
        UUID employer = UUID.randomUUID();
        UUID carla = company.driver(d -> d.name("Carla Bos"));
        awaitKnown(company, carla);
        company.charge(carla, "2026-04-02T08:00:00Z", "2.00");
        company.awaitOpenLines(carla, 1);
        // now billed to an employer whose record has not arrived yet
        company.topics.publish(REGISTRY, InvoiceFixtures.aDriver(carla, company.operatorId,
                d -> d.name("Carla Bos").revision(1).employer(employer)));
        await().atMost(Scenario.PATIENCE).until(() -> QuarkusTransaction.requiringNew().call(() -> Driver
                .<Driver>findByIdOptional(carla).map(d -> employer.equals(d.employerId)).orElse(false)));
        SessionPriced waiting = company.charge(carla, "2026-04-03T08:00:00Z", "3.00");
        await().atMost(Scenario.PATIENCE).until(() -> as(TestTokens.platformAdmin())
                .queryParam("consumer", TariffConsumer.NAME).queryParam("limit", 500).get("/api/parked-events").then()
                .statusCode(200).extract().jsonPath().getList("items.key").contains(waiting.sessionId().toString()));

        company.topics.publish(REGISTRY, InvoiceFixtures.aDriver(employer, company.operatorId,
                d -> d.name("Joost Kaan").company("Kaan Bouw BV", "NL987654321B01")));
        company.awaitOpenLines(employer, 1);
        JsonPath employersInvoice = company.invoice(company.only(employer, "INVOICE", "OPEN"));
        assertThat(employersInvoice.getString("lines[0].sessionId")).isEqualTo(waiting.sessionId().toString());
        assertThat(employersInvoice.getString("lines[0].employeeName")).isEqualTo("Carla Bos");
        // the session placed before the employer was set stays on Carla's own invoice
        JsonPath carlasInvoice = company.invoice(company.only(carla, "INVOICE", "OPEN"));
        assertThat(carlasInvoice.getInt("lineCount")).isEqualTo(1);
        assertThat(carlasInvoice.getString("lines[0].employeeId")).isNull();
    }

    private static void awaitKnown(Scenario scenario, UUID driverId) {
        await().atMost(Scenario.PATIENCE).until(() -> QuarkusTransaction.requiringNew().call(() -> Driver
                .findByIdOptional(driverId).isPresent()));
    }

}
