package org.evsettle.sessions.messaging;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.evsettle.events.Envelope;
import org.evsettle.events.UnknownEvent;
import org.evsettle.events.tariffs.SessionPriced;
import org.evsettle.events.tariffs.SessionRepriced;
import org.evsettle.outbox.ProcessedEvents;
import org.evsettle.sessions.SessionPrice;

/**
 * Keeps the latest price of each session from {@code tariffs.events}, once per event, so that the
 * session views and the charge report show cost beside energy.
 */
@ApplicationScoped
public class PriceProjection {

    public static final String CONSUMER = "price-projection";

    private final ProcessedEvents processedEvents;

    public PriceProjection(ProcessedEvents processedEvents) {
        this.processedEvents = processedEvents;
    }

    @Transactional
    public void apply(Envelope<?> envelope) {
        if (envelope.data() instanceof UnknownEvent unknown) {
            Log.warnf("Skipped an unreadable record about %s on tariffs.events (%s): %s", unknown.subject(),
                    unknown.ceType(), unknown.reason());
            return;
        }
        if (!(envelope.data() instanceof SessionPriced) && !(envelope.data() instanceof SessionRepriced)) {
            return;
        }
        if (!processedEvents.firstTime(CONSUMER, envelope.id())) {
            return;
        }
        if (envelope.data() instanceof SessionPriced priced) {
            take(priced, 0, envelope);
        } else if (envelope.data() instanceof SessionRepriced repriced && repriced.price() != null) {
            take(repriced.price(), repriced.revision(), envelope);
        }
    }

    private static void take(SessionPriced price, int revision, Envelope<?> envelope) {
        if (!SessionPrice.take(price, revision, envelope.time())) {
            Log.debugf("Price of session %s revision %d is older than the one stored", price.sessionId(), revision);
        }
    }
}
