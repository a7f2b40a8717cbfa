package org.evsettle.tariffs.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.evsettle.events.Envelope;
import org.evsettle.events.tariffs.SessionPriced;
import org.evsettle.events.tariffs.SessionRepriced;
import org.evsettle.outbox.Outbox;

/** Announces session prices on {@code tariffs.events} (key sessionId), through the outbox. */
@ApplicationScoped
public class PricePublisher {

    public static final String SOURCE = "tariff-service";

    private final Outbox outbox;

    public PricePublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The first price of a session. */
    public void priced(SessionPriced priced) {
        outbox.publish(Envelope.of(SOURCE, priced));
    }

    /** A price that replaces the one announced before. */
    public void repriced(SessionRepriced repriced) {
        outbox.publish(Envelope.of(SOURCE, repriced));
    }
}
