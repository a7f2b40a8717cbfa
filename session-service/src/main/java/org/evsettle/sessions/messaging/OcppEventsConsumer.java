package org.evsettle.sessions.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.evsettle.events.Envelope;
import org.evsettle.outbox.consumer.BatchEventConsumer;
import org.evsettle.outbox.consumer.EventDelivery;

/**
 * Reads {@code ocpp.events} a poll at a time (the channel is a batch channel) under the kit's failure
 * policy: one transaction per poll keeps ingest fast and the records of a partition in order; a poll
 * that cannot be applied whole is applied one record at a time, so that an unreadable or failing record
 * is quarantined and the others are assembled. Nothing here waits for another record (see the README).
 */
@ApplicationScoped
public class OcppEventsConsumer implements BatchEventConsumer {

    public static final String CHANNEL = "ocpp-events";
    public static final String NAME = "session-service.charger-events";

    private final EventDelivery delivery;
    private final OcppEventHandler handler;

    public OcppEventsConsumer(EventDelivery delivery, OcppEventHandler handler) {
        this.delivery = delivery;
        this.handler = handler;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        delivery.deliverAll(this, records);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void applyAll(List<Envelope<?>> events) {
        handler.apply(events);
    }
}
