package org.evsettle.tariffs.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.evsettle.events.Envelope;
import org.evsettle.events.tariffs.TariffEvent;
import org.evsettle.outbox.Outbox;

/**
 * Announces session prices on {@code tariffs.events} (key sessionId), through the outbox:
 * {@code SessionPriced} for the first price of a session, {@code SessionRepriced} for a price that
 * replaces the one announced before.
 */
@ApplicationScoped
public class PricePublisher {

    public static final String SOURCE = "tariff-service";

    private final Outbox outbox;

    public PricePublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Stores the announcements in the caller's transaction with one write, relayed in the order given. */
    public void announce(List<? extends TariffEvent> prices) {
        outbox.publishAll(prices.stream().map(price -> Envelope.of(SOURCE, price)).toList());
    }
}
