package org.evsettle.outbox.consumer;

import org.evsettle.events.Envelope;

/**
 * What a consumer does with one event, under the failure policy of {@link EventDelivery}. Its name is
 * one of {@code Topics.CONSUMERS}: it names the consumer's dead-letter topic and its parked and
 * quarantined records, by which a replay finds it again.
 */
public interface EventConsumer {

    /** The stable name, {@code <service>.<what it reads>}. */
    String name();

    /**
     * Applies the event in a transaction (joining one the caller has), once: a repeat changes nothing.
     * Throws {@link NotArrivedYet} when the event depends on one that has not come, to have it parked.
     */
    void apply(Envelope<?> event);

    /** Applies a record as it was consumed; a consumer that needs its topic or key overrides this. */
    default void apply(ConsumedRecord record) {
        apply(record.envelope());
    }
}
