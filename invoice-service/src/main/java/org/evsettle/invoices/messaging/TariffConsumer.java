package org.evsettle.invoices.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.evsettle.events.Envelope;
import org.evsettle.invoices.SessionInvoicing;
import org.evsettle.outbox.ProcessedEvents;
import org.evsettle.outbox.consumer.EventConsumer;
import org.evsettle.outbox.consumer.EventDelivery;

/**
 * Reads the prices and new prices of sessions from tariffs.events and has them invoiced, in order, once
 * per event, under the kit's failure policy: a price whose operator the registry has not told about is
 * parked until it has, an unreadable record is quarantined, and the partition never stops.
 */
@ApplicationScoped
public class TariffConsumer implements EventConsumer {

    public static final String CHANNEL = "tariffs-events";
    public static final String NAME = "invoice-service.prices";

    private final EventDelivery delivery;
    private final ProcessedEvents processedEvents;
    private final SessionInvoicing invoicing;

    public TariffConsumer(EventDelivery delivery, ProcessedEvents processedEvents, SessionInvoicing invoicing) {
        this.delivery = delivery;
        this.processedEvents = processedEvents;
        this.invoicing = invoicing;
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
    public void apply(Envelope<?> event) {
        if (processedEvents.firstTime(NAME, event.id())) {
            invoicing.apply(event);
        }
    }
}
