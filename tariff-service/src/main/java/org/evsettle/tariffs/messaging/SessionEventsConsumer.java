package org.evsettle.tariffs.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.evsettle.events.Envelope;
import org.evsettle.outbox.consumer.BatchEventConsumer;
import org.evsettle.outbox.consumer.EventDelivery;

/**
 * Reads {@code sessions.events} a poll at a time (a batch channel) under the kit's failure policy: one
 * transaction per poll is what lets pricing keep up with thousands of sessions a second; a poll that
 * cannot be applied whole is applied one event at a time, so that an unreadable or failing event is
 * quarantined alone and the others are priced. A session no tariff prices yet does not wait here: it is
 * kept as unpriced and priced when a tariff for it appears (see {@code WaitingSessions}).
 */
@ApplicationScoped
public class SessionEventsConsumer implements BatchEventConsumer {

    public static final String CHANNEL = "sessions-events";
    public static final String NAME = "tariff-service.sessions";

    private final EventDelivery delivery;
    private final SessionEventHandler handler;

    public SessionEventsConsumer(EventDelivery delivery, SessionEventHandler handler) {
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
