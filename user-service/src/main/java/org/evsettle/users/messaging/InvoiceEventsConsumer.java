package org.evsettle.users.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.evsettle.events.Envelope;
import org.evsettle.events.Topics;
import org.evsettle.events.invoices.InvoiceOverdue;
import org.evsettle.events.invoices.InvoicePaid;
import org.evsettle.outbox.ProcessedEvents;
import org.evsettle.outbox.consumer.EventConsumer;
import org.evsettle.outbox.consumer.EventDelivery;
import org.evsettle.users.Dunning;

/**
 * Reads {@code invoices.events} for dunning, under the kit's failure policy: each overdue notice and
 * payment is applied once, its event id recorded in the transaction that blocks or unblocks the cards
 * and stores their new records in the outbox. Other invoice events pass by.
 */
@ApplicationScoped
public class InvoiceEventsConsumer implements EventConsumer {

    public static final String CHANNEL = "invoices-events";
    public static final String NAME = "user-service.dunning";

    private final EventDelivery delivery;
    private final EventRoutes routes;

    public InvoiceEventsConsumer(EventDelivery delivery, ProcessedEvents processedEvents, Dunning dunning) {
        this.delivery = delivery;
        this.routes = new EventRoutes(Topics.INVOICES_EVENTS, NAME, processedEvents)
                .on(InvoiceOverdue.class, dunning::overdue)
                .on(InvoicePaid.class, dunning::paid);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        delivery.deliver(this, record);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    @Transactional
    public void apply(Envelope<?> envelope) {
        routes.applyOnce(envelope);
    }
}
