package org.evsettle.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventCatalog;
import org.evsettle.events.Topics;
import org.evsettle.events.registry.SiteRecord;
import org.evsettle.testkit.InfrastructureResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The one registry projection: a newer revision replaces the copy, an older one changes nothing, a
 * tombstone deletes, and a record that is not a registry record of its topic is quarantined while the
 * records after it are applied.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(OutboxTestTopics.class)
class RegistryProjectionTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CONSUMER = "outbox-test.registry";

    @Inject
    Tables tables;

    private final KitFixtures kafka = new KitFixtures();

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void keepsTheNewestRevisionAndForgetsADeletedEntity() {
        UUID id = UUID.randomUUID();
        kafka.publish(Topics.REGISTRY_OPERATORS, Envelope.of("user-service", KitFixtures.operator(id, 2, "Second")));
        kafka.publish(Topics.REGISTRY_OPERATORS, Envelope.of("user-service", KitFixtures.operator(id, 1, "First")));
        kafka.publish(Topics.REGISTRY_OPERATORS, Envelope.of("user-service", KitFixtures.operator(id, 3, "Third")));
        await().atMost(WAIT).until(() -> tables.count(
                "SELECT count(*) FROM known_operator WHERE id = ? AND revision = 3 AND legal_name = 'Third'", id) == 1);

        kafka.publish(Topics.REGISTRY_OPERATORS, Envelope.of("user-service", KitFixtures.operator(id, 2, "Stale")));
        kafka.publish(Topics.REGISTRY_OPERATORS, Envelope.tombstone(EventCatalog.OPERATOR, "user-service", id.toString()));
        await().atMost(WAIT).until(() -> tables.count("SELECT count(*) FROM known_operator WHERE id = ?", id) == 0);
        assertThat(tables.count("SELECT count(*) FROM quarantined_event WHERE consumer = ? AND message_key = ?",
                CONSUMER, id.toString())).isZero();
    }

    @Test
    void quarantinesRecordsThatAreNotRegistryRecordsOfTheirTopicAndAppliesTheNextOnes() {
        UUID notAnId = UUID.randomUUID();
        kafka.publish(Topics.REGISTRY_OPERATORS, "operator-7", notAnId, KitFixtures.operatorType(), null);
        UUID otherKey = UUID.randomUUID();
        UUID mismatched = UUID.randomUUID();
        Envelope<?> someoneElse = Envelope.of("user-service", KitFixtures.operator(UUID.randomUUID(), 1, "Elsewhere"));
        kafka.publish(Topics.REGISTRY_OPERATORS, otherKey.toString(), mismatched, KitFixtures.operatorType(),
                KitFixtures.json(someoneElse));
        UUID siteId = UUID.randomUUID();
        UUID aSite = UUID.randomUUID();
        kafka.publish(Topics.REGISTRY_OPERATORS, siteId.toString(), aSite, EventCatalog.SITE.ceType(),
                KitFixtures.json(Envelope.of("user-service", new SiteRecord(siteId, 1, UUID.randomUUID(), "Garage", null))));
        UUID after = UUID.randomUUID();
        kafka.publish(Topics.REGISTRY_OPERATORS, Envelope.of("user-service", KitFixtures.operator(after, 1, "After")));

        await().atMost(WAIT).until(() -> tables.count("SELECT count(*) FROM known_operator WHERE id = ?", after) == 1);
        await().atMost(WAIT).until(() -> tables.count("SELECT count(*) FROM quarantined_event WHERE consumer = ?"
                + " AND event_id IN (?, ?, ?)", CONSUMER, notAnId, mismatched, aSite) == 3);
        assertThat(reason(notAnId)).contains("key operator-7 is not an entity id");
        assertThat(reason(mismatched)).contains("was published under key " + otherKey);
        assertThat(reason(aSite)).contains("does not belong on registry.operators");
        assertThat(tables.count("SELECT count(*) FROM quarantined_event WHERE event_id IN (?, ?, ?) AND attempts = 1",
                notAnId, mismatched, aSite)).as("quarantined at once, not after retries").isEqualTo(3);
    }

    private String reason(UUID eventId) {
        return tables.text("SELECT reason FROM quarantined_event WHERE event_id = ?", eventId);
    }
}
