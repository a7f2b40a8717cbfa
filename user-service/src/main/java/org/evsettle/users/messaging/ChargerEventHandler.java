package org.evsettle.users.messaging;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.evsettle.events.Envelope;
import org.evsettle.events.Event;
import org.evsettle.events.UnknownEvent;
import org.evsettle.events.ocpp.ChargerBooted;
import org.evsettle.events.ocpp.ChargerEnrolled;
import org.evsettle.outbox.ProcessedEvents;
import org.evsettle.users.ChargerEnrollment;

/**
 * Applies one charger event to the registry, once (the event id is recorded in the transaction of the
 * effect). Only boots and enrollments concern the registry; every other charger event passes by.
 */
@ApplicationScoped
public class ChargerEventHandler {

    static final String CONSUMER = "charger-registry";

    private final ProcessedEvents processedEvents;
    private final Map<Class<?>, Consumer<Event>> handlers = new HashMap<>();

    public ChargerEventHandler(ProcessedEvents processedEvents, ChargerEnrollment enrollment) {
        this.processedEvents = processedEvents;
        on(ChargerEnrolled.class, enrollment::enrolled);
        on(ChargerBooted.class, enrollment::booted);
    }

    /** Whether the event is one this handler applies; the others pass by without a transaction. */
    public boolean concerns(Envelope<?> envelope) {
        Event event = envelope.data();
        if (event instanceof UnknownEvent unknown) {
            Log.warnf("Skipped an unreadable record about %s on ocpp.events (%s): %s", unknown.subject(),
                    unknown.ceType(), unknown.reason());
            return false;
        }
        return event != null && handlers.containsKey(event.getClass());
    }

    /** Applies an event it {@link #concerns}, unless this consumer applied it before. */
    @Transactional
    public void apply(Envelope<?> envelope) {
        if (processedEvents.firstTime(CONSUMER, envelope.id())) {
            handlers.get(envelope.data().getClass()).accept(envelope.data());
        }
    }

    private <T extends Event> void on(Class<T> type, Consumer<T> handler) {
        handlers.put(type, event -> handler.accept(type.cast(event)));
    }
}
