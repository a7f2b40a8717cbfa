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
 * Reads {@code sessions.events} a poll at a time, one transaction per batch (which is what lets pricing
 * keep up with thousands of sessions a second), acknowledged only once applied. A batch that fails is
 * applied again one event at a time, each retried until applied and never skipped: the events before
 * a bad one are kept, and the bad one holds up the channel on its own, by name, as a single event would.
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
        if (envelopes.size() > 1) {
            try {
                handler.apply(envelopes);
                return;
            } catch (RuntimeException e) {
                Log.warnf("Could not apply %d session events from %s %s in one transaction, applying them one"
                        + " at a time: %s", envelopes.size(), envelopes.get(0).type(), envelopes.get(0).id(), e);
            }
        }
        for (Envelope<?> envelope : envelopes) {
            redelivery.untilApplied(envelope.type() + " " + envelope.id(), () -> handler.apply(List.of(envelope)));
        }
    }
}
