package org.evsettle.users.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.evsettle.events.Envelope;
import org.evsettle.events.Topics;
import org.evsettle.events.invoices.InvoiceOverdue;
import org.evsettle.events.invoices.InvoicePaid;
import org.evsettle.outbox.ProcessedEvents;
import org.evsettle.users.Dunning;

/**
 * Applies one invoice event to dunning, once: the event id is recorded in the transaction that blocks
 * or unblocks the cards and stores their new records in the outbox. Other invoice events pass by.
 */
@ApplicationScoped
public class DunningEventHandler {

    static final String CONSUMER = "dunning";

    private final ProcessedEvents processedEvents;
    private final EventRoutes routes;

    public DunningEventHandler(ProcessedEvents processedEvents, Dunning dunning) {
        this.processedEvents = processedEvents;
        this.routes = new EventRoutes(Topics.INVOICES_EVENTS)
                .on(InvoiceOverdue.class, dunning::overdue)
                .on(InvoicePaid.class, dunning::paid);
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
