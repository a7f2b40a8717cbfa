package org.evsettle.users.messaging;

import io.quarkus.logging.Log;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.evsettle.events.Envelope;
import org.evsettle.events.Event;
import org.evsettle.events.UnknownEvent;

/**
 * Which events of a topic a handler applies, and to what: the events it names are routed, every other
 * one (and an unreadable one, with a warning) passes by.
 */
final class EventRoutes {

    private final String topic;
    private final Map<Class<?>, Consumer<Event>> routes = new HashMap<>();

    EventRoutes(String topic) {
        this.topic = topic;
    }

    <T extends Event> EventRoutes on(Class<T> type, Consumer<T> handler) {
        routes.put(type, event -> handler.accept(type.cast(event)));
        return this;
    }

    /** Whether the event has a route; the others pass by without a transaction. */
    boolean concerns(Envelope<?> envelope) {
        Event event = envelope.data();
        if (event instanceof UnknownEvent unknown) {
            Log.warnf("Skipped an unreadable record about %s on %s (%s): %s", unknown.subject(), topic,
                    unknown.ceType(), unknown.reason());
            return false;
        }
        return event != null && routes.containsKey(event.getClass());
    }

    /** Applies an event it {@link #concerns}. */
    void route(Envelope<?> envelope) {
        routes.get(envelope.data().getClass()).accept(envelope.data());
    }
}
