package org.evsettle.sessions.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.evsettle.events.Envelope;
import org.evsettle.outbox.Redelivery;

/**
 * Reads {@code ocpp.events} a poll at a time (the channel is a batch channel): one transaction per batch
 * keeps ingest fast, the records of a partition stay in order, and the offsets are committed only after
 * the batch is applied. A batch that cannot be applied is retried whole, never skipped.
 */
@ApplicationScoped
public class OcppEventsConsumer {

    public static final String CHANNEL = "ocpp-events";

    private final OcppEventHandler handler;
    private final Redelivery redelivery;

    public OcppEventsConsumer(OcppEventHandler handler, Redelivery redelivery) {
        this.handler = handler;
        this.redelivery = redelivery;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(List<Envelope<?>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Envelope<?> first = batch.stream().filter(Objects::nonNull).findFirst().orElse(null);
        String what = batch.size() + " charger events" + (first == null ? "" : " from " + first.type() + " " + first.id());
        redelivery.untilApplied(what, () -> handler.apply(batch));
    }
}
