package org.evsettle.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.evsettle.events.Topics;
import org.evsettle.outbox.consumer.Consumers;
import org.evsettle.testkit.InfrastructureResource;
import org.junit.jupiter.api.Test;

/** Every consumer is named as Topics.CONSUMERS names it: only those have a dead-letter topic. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ConsumerNamesTest {

    @Inject
    Consumers consumers;

    @Test
    void namesEveryConsumerAsTopicsNamesItSoThatItsDeadLetterTopicExists() {
        assertThat(consumers.names()).containsExactlyInAnyOrder("user-service.charger-events", "user-service.dunning");
        assertThat(Topics.CONSUMERS).containsAll(consumers.names());
    }
}
