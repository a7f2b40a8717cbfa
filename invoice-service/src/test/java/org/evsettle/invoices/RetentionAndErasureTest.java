package org.evsettle.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.tariffs.SessionPriced;
import org.evsettle.invoices.config.RetentionConfig;
import org.evsettle.testkit.InfrastructureResource;
import org.junit.jupiter.api.Test;

/**
 * An erased driver's e-mail leaves the mail table and the issued documents while their name stays on the
 * invoice; the retention job removes documents once their country's retention period has ended.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class RetentionAndErasureTest {

    @Inject
    EntityManager entityManager;
    @Inject
    RetentionConfig retentionConfig;

    @Test
    void anErasedDriversEmailGoesFromMailAndDocumentsAndTheirNameStaysOnTheInvoiceUntilRetentionEnds() {
        Scenario operator = new Scenario().operator(o -> o.invoiceMail(true, null));
        String email = "anna." + UUID.randomUUID() + "@example.org";
        UUID anna = operator.driver(d -> d.name("Anna de Vries").email(email));
        operator.charge(anna, "2026-10-03T10:00:00Z", "10.00");
        operator.awaitOpenLines(anna, 1);
        operator.run("2026-10-01");
        String invoiceId = operator.only(anna, "INVOICE", "ISSUED");
        await().atMost(Scenario.PATIENCE).until(() -> operator.invoice(invoiceId).getList("mail").size() == 1);
        assertThat(operator.invoice(invoiceId).getString("mail[0].recipient")).isEqualTo(email);

        operator.topics.publish(InvoiceFixtures.REGISTRY, InvoiceFixtures.aDriver(anna, operator.operatorId,
                d -> d.revision(1).erased()));
        await().atMost(Scenario.PATIENCE).until(() -> operator.invoice(invoiceId).getString("mail[0].recipient") == null);
        JsonPath invoice = operator.invoice(invoiceId);
        assertThat(invoice.getString("customer.email")).isNull();
        assertThat(invoice.getString("customer.name")).isEqualTo("Anna de Vries");
        assertThat(invoice.getString("customer.address.city")).isEqualTo("Amersfoort");
        assertThat(storedText("SELECT recipient FROM document_mail WHERE invoice_id = ?1", invoiceId)).isNull();
        assertThat(storedText("SELECT customer FROM invoice WHERE id = ?1", invoiceId)).doesNotContain(email)
                .contains("Anna de Vries");
        assertThat(storedText("SELECT name FROM driver WHERE id = ?1", anna)).startsWith("Erased driver ");
        assertThat(storedText("SELECT email FROM driver WHERE id = ?1", anna)).isNull();
        // the erased record redelivered changes nothing more
        operator.topics.publish(InvoiceFixtures.REGISTRY, InvoiceFixtures.aDriver(anna, operator.operatorId,
                d -> d.revision(1).erased()));

        // issued in 2026 by a Dutch operator: kept through 2033, removed from 1 January 2034
        LocalDate issued = LocalDate.parse(invoice.getString("issueDate"));
        LocalDate removable = LocalDate.of(issued.getYear() + 8, 1, 1);
        assertThat(InvoiceRetention.removableFrom(issued, "NL")).isEqualTo(removable);
        retentionAt(removable.minusDays(1)).removeExpired();
        assertThat(operator.invoice(invoiceId).getString("customer.name")).isEqualTo("Anna de Vries");

        retentionAt(removable).removeExpired();
        operator.admin().get("/api/invoices/{id}", invoiceId).then().statusCode(404);
        assertThat(count("SELECT count(*) FROM document_mail WHERE invoice_id = ?1", invoiceId)).isZero();
        assertThat(count("SELECT count(*) FROM invoice_line WHERE invoice_id = ?1", invoiceId)).isZero();
        assertThat(retentionAt(removable).removeExpired()).isZero();
    }

    @Test
    void keepsABelgianOperatorsDocumentsTenYearsAndRemovesACreditedInvoiceWithItsCreditNote() {
        Scenario belgian = new Scenario().operator(o -> o.belgian().prefix("BRU"));
        UUID jan = belgian.driver(d -> d.name("Jan Peeters"));
        SessionPriced first = belgian.charge(jan, "2026-10-03T10:00:00Z", "5.00");
        belgian.charge(jan, "2026-10-04T10:00:00Z", "5.00");
        belgian.awaitOpenLines(jan, 2);
        belgian.run("2026-10-01");
        String invoiceId = belgian.only(jan, "INVOICE", "ISSUED");
        belgian.admin().contentType("application/json")
                .body(Map.of("reason", "Charger out of order", "sessionIds", List.of(first.sessionId())))
                .post("/api/invoices/{id}/credit-notes", invoiceId).then().statusCode(201);
        String creditNoteId = belgian.only(jan, "CREDIT_NOTE", "ISSUED");
        LocalDate issued = LocalDate.parse(belgian.invoice(invoiceId).getString("issueDate"));
        LocalDate removable = LocalDate.of(issued.getYear() + 11, 1, 1);
        assertThat(InvoiceRetention.removableFrom(issued, "BE")).isEqualTo(removable);

        // past the Dutch period, not yet the Belgian one
        retentionAt(InvoiceRetention.removableFrom(issued, "NL")).removeExpired();
        belgian.invoice(invoiceId);
        belgian.invoice(creditNoteId);

        retentionAt(removable).removeExpired();
        belgian.admin().get("/api/invoices/{id}", invoiceId).then().statusCode(404);
        belgian.admin().get("/api/invoices/{id}", creditNoteId).then().statusCode(404);
        assertThat(belgian.documentsOf(jan).getList("items")).isEmpty();
    }

    private InvoiceRetention retentionAt(LocalDate day) {
        Instant noon = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
        return new InvoiceRetention(entityManager, retentionConfig, Clock.fixed(noon, ZoneOffset.UTC));
    }

    private String storedText(String sql, Object id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = entityManager.createNativeQuery(sql).setParameter(1, uuid(id)).getResultList();
            return rows.isEmpty() || rows.get(0) == null ? null : rows.get(0).toString();
        });
    }

    private long count(String sql, Object id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, uuid(id)).getSingleResult()).longValue());
    }

    private static UUID uuid(Object id) {
        return id instanceof UUID uuid ? uuid : UUID.fromString(id.toString());
    }
}
