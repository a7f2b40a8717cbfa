package org.evsettle.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.users.RegistryFixtures.anEmail;
import static org.evsettle.users.RegistryFixtures.anIdTag;
import static org.evsettle.users.RegistryFixtures.createCard;
import static org.evsettle.users.RegistryFixtures.createDriver;
import static org.evsettle.users.RegistryFixtures.createOperator;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventCatalog;
import org.evsettle.events.Topics;
import org.evsettle.events.invoices.InvoiceOverdue;
import org.evsettle.events.kafka.EnvelopeSerializer;
import org.evsettle.events.registry.CardRecord;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TopicProbe;
import org.evsettle.users.messaging.InvoiceEventsConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The failure policy as dunning lives it, on real Kafka: an invoice event that cannot be read is quarantined
 * and the next notice of its partition still blocks cards; a notice whose first attempts fail is tried
 * again and blocks the cards exactly once; one that can never be applied is quarantined after the kit's
 * attempts ({@code evsettle.consumers.max-attempts}, 5) and the partition goes on.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class DunningFailuresTest {

    private static final String INVOICING = "invoice-service";
    private static final EnvelopeSerializer SERIALIZER = new EnvelopeSerializer();

    @Inject
    EntityManager entityManager;
    @Inject
    AgroalDataSource dataSource;

    private final PublishedRegistry registry = PublishedRegistry.shared();
    private final TopicProbe topics = new TopicProbe(InfrastructureResource.stack().kafka().bootstrapServers());

    @AfterEach
    void closeProbe() {
        topics.close();
    }

    @Test
    void quarantinesAnUnreadableInvoiceEventAndAppliesTheNextNoticeOfItsPartition() {
        Tenant tenant = tenant();
        UUID unreadable = UUID.randomUUID();
        Envelope<InvoiceOverdue> notice = Envelope.of(INVOICING, overdue(tenant, "LINDE-2026-000801"));
        // keyed like the notice, so both land on one partition, the unreadable one first
        RecordMetadata broken = RawRecords.publish(Topics.INVOICES_EVENTS, notice.subject(), unreadable,
                EventCatalog.INVOICE_OVERDUE.ceType(), "{\"invoiceId\": \"not json".getBytes(StandardCharsets.UTF_8));
        RecordMetadata after = topics.publish(notice);

        CardRecord blocked = registry.awaitLatest(CardRecord.class, tenant.card, r -> r.status().equals("BLOCKED"));
        assertThat(blocked.statusReason()).isEqualTo("invoice LINDE-2026-000801 overdue");
        assertThat(after.partition()).isEqualTo(broken.partition());
        await().atMost(PublishedRegistry.PATIENCE).until(() -> quarantinedReason(unreadable) != null);
        assertThat(quarantinedReason(unreadable)).startsWith("unreadable");
    }

    @Test
    void triesANoticeAgainWhoseFirstAttemptsFailAndBlocksTheCardsOnce() {
        Tenant tenant = tenant();
        Envelope<InvoiceOverdue> notice = Envelope.of(INVOICING, overdue(tenant, "LINDE-2026-000802"));

        try (CardFault fault = CardFault.failing(dataSource, tenant.card, 2)) {
            topics.publish(notice);

            registry.awaitLatest(CardRecord.class, tenant.card, r -> r.status().equals("BLOCKED"));
            assertThat(fault.attempts()).isEqualTo(3);
        }
        topics.publish(notice);

        await().during(Duration.ofSeconds(2)).atMost(PublishedRegistry.PATIENCE).untilAsserted(() ->
                assertThat(registry.of(CardRecord.class, tenant.card)).extracting(CardRecord::status)
                        .containsExactly("ACTIVE", "BLOCKED"));
        assertThat(quarantinedReason(notice.id())).isNull();
    }

    @Test
    void quarantinesANoticeThatNeverAppliesAfterFiveAttemptsAndAppliesTheNextOfItsPartition() {
        Tenant broken = tenant();
        Tenant next = tenant();
        Envelope<InvoiceOverdue> doomed = Envelope.of(INVOICING, overdue(broken, "LINDE-2026-000803"));
        Envelope<InvoiceOverdue> following = Envelope.of(INVOICING, overdue(next, "LINDE-2026-000804"));

        try (CardFault fault = CardFault.failing(dataSource, broken.card, Integer.MAX_VALUE)) {
            RecordMetadata first = topics.publish(doomed);
            // keyed like the doomed notice, so that it can only be applied once the partition moved on
            RecordMetadata second = RawRecords.publish(Topics.INVOICES_EVENTS, doomed.subject(), following.id(),
                    EventCatalog.INVOICE_OVERDUE.ceType(), SERIALIZER.serialize(Topics.INVOICES_EVENTS,
                            new RecordHeaders(), following));

            registry.awaitLatest(CardRecord.class, next.card, r -> r.status().equals("BLOCKED"));
            assertThat(second.partition()).isEqualTo(first.partition());
            await().atMost(PublishedRegistry.PATIENCE).until(() -> quarantinedReason(doomed.id()) != null);
            assertThat(quarantinedReason(doomed.id())).contains("card change refused by a test fault");
            assertThat(fault.attempts()).isEqualTo(5);
        }
        assertThat(registry.of(CardRecord.class, broken.card)).extracting(CardRecord::status).containsExactly("ACTIVE");
    }

    /** An operator that blocks cards at once, one driver and one ACTIVE card. */
    private record Tenant(UUID operator, UUID driver, UUID card) {
    }

    private static Tenant tenant() {
        UUID operatorId = createOperator(o -> o.put("dunning", Map.of("blockCards", true, "blockAfterDaysOverdue", 0)));
        UUID driverId = createDriver(operatorId, anEmail("anna"));
        return new Tenant(operatorId, driverId, createCard(operatorId, driverId, anIdTag()));
    }

    private static InvoiceOverdue overdue(Tenant tenant, String number) {
        return new InvoiceOverdue(UUID.randomUUID(), tenant.operator, tenant.driver, number,
                LocalDate.now().minusDays(3), 3, new BigDecimal("42.10"), "OVERDUE");
    }

    /** Why dunning quarantined the event, or null while it has not. */
    private String quarantinedReason(UUID eventId) {
        return ConsumerQuarantine.reason(entityManager, InvoiceEventsConsumer.NAME, eventId);
    }

    /**
     * A fault that makes the first changes of one card fail, as a bug would: a trigger counts the attempts
     * in a sequence (which a rollback does not undo) and refuses the first ones.
     */
    private static final class CardFault implements AutoCloseable {

        private final AgroalDataSource dataSource;
        private final String name;

        private CardFault(AgroalDataSource dataSource, String name) {
            this.dataSource = dataSource;
            this.name = name;
        }

        static CardFault failing(AgroalDataSource dataSource, UUID cardId, int attempts) {
            String name = "fail_" + cardId.toString().replace("-", "");
            execute(dataSource, "CREATE SEQUENCE " + name);
            execute(dataSource, "CREATE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                    + " IF NEW.id = '" + cardId + "' THEN IF nextval('" + name + "') <= " + attempts + " THEN"
                    + " RAISE EXCEPTION 'card change refused by a test fault'; END IF; END IF; RETURN NEW; END $$");
            execute(dataSource, "CREATE TRIGGER " + name + " BEFORE UPDATE ON card FOR EACH ROW EXECUTE FUNCTION "
                    + name + "()");
            return new CardFault(dataSource, name);
        }

        /** How often the card was changed, or tried to be, since the fault was made. */
        long attempts() {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SELECT last_value FROM " + name)) {
                result.next();
                return result.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read " + name, e);
            }
        }

        @Override
        public void close() {
            execute(dataSource, "DROP TRIGGER IF EXISTS " + name + " ON card");
            execute(dataSource, "DROP FUNCTION IF EXISTS " + name + "()");
            execute(dataSource, "DROP SEQUENCE IF EXISTS " + name);
        }

        private static void execute(AgroalDataSource dataSource, String sql) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot run " + sql, e);
            }
        }
    }
}
