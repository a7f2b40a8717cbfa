package org.evsettle.sessions.messaging;

import io.smallrye.common.annotation.Blocking;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.evsettle.events.Envelope;
import org.evsettle.outbox.Redelivery;

/** Reads {@code ocpp.events}; an event that cannot be applied is retried, never skipped. */
@ApplicationScoped
public class OcppEventsConsumer {

    public static final String CHANNEL = "ocpp-events";

    private final OcppEventHandler handler;
    private final Redelivery redelivery;

    public OcppEventsConsumer(OcppEventHandler handler, Redelivery redelivery) {
        this.handler = handler;
        this.redelivery = redelivery;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(Envelope<?> envelope) {
        if (envelope == null) {
            Log.warn("Skipped a record without a value on ocpp.events");
            return;
        }
        redelivery.untilApplied(envelope.type() + " " + envelope.id(), () -> handler.apply(envelope));
    }
}
