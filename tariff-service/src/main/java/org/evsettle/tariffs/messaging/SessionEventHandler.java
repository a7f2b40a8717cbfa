package org.evsettle.tariffs.messaging;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.evsettle.events.Envelope;
import org.evsettle.events.UnknownEvent;
import org.evsettle.events.sessions.SessionEvent;
import org.evsettle.outbox.consumer.MalformedRecord;
import org.evsettle.tariffs.SessionPricing;

/**
 * Applies a batch of session events in one transaction, in order, so that it commits (and is
 * acknowledged) whole or not at all. Idempotent by what is stored, not by event id: a completion is
 * applied only to a session with neither a price nor an unpriced entry, a correction only when its
 * revision is newer than the one applied (see {@link SessionPricing}), so a redelivery, or the same
 * event twice in one batch, changes nothing; a progress stores nothing, and sent again gives the same
 * running cost ({@link RunningCosts}). An event that can never be applied is a
 * {@link MalformedRecord}, for the failure policy to quarantine.
 */
@ApplicationScoped
public class SessionEventHandler {

    private final SessionPricing pricing;

    public SessionEventHandler(SessionPricing pricing) {
        this.pricing = pricing;
    }

    @Transactional
    public void apply(List<Envelope<?>> envelopes) {
        List<SessionEvent> events = new ArrayList<>(envelopes.size());
        for (Envelope<?> envelope : envelopes) {
            if (envelope.data() instanceof SessionEvent event) {
                events.add(event);
            } else if (envelope.data() instanceof UnknownEvent unknown) {
                throw new MalformedRecord("unreadable " + unknown.ceType() + ": " + unknown.reason());
            } else {
                Log.debugf("Ignoring %s %s", envelope.type(), envelope.id());
            }
        }
        pricing.apply(events);
    }
}
