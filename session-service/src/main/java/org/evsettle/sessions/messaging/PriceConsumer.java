package org.evsettle.sessions.messaging;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.evsettle.events.Envelope;
import org.evsettle.outbox.Redelivery;

/** Reads {@code tariffs.events}: the prices of sessions; an event that cannot be applied is retried, never skipped. */
@ApplicationScoped
public class PriceConsumer {

    public static final String CHANNEL = "tariffs-events";

    private final PriceProjection projection;
    private final Redelivery redelivery;

    public PriceConsumer(PriceProjection projection, Redelivery redelivery) {
        this.projection = projection;
        this.redelivery = redelivery;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(Envelope<?> envelope) {
        if (envelope == null) {
            Log.warn("Skipped a record without a value on tariffs.events");
            return;
        }
        redelivery.untilApplied(envelope.type() + " " + envelope.id(), () -> projection.apply(envelope));
    }
}
