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
    private final Map<Class<?>, Consumer<Event>> handlers = new HashMap<>();

    public DunningEventHandler(ProcessedEvents processedEvents, Dunning dunning) {
        this.processedEvents = processedEvents;
        on(InvoiceOverdue.class, dunning::overdue);
        on(InvoicePaid.class, dunning::paid);
    }

    /** Whether the event is one this handler applies; the others pass by without a transaction. */
    public boolean concerns(Envelope<?> envelope) {
        Event event = envelope.data();
        if (event instanceof UnknownEvent unknown) {
            Log.warnf("Skipped an unreadable record about %s on invoices.events (%s): %s", unknown.subject(),
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
