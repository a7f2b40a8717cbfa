package org.evsettle.users.messaging;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.evsettle.events.Envelope;
import org.evsettle.outbox.Redelivery;

/** Reads {@code invoices.events} for dunning; an event that cannot be applied is retried, never skipped. */
@ApplicationScoped
public class InvoiceEventsConsumer {

    public static final String CHANNEL = "invoices-events";

    private final DunningEventHandler handler;
    private final Redelivery redelivery;

    public InvoiceEventsConsumer(DunningEventHandler handler, Redelivery redelivery) {
        this.handler = handler;
        this.redelivery = redelivery;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(Envelope<?> envelope) {
        if (envelope == null) {
            Log.warn("Skipped a record without a value on invoices.events");
            return;
        }
        if (handler.concerns(envelope)) {
            redelivery.untilApplied(envelope.type() + " " + envelope.id(), () -> handler.apply(envelope));
        }
    }
}
