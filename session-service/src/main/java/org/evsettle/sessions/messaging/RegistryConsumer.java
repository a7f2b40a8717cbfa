package org.evsettle.sessions.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventCatalog;
import org.evsettle.events.EventType;
import org.evsettle.events.kafka.EnvelopeRecords;
import org.evsettle.outbox.Redelivery;

/**
 * Reads the compacted registry topics this service projects. Records arrive as Kafka records, so that
 * a tombstone (a record without a value, which no deserializer sees) still reaches the projection.
 */
@ApplicationScoped
public class RegistryConsumer {

    public static final String OPERATORS = "registry-operators";
    public static final String SITES = "registry-sites";
    public static final String DRIVERS = "registry-drivers";
    public static final String CARDS = "registry-cards";

    private final RegistryProjection projection;
    private final Redelivery redelivery;

    public RegistryConsumer(RegistryProjection projection, Redelivery redelivery) {
        this.projection = projection;
        this.redelivery = redelivery;
    }

    @Incoming(OPERATORS)
    @Blocking
    public void operator(ConsumerRecord<String, Envelope<?>> record) {
        apply(EventCatalog.OPERATOR, record);
    }

    @Incoming(SITES)
    @Blocking
    public void site(ConsumerRecord<String, Envelope<?>> record) {
        apply(EventCatalog.SITE, record);
    }

    @Incoming(DRIVERS)
    @Blocking
    public void driver(ConsumerRecord<String, Envelope<?>> record) {
        apply(EventCatalog.DRIVER, record);
    }

    @Incoming(CARDS)
    @Blocking
    public void card(ConsumerRecord<String, Envelope<?>> record) {
        apply(EventCatalog.CARD, record);
    }

    private void apply(EventType<?> type, ConsumerRecord<String, Envelope<?>> record) {
        Envelope<?> envelope = EnvelopeRecords.of(record);
        redelivery.untilApplied(envelope.type() + " " + envelope.id(), () -> projection.apply(type, envelope));
    }
}
