package org.evsettle.sessions.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.evsettle.events.Envelope;
import org.evsettle.events.kafka.EnvelopeRecords;
import org.evsettle.outbox.Redelivery;

/** Reads the compacted {@code registry.drivers} into this service's projection of drivers. */
@ApplicationScoped
public class DriversConsumer {

    public static final String CHANNEL = "registry-drivers";

    private final DriverProjection projection;
    private final Redelivery redelivery;

    public DriversConsumer(DriverProjection projection, Redelivery redelivery) {
        this.projection = projection;
        this.redelivery = redelivery;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, Envelope<?>> record) {
        Envelope<?> envelope = EnvelopeRecords.of(record);
        redelivery.untilApplied(envelope.type() + " " + envelope.id(), () -> projection.apply(envelope));
    }
}
