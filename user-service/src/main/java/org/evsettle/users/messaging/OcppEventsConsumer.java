package org.evsettle.users.messaging;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.evsettle.events.Envelope;
import org.evsettle.outbox.Redelivery;

/** Reads {@code ocpp.events} for what chargers tell the registry; an event that cannot be applied is retried. */
@ApplicationScoped
public class OcppEventsConsumer {

    public static final String CHANNEL = "ocpp-events";

    private final ChargerEventHandler handler;
    private final Redelivery redelivery;

    public OcppEventsConsumer(ChargerEventHandler handler, Redelivery redelivery) {
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
        if (handler.concerns(envelope)) {
            redelivery.untilApplied(envelope.type() + " " + envelope.id(), () -> handler.apply(envelope));
        }
    }
}
