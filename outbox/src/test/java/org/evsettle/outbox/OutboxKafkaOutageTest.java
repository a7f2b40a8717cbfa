package org.evsettle.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.evsettle.devstack.kafka.KafkaBroker;
import org.evsettle.events.Topics;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.ManagementPort;
import org.junit.jupiter.api.Test;

/**
 * A change committed while Kafka is away (the relay cannot send what was committed, as after a crash
 * between commit and send) is kept and sent once Kafka is back, each event once and in order; and the
 * service comes back to ready by itself. In an application of its own, so no other test sees the outage.
 */
@QuarkusTest
@TestProfile(OutboxKafkaOutageTest.OwnApplication.class)
@WithTestResource(InfrastructureResource.class)
@WithTestResource(OutboxTestTopics.class)
class OutboxKafkaOutageTest {

    /** Only to have an application of its own. */
    public static class OwnApplication implements QuarkusTestProfile {
    }

    @Inject
    Counters counters;
    @Inject
    Tables tables;

    @Test
    void keepsWhatWasCommittedWhileKafkaWasAwayAndSendsItOnceItIsBack() {
        UUID key = UUID.randomUUID();
        KafkaBroker kafka = InfrastructureResource.stack().kafka();
        kafka.stop();
        try {
            counters.change(key);
            counters.change(key);
            counters.change(key);
            assertThat(tables.count("SELECT count(*) FROM outbox_event WHERE message_key = ?", key.toString()))
                    .isEqualTo(3);
        } finally {
            kafka.start();
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> tables.count(
                "SELECT count(*) FROM outbox_event WHERE message_key = ?", key.toString()) == 0);

        List<ConsumerRecord<String, byte[]>> sent = KitFixtures.readAll(Topics.INVOICES_EVENTS, Duration.ofSeconds(2))
                .stream().filter(record -> record.key().equals(key.toString())).toList();
        assertThat(sent.stream().map(Counters::numberIn).toList()).containsExactly(1L, 2L, 3L);
        ManagementPort.awaitReady(Duration.ofSeconds(90));
    }
}
