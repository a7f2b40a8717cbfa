package org.evsettle.sessions.messaging;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.evsettle.events.Envelope;
import org.evsettle.events.tariffs.SessionPriced;
import org.evsettle.events.tariffs.SessionRepriced;
import org.evsettle.outbox.ProcessedEvents;
import org.evsettle.outbox.consumer.EventConsumer;
import org.evsettle.outbox.consumer.EventDelivery;
import org.evsettle.outbox.consumer.MalformedRecord;
import org.evsettle.sessions.SessionPrice;

/**
 * Keeps the latest price of each session from {@code tariffs.events}, once per event, under the kit's
 * failure policy, so that the session views and the charge report show cost beside energy. A price is
 * kept by its session id whether that session is known here yet or not: it never waits.
 */
@ApplicationScoped
public class PriceConsumer implements EventConsumer {

    public static final String CHANNEL = "tariffs-events";
    public static final String NAME = "session-service.prices";

    private final EventDelivery delivery;
    private final ProcessedEvents processedEvents;

    public PriceConsumer(EventDelivery delivery, ProcessedEvents processedEvents) {
        this.delivery = delivery;
        this.processedEvents = processedEvents;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        delivery.deliver(this, record);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    @Transactional
    public void apply(Envelope<?> envelope) {
        if (envelope.isTombstone()) {
            throw new MalformedRecord("tariffs.events carries no tombstones, but " + envelope.type() + " about "
                    + envelope.subject() + " has no value");
        }
        boolean price = envelope.data() instanceof SessionPriced || envelope.data() instanceof SessionRepriced;
        if (!price || !processedEvents.firstTime(NAME, envelope.id())) {
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
