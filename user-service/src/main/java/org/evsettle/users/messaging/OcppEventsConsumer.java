package org.evsettle.users.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.evsettle.events.Envelope;
import org.evsettle.events.Topics;
import org.evsettle.events.ocpp.ChargerBooted;
import org.evsettle.events.ocpp.ChargerEnrolled;
import org.evsettle.events.ocpp.ChargerPasswordIssued;
import org.evsettle.events.ocpp.ChargerPasswordRefused;
import org.evsettle.outbox.ProcessedEvents;
import org.evsettle.outbox.consumer.EventConsumer;
import org.evsettle.outbox.consumer.EventDelivery;
import org.evsettle.users.ChargerEnrollment;

/**
 * Reads {@code ocpp.events} for what chargers tell the registry, under the kit's failure policy: enrollments,
 * the passwords chargers took (or did not) and boots are applied once each (the event id is recorded in the transaction of the effect); every other
 * charger event passes by.
 */
@ApplicationScoped
public class OcppEventsConsumer implements EventConsumer {

    public static final String CHANNEL = "ocpp-events";
    public static final String NAME = "user-service.charger-events";

    private final EventDelivery delivery;
    private final EventRoutes routes;

    public OcppEventsConsumer(EventDelivery delivery, ProcessedEvents processedEvents, ChargerEnrollment enrollment) {
        this.delivery = delivery;
        this.routes = new EventRoutes(Topics.OCPP_EVENTS, NAME, processedEvents)
                .on(ChargerEnrolled.class, enrollment::enrolled)
                .on(ChargerPasswordIssued.class, enrollment::passwordIssued)
                .on(ChargerPasswordRefused.class, enrollment::passwordRefused)
                .on(ChargerBooted.class, enrollment::booted);
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
