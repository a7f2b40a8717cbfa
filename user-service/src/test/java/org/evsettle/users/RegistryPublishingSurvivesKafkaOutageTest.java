package org.evsettle.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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
import org.evsettle.testkit.ManagementPort;
import org.evsettle.testkit.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The registry keeps accepting changes while Kafka is down, and every change reaches its topic once
 * Kafka is back: the state change and its event are one transaction (the outbox), not two writes. The
 * broker is started again after the test, whatever happened, and the service is ready again before
 * the next test runs.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class RegistryPublishingSurvivesKafkaOutageTest {

    private static final Duration RECOVERY = Duration.ofSeconds(90);

    private final KafkaBroker kafka = InfrastructureResource.stack().kafka();

    @AfterEach
    void restoreKafka() {
        kafka.start(); // returns at once when it is running
        ManagementPort.awaitReady(RECOVERY);
    }

    @Test
    void publishesChangesMadeWhileKafkaWasDownOnceItIsBack() {
        ManagementPort.awaitReady(RECOVERY);
        kafka.stop();
        UUID operatorId = createOperator();
        kafka.start();

        try (TopicProbe topics = new TopicProbe(kafka.bootstrapServers())) {
            List<OperatorRecord> published = await().atMost(Duration.ofSeconds(60))
                    .until(() -> topics.readAll(Topics.REGISTRY_OPERATORS, OperatorRecord.class,
                            r -> r.id().equals(operatorId), Duration.ofSeconds(2)), records -> !records.isEmpty());
            assertThat(published).hasSize(1);
        }
    }
}
