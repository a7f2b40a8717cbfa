package org.evsettle.users;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.users.RegistryFixtures.anEmail;
import static org.evsettle.users.RegistryFixtures.anIdTag;
import static org.evsettle.users.RegistryFixtures.createCard;
import static org.evsettle.users.RegistryFixtures.createDriver;
import static org.evsettle.users.RegistryFixtures.createOperator;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.Envelope;
import org.evsettle.events.Event;
import org.evsettle.events.invoices.InvoiceOverdue;
import org.evsettle.events.invoices.InvoicePaid;
import org.evsettle.events.registry.CardRecord;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.users.messaging.InvoiceEventsConsumer;
import org.evsettle.testkit.TestTokens;
import org.evsettle.testkit.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Dunning: an invoice overdue for as long as the operator's policy says blocks the driver's cards,
 * with the invoice as reason; its payment lifts exactly that block.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class DunningTest {

    private static final String INVOICING = "invoice-service";

    @Inject
    EntityManager entityManager;

    private final PublishedRegistry registry = PublishedRegistry.shared();
    private final TopicProbe topics = new TopicProbe(InfrastructureResource.stack().kafka().bootstrapServers());

    @AfterEach
    void closeProbe() {
        topics.close();
    }

    @Test
    void blocksTheActiveCardsOnlyOnceTheInvoiceIsOverdueLongEnough() {
        Tenant tenant = tenantBlockingAfter(14);
        UUID invoiceId = UUID.randomUUID();

        awaitApplied(overdue(tenant, invoiceId, "LINDE-2026-000123", 7, "OVERDUE"));
        assertThat(status(tenant, tenant.card)).isEqualTo("ACTIVE");
        awaitApplied(overdue(tenant, invoiceId, "LINDE-2026-000123", 14, "REMINDER_1"));

        CardRecord blocked = registry.awaitLatest(CardRecord.class, tenant.card, r -> r.status().equals("BLOCKED"));
        assertThat(blocked.statusReason()).isEqualTo("invoice LINDE-2026-000123 overdue");
        given().auth().oauth2(TestTokens.operatorAdmin(tenant.operator)).get("/api/cards/{c}", tenant.card)
                .then().statusCode(200).body("blockCause", equalTo("OVERDUE_INVOICE"));
    }

    @Test
    void unblocksOnPaymentOnlyTheCardsThatInvoiceBlocked() {
        Tenant tenant = tenantBlockingAfter(14);
        UUID blockedByAdmin = createCard(tenant.operator, tenant.driver, anIdTag());
        UUID lost = createCard(tenant.operator, tenant.driver, anIdTag());
        String admin = TestTokens.operatorAdmin(tenant.operator);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("reason", "damaged"))
                .post("/api/cards/{c}/block", blockedByAdmin).then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("reason", "stolen from the car"))
                .post("/api/cards/{c}/lost", lost).then().statusCode(200);
        UUID invoiceId = UUID.randomUUID();

        awaitApplied(overdue(tenant, invoiceId, "LINDE-2026-000200", 30, "REMINDER_2"));
        registry.awaitLatest(CardRecord.class, tenant.card, r -> r.status().equals("BLOCKED"));
        awaitApplied(paid(tenant, invoiceId, "LINDE-2026-000200"));

        CardRecord released = registry.awaitLatest(CardRecord.class, tenant.card, r -> r.status().equals("ACTIVE")
                && r.revision() == 2);
        assertThat(released.statusReason()).isNull();
        assertThat(registry.awaitLatest(CardRecord.class, blockedByAdmin)).satisfies(card -> {
            assertThat(card.status()).isEqualTo("BLOCKED");
            assertThat(card.statusReason()).isEqualTo("damaged");
        });
        assertThat(registry.awaitLatest(CardRecord.class, lost).status()).isEqualTo("LOST");
        assertThat(status(tenant, blockedByAdmin)).isEqualTo("BLOCKED");
        assertThat(status(tenant, lost)).isEqualTo("LOST");
    }

    @Test
    void keepsCardsBlockedWhileAnotherOverdueInvoiceStillBlocksThem() {
        Tenant tenant = tenantBlockingAfter(14);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        awaitApplied(overdue(tenant, first, "LINDE-2026-000301", 20, "REMINDER_1"));
        awaitApplied(overdue(tenant, second, "LINDE-2026-000302", 15, "REMINDER_1"));

        awaitApplied(paid(tenant, first, "LINDE-2026-000301"));
        CardRecord stillBlocked = registry.awaitLatest(CardRecord.class, tenant.card,
                r -> "invoice LINDE-2026-000302 overdue".equals(r.statusReason()));
        assertThat(stillBlocked.status()).isEqualTo("BLOCKED");

        awaitApplied(paid(tenant, second, "LINDE-2026-000302"));
        assertThat(registry.awaitLatest(CardRecord.class, tenant.card, r -> r.status().equals("ACTIVE")
                && r.revision() > stillBlocked.revision()).statusReason()).isNull();
    }

    @Test
    void blocksNothingWhenThePolicySaysNot() {
        Tenant tenant = tenant(Map.of("blockCards", false, "blockAfterDaysOverdue", 14));

        awaitApplied(overdue(tenant, UUID.randomUUID(), "LINDE-2026-000400", 60, "FINAL_NOTICE"));

        assertThat(status(tenant, tenant.card)).isEqualTo("ACTIVE");
        assertThat(registry.of(CardRecord.class, tenant.card)).hasSize(1);
    }

    @Test
    void appliesARedeliveredNoticeOnceAndIgnoresAnOverdueNoticeAfterThePayment() {
        Tenant tenant = tenantBlockingAfter(0);
        UUID invoiceId = UUID.randomUUID();
        Envelope<InvoiceOverdue> notice = Envelope.of(INVOICING, new InvoiceOverdue(invoiceId, tenant.operator,
                tenant.driver, "LINDE-2026-000500", LocalDate.now().minusDays(3), 3, new BigDecimal("12.34"), "OVERDUE"));

        topics.publish(notice);
        topics.publish(notice);
        awaitApplied(paid(tenant, invoiceId, "LINDE-2026-000500"));
        awaitApplied(overdue(tenant, invoiceId, "LINDE-2026-000500", 10, "REMINDER_1"));

        assertThat(registry.of(CardRecord.class, tenant.card)).extracting(CardRecord::status)
                .containsExactly("ACTIVE", "BLOCKED", "ACTIVE");
        assertThat(status(tenant, tenant.card)).isEqualTo("ACTIVE");
    }

    @Test
    void issuesANewCardBlockedWhileAnInvoiceBlocksTheDriversCards() {
        Tenant tenant = tenantBlockingAfter(14);
        awaitApplied(overdue(tenant, UUID.randomUUID(), "LINDE-2026-000600", 21, "REMINDER_1"));

        given().auth().oauth2(TestTokens.operatorAdmin(tenant.operator)).contentType(ContentType.JSON)
                .body(Map.of("driverId", tenant.driver, "idTag", anIdTag()))
                .post("/api/operators/{o}/cards", tenant.operator)
                .then().statusCode(201).body("status", equalTo("BLOCKED"))
                .body("statusReason", equalTo("invoice LINDE-2026-000600 overdue"));
    }

    @Test
    void ignoresANoticeAboutADriverTheRegistryDoesNotKnow() {
        Tenant tenant = tenantBlockingAfter(14);
        Tenant other = tenantBlockingAfter(14);

        awaitApplied(new InvoiceOverdue(UUID.randomUUID(), tenant.operator, UUID.randomUUID(), "LINDE-2026-000700",
                LocalDate.now().minusDays(30), 30, BigDecimal.TEN, "REMINDER_2"));
        // a driver of another operator is not this operator's driver either
        awaitApplied(new InvoiceOverdue(UUID.randomUUID(), tenant.operator, other.driver, "LINDE-2026-000701",
                LocalDate.now().minusDays(30), 30, BigDecimal.TEN, "REMINDER_2"));

        assertThat(status(other, other.card)).isEqualTo("ACTIVE");
        awaitApplied(overdue(tenant, UUID.randomUUID(), "LINDE-2026-000702", 30, "REMINDER_2"));
        assertThat(registry.awaitLatest(CardRecord.class, tenant.card, r -> r.status().equals("BLOCKED"))).isNotNull();
    }

    /** An operator with the policy, one driver and one ACTIVE card. */
    private record Tenant(UUID operator, UUID driver, UUID card) {
    }

    private static Tenant tenantBlockingAfter(int days) {
        return tenant(Map.of("blockCards", true, "blockAfterDaysOverdue", days));
    }

    private static Tenant tenant(Map<String, Object> dunning) {
        UUID operatorId = createOperator(o -> o.put("dunning", dunning));
        UUID driverId = createDriver(operatorId, anEmail("anna"));
        return new Tenant(operatorId, driverId, createCard(operatorId, driverId, anIdTag()));
    }

    private static InvoiceOverdue overdue(Tenant tenant, UUID invoiceId, String number, int days, String step) {
        return new InvoiceOverdue(invoiceId, tenant.operator, tenant.driver, number, LocalDate.now().minusDays(days),
                days, new BigDecimal("42.10"), step);
    }

    private static InvoicePaid paid(Tenant tenant, UUID invoiceId, String number) {
        return new InvoicePaid(invoiceId, tenant.operator, tenant.driver, number, LocalDate.now(), new BigDecimal("42.10"));
    }

    private static String status(Tenant tenant, UUID cardId) {
        return given().auth().oauth2(TestTokens.operatorAdmin(tenant.operator)).get("/api/cards/{c}", cardId)
                .then().statusCode(200).extract().path("status");
    }

    /** Publishes the event and waits until dunning recorded it as applied (with its effect, in one transaction). */
    private void awaitApplied(Event event) {
        Envelope<Event> envelope = Envelope.of(INVOICING, event);
        topics.publish(envelope);
        await().atMost(PublishedRegistry.PATIENCE).until(() -> QuarkusTransaction.requiringNew().call(() ->
                !entityManager.createNativeQuery("SELECT 1 FROM processed_event WHERE consumer = ?1 AND event_id = ?2")
                        .setParameter(1, InvoiceEventsConsumer.NAME).setParameter(2, envelope.id()).getResultList().isEmpty()));
    }
}
