package org.evsettle.tariffs.messaging;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.evsettle.events.Envelope;
import org.evsettle.events.UnknownEvent;
import org.evsettle.events.sessions.SessionEvent;
import org.evsettle.outbox.ProcessedEvents;
import org.evsettle.tariffs.SessionPricing;

/**
 * Applies session events once each: every event id is recorded in the same transaction as its
 * effect. A batch is applied in one transaction, in order, so that it commits (and is acknowledged)
 * whole or not at all; its ids are recorded with one statement, and an id seen before (a redelivery,
 * or twice in one batch) is skipped.
 */
@ApplicationScoped
public class SessionEventHandler {

    static final String CONSUMER = "session-pricing";

    private final SessionPricing pricing;
    private final ProcessedEvents processed;

    public SessionEventHandler(SessionPricing pricing, ProcessedEvents processed) {
        this.pricing = pricing;
        this.processed = processed;
    }

    @Transactional
    public void apply(List<Envelope<?>> envelopes) {
        Set<UUID> firstTime = processed.firstTimeAll(CONSUMER, envelopes.stream().map(Envelope::id).toList());
        List<SessionEvent> events = new ArrayList<>(envelopes.size());
        for (Envelope<?> envelope : envelopes) {
            if (!firstTime.remove(envelope.id())) {
                Log.debugf("Skipping %s %s: applied before", envelope.type(), envelope.id());
            } else if (envelope.data() instanceof SessionEvent event) {
                events.add(event);
            } else if (envelope.data() instanceof UnknownEvent unknown) {
                Log.warnf("Skipping unreadable %s %s on session %s: %s", unknown.ceType(), envelope.id(),
                        unknown.subject(), unknown.reason());
            } else {
                Log.debugf("Ignoring %s %s", envelope.type(), envelope.id());
            }
        }
        pricing.apply(events);
    }
}
