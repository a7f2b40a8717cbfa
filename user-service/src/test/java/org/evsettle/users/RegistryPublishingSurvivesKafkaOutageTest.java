package org.evsettle.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.users.RegistryFixtures.createOperator;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.evsettle.devstack.kafka.KafkaBroker;
import org.evsettle.events.Topics;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TopicProbe;
import org.junit.jupiter.api.Test;

/**
 * The registry keeps accepting changes while Kafka is down, and every change reaches its topic once
 * Kafka is back: the state change and its event are one transaction (the outbox), not two writes.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class RegistryPublishingSurvivesKafkaOutageTest {

    @Test
    void publishesChangesMadeWhileKafkaWasDownOnceItIsBack() {
        KafkaBroker kafka = InfrastructureResource.stack().kafka();
        UUID operatorId;
        kafka.stop();
        try {
            operatorId = createOperator();
        } finally {
            kafka.start();
        }

        try (TopicProbe topics = new TopicProbe(kafka.bootstrapServers())) {
            List<OperatorRecord> published = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> topics.readAll(Topics.REGISTRY_OPERATORS, OperatorRecord.class,
                            r -> r.id().equals(operatorId), Duration.ofSeconds(2)), records -> !records.isEmpty());
            assertThat(published).hasSize(1);
        }
    }
}
