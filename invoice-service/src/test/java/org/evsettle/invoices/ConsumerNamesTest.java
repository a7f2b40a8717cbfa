package org.evsettle.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.evsettle.events.Topics;
import org.evsettle.outbox.consumer.Consumers;
import org.evsettle.testkit.InfrastructureResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ConsumerNamesTest {

    @Inject
    Consumers consumers;

    @Test
    void everyConsumerIsNamedInTopicsConsumersSoItsDeadLetterTopicExists() {
        assertThat(consumers.names()).containsExactlyInAnyOrder("invoice-service.prices", "invoice-service.registry");
        assertThat(Topics.CONSUMERS).containsAll(consumers.names());
    }
}
