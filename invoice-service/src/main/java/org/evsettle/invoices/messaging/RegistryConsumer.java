package org.evsettle.invoices.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.evsettle.events.Envelope;
import org.evsettle.events.kafka.EnvelopeRecords;
import org.evsettle.invoices.RegistryProjection;
import org.evsettle.outbox.Redelivery;

/** Reads the registry topics the invoices need: operators (suppliers), sites (where) and drivers (customers). */
@ApplicationScoped
public class RegistryConsumer {

    public static final String OPERATORS = "registry-operators";
    public static final String SITES = "registry-sites";
    public static final String DRIVERS = "registry-drivers";

    private final Redelivery redelivery;
    private final RegistryProjection projection;

    public RegistryConsumer(Redelivery redelivery, RegistryProjection projection) {
        this.redelivery = redelivery;
        this.projection = projection;
    }

    @Incoming(OPERATORS)
    @Blocking
    public void operator(ConsumerRecord<String, Envelope<?>> record) {
        apply(EnvelopeRecords.of(record));
    }

    @Incoming(SITES)
    @Blocking
    public void site(ConsumerRecord<String, Envelope<?>> record) {
        apply(EnvelopeRecords.of(record));
    }

    @Incoming(DRIVERS)
    @Blocking
    public void driver(ConsumerRecord<String, Envelope<?>> record) {
        apply(EnvelopeRecords.of(record));
    }

    private void apply(Envelope<?> envelope) {
        redelivery.untilApplied(envelope.type() + " " + envelope.id(), () -> projection.apply(envelope));
    }
}
