package org.evsettle.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.sessions.SessionWaits.PATIENCE;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventCatalog;
import org.evsettle.events.registry.Address;
import org.evsettle.events.registry.CardRecord;
import org.evsettle.events.registry.DriverRecord;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The registry copies this service keeps, through the kit's projection on the one registry channel. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class RegistryCopiesTest {

    /** The consumer group every channel of the service reads in. */
    private static final String GROUP = "session-service";

    private final TopicProbe topics = new TopicProbe(InfrastructureResource.stack().kafka().bootstrapServers());

    @AfterEach
    void closeProbe() {
        topics.close();
    }

    @Test
    void keepsTheNewestStateOfADriverAndForgetsADeletedOne() {
        UUID driverId = UUID.randomUUID();
        UUID operatorId = UUID.randomUUID();

        topics.publish("user-service", driver(driverId, operatorId, 2, "EMPLOYEE"));
        RecordMetadata older = topics.publish(Envelope.of(UUID.randomUUID(), "user-service",
                driver(driverId, operatorId, 1, "GUEST"), Instant.now()));
        await().atMost(PATIENCE).until(() -> topics.consumed(GROUP, older));

        Driver stored = QuarkusTransaction.requiringNew().call(() -> Driver.findById(driverId));
        assertThat(stored.revision).isEqualTo(2);
        assertThat(stored.userType).isEqualTo("EMPLOYEE");
        assertThat(stored.operatorId).isEqualTo(operatorId);

        topics.publish("user-service", driver(driverId, operatorId, 3, "RESIDENT"));
        await().atMost(PATIENCE).until(() -> "RESIDENT".equals(
                QuarkusTransaction.requiringNew().call(() -> Driver.userTypeOf(driverId).orElse(null))));

        topics.publish(Envelope.tombstone(EventCatalog.DRIVER, "user-service", driverId.toString()));
        await().atMost(PATIENCE).until(
                () -> QuarkusTransaction.requiringNew().call(() -> Driver.findById(driverId)) == null);
    }

    @Test
    void takesTheDefaultZoneAndCurrencyForAnOperatorThatNamesNone() {
        UUID operatorId = UUID.randomUUID();
        topics.publish("user-service", new OperatorRecord(operatorId, 1, "Laadpaal Coöperatie", null, null, null,
                null, null, null, null, null, "MONTHLY", 0, 14, null, false, List.of(), null, null, false, List.of(),
                List.of(), null, null));

        await().atMost(PATIENCE).until(() -> QuarkusTransaction.requiringNew().call(() -> Operator.findById(operatorId))
                != null);
        Operator stored = QuarkusTransaction.requiringNew().call(() -> Operator.findById(operatorId));
        assertThat(stored.timeZone).isEqualTo("Europe/Amsterdam");
        assertThat(stored.currency).isEqualTo("EUR");
        assertThat(stored.legalName).isEqualTo("Laadpaal Coöperatie");
    }

    @Test
    void keepsACardsLabelForTheReport() {
        UUID cardId = UUID.randomUUID();
        topics.publish("user-service", new CardRecord(cardId, 1, UUID.randomUUID(), UUID.randomUUID(), "04A2B3C4",
                "Anna's Golf", "ACTIVE", null, null));

        await().atMost(PATIENCE).until(() -> "Anna's Golf".equals(QuarkusTransaction.requiringNew()
                .call(() -> Card.<Card>findByIdOptional(cardId).map(card -> card.label).orElse(null))));
    }

    private static DriverRecord driver(UUID driverId, UUID operatorId, long revision, String userType) {
        return new DriverRecord(driverId, revision, operatorId, "Bram Jansen", "bram@example.org",
                new Address("Kade 1", "1011 AA", "Amsterdam", "NL"), userType, null, null, "ACTIVE", null, null, null, null);
    }
}
