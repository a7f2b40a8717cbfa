package org.evsettle.tariffs.messaging;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.evsettle.events.Envelope;
import org.evsettle.events.UnknownEvent;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.events.sessions.SessionCorrected;
import org.evsettle.outbox.ProcessedEvents;
import org.evsettle.tariffs.SessionPricing;

/**
 * Applies session events once each: every event id is recorded in the same transaction as its
 * effect. A batch is applied in one transaction, in order, so that it commits (and is acknowledged)
 * whole or not at all.
 */
@ApplicationScoped
public class SessionEventHandler {

    static final String CONSUMER = "session-pricing";

    private final ProcessedEvents processedEvents;
    private final SessionPricing pricing;
    private final EntityManager entityManager;

    public SessionEventHandler(ProcessedEvents processedEvents, SessionPricing pricing, EntityManager entityManager) {
        this.processedEvents = processedEvents;
        this.pricing = pricing;
        this.entityManager = entityManager;
    }

    @Transactional
    public void apply(List<Envelope<?>> envelopes) {
        for (Envelope<?> envelope : envelopes) {
            applyOnce(envelope);
            // why: every query checks all managed entities for changes first; writing each session's price
            // and letting go of it keeps that check small however large the batch
            entityManager.flush();
            entityManager.clear();
        }
    }

    private void applyOnce(Envelope<?> envelope) {
        if (!processedEvents.firstTime(CONSUMER, envelope.id())) {
            Log.debugf("Skipping %s %s: applied before", envelope.type(), envelope.id());
            return;
        }
        Object data = envelope.data();
        if (data instanceof SessionCompleted completed) {
            pricing.completed(completed);
        } else if (data instanceof SessionCorrected correction) {
            pricing.corrected(correction);
        } else if (data instanceof UnknownEvent unknown) {
            Log.warnf("Skipping unreadable %s %s on session %s: %s", unknown.ceType(), envelope.id(),
                    unknown.subject(), unknown.reason());
        } else {
            Log.debugf("Ignoring %s %s", envelope.type(), envelope.id());
        }
    }
}
