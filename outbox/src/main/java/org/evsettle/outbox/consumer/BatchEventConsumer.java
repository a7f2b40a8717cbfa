package org.evsettle.outbox.consumer;

import java.util.List;
import org.evsettle.events.Envelope;

/**
 * A consumer that applies a poll's events in one transaction, for throughput. When a batch fails,
 * {@link EventDelivery} applies its events one at a time, so that one bad event is handled alone.
 */
public interface BatchEventConsumer extends EventConsumer {

    /** Applies the events, in their order, in one transaction: all or none. */
    void applyAll(List<Envelope<?>> events);

    @Override
    default void apply(Envelope<?> event) {
        applyAll(List.of(event));
    }
}
