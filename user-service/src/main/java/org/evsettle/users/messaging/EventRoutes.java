package org.evsettle.users.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.evsettle.events.Envelope;
import org.evsettle.events.Event;
import org.evsettle.outbox.ProcessedEvents;
import org.evsettle.outbox.consumer.MalformedRecord;

/**
 * Which events of a topic a consumer applies, and to what, once each: the events it names are routed
 * (their id recorded under the consumer's name in the transaction of the effect), every other one
 * passes by. Unreadable records never get here: the failure policy quarantines them first.
 */
final class EventRoutes {

    private final String topic;
    private final String consumer;
    private final ProcessedEvents processedEvents;
    private final Map<Class<?>, Consumer<Event>> routes = new HashMap<>();

    EventRoutes(String topic, String consumer, ProcessedEvents processedEvents) {
        this.topic = topic;
        this.consumer = consumer;
        this.processedEvents = processedEvents;
    }

    <T extends Event> EventRoutes on(Class<T> type, Consumer<T> handler) {
        routes.put(type, event -> handler.accept(type.cast(event)));
        return this;
    }

    /**
     * Applies the event if it has a route and this consumer has not applied it before, in the caller's
     * transaction; a record without a value is refused as malformed, as these topics carry no tombstones.
     */
    void applyOnce(Envelope<?> envelope) {
        if (envelope.isTombstone()) {
            throw new MalformedRecord(topic + " carries no tombstones, but " + envelope.type() + " about "
                    + envelope.subject() + " has no value");
        }
        Consumer<Event> route = routes.get(envelope.data().getClass());
        if (route != null && processedEvents.firstTime(consumer, envelope.id())) {
            route.accept(envelope.data());
        }
    }
}
