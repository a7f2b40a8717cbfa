package org.evsettle.tariffs.messaging;

import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.evsettle.events.Envelope;
import org.evsettle.outbox.Redelivery;

/**
 * Reads {@code sessions.events} a poll at a time (one transaction per batch, which is what lets pricing
 * keep up with thousands of sessions a second); a batch that cannot be applied yet is retried, never
 * skipped, and only acknowledged once applied.
 */
@ApplicationScoped
public class SessionEventsConsumer {

    public static final String CHANNEL = "sessions-events";

    private final SessionEventHandler handler;
    private final Redelivery redelivery;

    public SessionEventsConsumer(SessionEventHandler handler, Redelivery redelivery) {
        this.handler = handler;
        this.redelivery = redelivery;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(List<Envelope<?>> batch) {
        // a record without a value: sessions.events carries no tombstones, so there is nothing to apply
        List<Envelope<?>> envelopes = batch.stream().filter(Objects::nonNull).toList();
        if (envelopes.size() < batch.size()) {
            Log.warnf("Skipping %d sessions.events records without a value", batch.size() - envelopes.size());
        }
        if (envelopes.isEmpty()) {
            return;
        }
        Envelope<?> first = envelopes.get(0);
        String what = envelopes.size() == 1 ? first.type() + " " + first.id()
                : envelopes.size() + " session events from " + first.type() + " " + first.id();
        redelivery.untilApplied(what, () -> handler.apply(envelopes));
    }
}
