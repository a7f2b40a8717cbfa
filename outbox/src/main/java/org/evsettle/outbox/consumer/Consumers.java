package org.evsettle.outbox.consumer;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.evsettle.events.Topics;

/**
 * The service's consumers by name, for the events applied later than they came: parked and replayed
 * ones. Every name should be one of {@code Topics.CONSUMERS}, whose dead-letter topics exist; a
 * service's tests check that for its consumers.
 */
@ApplicationScoped
public class Consumers {

    private final Instance<EventConsumer> beans;
    private volatile Map<String, EventConsumer> byName;

    public Consumers(@Any Instance<EventConsumer> beans) {
        this.beans = beans;
    }

    public Optional<EventConsumer> named(String name) {
        return Optional.ofNullable(byName().get(name));
    }

    public Set<String> names() {
        return byName().keySet();
    }

    private Map<String, EventConsumer> byName() {
        Map<String, EventConsumer> known = byName;
        if (known == null) {
            known = new TreeMap<>();
            for (EventConsumer consumer : beans) {
                if (known.put(consumer.name(), consumer) != null) {
                    throw new IllegalStateException("Two consumers are named " + consumer.name());
                }
                if (!Topics.CONSUMERS.contains(consumer.name())) {
                    Log.errorf("Consumer %s is not in Topics.CONSUMERS: the dead-letter topic %s may not exist",
                            consumer.name(), Topics.deadLetters(consumer.name()));
                }
            }
            byName = known;
        }
        return known;
    }
}
