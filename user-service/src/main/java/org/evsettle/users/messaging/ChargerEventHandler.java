package org.evsettle.users.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.evsettle.events.Envelope;
import org.evsettle.events.Topics;
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
    private final EventRoutes routes;

    public ChargerEventHandler(ProcessedEvents processedEvents, ChargerEnrollment enrollment) {
        this.processedEvents = processedEvents;
        this.routes = new EventRoutes(Topics.OCPP_EVENTS)
                .on(ChargerEnrolled.class, enrollment::enrolled)
                .on(ChargerBooted.class, enrollment::booted);
    }

    /** Whether the event is one this handler applies; the others pass by without a transaction. */
    public boolean concerns(Envelope<?> envelope) {
        return routes.concerns(envelope);
    }

    /** Applies an event it {@link #concerns}, unless this consumer applied it before. */
    @Transactional
    public void apply(Envelope<?> envelope) {
        if (processedEvents.firstTime(CONSUMER, envelope.id())) {
            routes.route(envelope);
        }
    }
}
