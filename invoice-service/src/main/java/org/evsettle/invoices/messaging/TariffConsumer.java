package org.evsettle.invoices.messaging;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.evsettle.events.Envelope;
import org.evsettle.invoices.SessionInvoicing;
import org.evsettle.outbox.Redelivery;

/** Reads the prices and new prices of sessions from tariffs.events and has them invoiced, in order, none skipped. */
@ApplicationScoped
public class TariffConsumer {

    public static final String CHANNEL = "tariffs-events";

    private final Redelivery redelivery;
    private final SessionInvoicing invoicing;

    public TariffConsumer(Redelivery redelivery, SessionInvoicing invoicing) {
        this.redelivery = redelivery;
        this.invoicing = invoicing;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(Envelope<?> envelope) {
        if (envelope == null) {
            // a record without a value: tariffs.events carries no tombstones, so there is nothing to apply
            Log.warn("Skipping a tariffs.events record without a value");
            return;
        }
        redelivery.untilApplied(envelope.type() + " " + envelope.id(), () -> invoicing.apply(envelope));
    }
}
