package org.evsettle.tariffs;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.evsettle.events.Envelope;
import org.evsettle.events.Topics;
import org.evsettle.events.kafka.CloudEventHeaders;
import org.evsettle.events.kafka.EnvelopeSerializer;
import org.evsettle.outbox.consumer.EventDelivery;
import org.evsettle.tariffs.messaging.SessionEventsConsumer;

/**
 * Polls of sessions.events made in a test and handed to the failure policy as the Kafka connector hands
 * them over. Each poll has offsets of its own, far beyond what the tests publish on the topic, so that
 * what the kit stores of them (quarantine rows) never meets real records.
 */
@Singleton
final class SessionPolls {

    private static final EnvelopeSerializer SERIALIZER = new EnvelopeSerializer();

    private final EventDelivery delivery;
    private final SessionEventsConsumer consumer;
    private final AtomicLong offset = new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50));

    SessionPolls(EventDelivery delivery, SessionEventsConsumer consumer) {
        this.delivery = delivery;
        this.consumer = consumer;
    }

    /** Delivers the records as one poll; returns once each is applied or quarantined. */
    void deliver(List<ConsumerRecord<String, byte[]>> poll) {
        delivery.deliverAll(consumer, poll);
    }

    /** Delivers the events as one poll, each as the session service publishes it. */
    void deliverEvents(List<? extends Envelope<?>> events) {
        List<ConsumerRecord<String, byte[]>> poll = new ArrayList<>();
        events.forEach(event -> poll.add(record(event)));
        deliver(poll);
    }

    ConsumerRecord<String, byte[]> record(Envelope<?> envelope) {
        RecordHeaders headers = new RecordHeaders();
        byte[] value = SERIALIZER.serialize(Topics.SESSIONS_EVENTS, headers, envelope);
        return new ConsumerRecord<>(Topics.SESSIONS_EVENTS, 0, offset.getAndIncrement(), envelope.time().toEpochMilli(),
                TimestampType.CREATE_TIME, -1, value.length, envelope.subject(), value, headers, Optional.empty());
    }

    /** A record as a faulty producer may write it: CloudEvents headers, and any value. */
    ConsumerRecord<String, byte[]> raw(String key, UUID eventId, String ceType, byte[] value) {
        RecordHeaders headers = new RecordHeaders();
        Instant now = Instant.now();
        CloudEventHeaders.write(eventId, ceType, "session-service", key, now, value != null, headers);
        return new ConsumerRecord<>(Topics.SESSIONS_EVENTS, 0, offset.getAndIncrement(), now.toEpochMilli(),
                TimestampType.CREATE_TIME, -1, value == null ? -1 : value.length, key, value, headers, Optional.empty());
    }
}
