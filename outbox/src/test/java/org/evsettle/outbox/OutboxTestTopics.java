package org.evsettle.outbox;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.evsettle.events.Topics;
import org.evsettle.testkit.InfrastructureResource;

/** The test application's own topics, and the dead-letter topics of its consumers, created before it starts. */
public class OutboxTestTopics implements QuarkusTestResourceLifecycleManager {

    public static final String EVENTS = "test.events";
    public static final String BATCHES = "test.batches";

    @Override
    public Map<String, String> start() {
        String bootstrap = InfrastructureResource.stack().kafka().bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> topics = List.of(EVENTS, BATCHES, Topics.deadLetters(TestConsumers.EVENTS),
                            Topics.deadLetters(TestConsumers.BATCHES), Topics.deadLetters("outbox-test.registry")).stream()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, name.startsWith("dlq.") ? 1 : 3, (short) 1))
                    .toList();
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the test topics", e);
        }
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
