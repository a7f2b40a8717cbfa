package org.evsettle.tariffs.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.evsettle.events.Envelope;
import org.evsettle.outbox.Redelivery;

/** Reads {@code sessions.events}; an event that cannot be applied yet is retried, never skipped. */
@ApplicationScoped
public class SessionEventsConsumer {

    public static final String CHANNEL = "sessions-events";

    private final SessionEventHandler handler;
    private final Redelivery redelivery;

    public SessionEventsConsumer(SessionEventHandler handler, Redelivery redelivery) {
        this.handler = handler;
        this.redelivery = redelivery;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(Envelope<?> envelope) {
        redelivery.untilApplied(envelope.type() + " " + envelope.id(), () -> handler.apply(envelope));
    }
}
