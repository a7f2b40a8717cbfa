package org.evsettle.events.kafka;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventIds;

/**
 * The envelope of a consumed record, tombstones included. The Kafka client passes a record without a
 * value to no deserializer, so a tombstone arrives as a null value; its envelope (data null) is made
 * here from the CloudEvents headers and the key. Consumers of compacted topics take the
 * {@link ConsumerRecord} and call {@link #of}; consumers that keep the raw bytes (to quarantine a
 * record as it came) call {@link #read}.
 */
public final class EnvelopeRecords {

    private static final EnvelopeDeserializer DESERIALIZER = new EnvelopeDeserializer();

    private EnvelopeRecords() {
    }

    public static Envelope<?> of(ConsumerRecord<String, Envelope<?>> record) {
        if (record.value() != null) {
            return record.value();
        }
        return tombstone(record.topic(), record.partition(), record.offset(), record.timestamp(), record.key(),
                record.headers());
    }

    /** The envelope of a record read as bytes: never throws, an unreadable value arrives as an UnknownEvent. */
    public static Envelope<?> read(String topic, int partition, long offset, long timestamp, String key,
                                   Headers headers, byte[] value) {
        if (value == null) {
            return tombstone(topic, partition, offset, timestamp, key, headers);
        }
        return DESERIALIZER.deserialize(topic, headers, value);
    }

    public static Envelope<?> read(ConsumerRecord<String, byte[]> record) {
        return read(record.topic(), record.partition(), record.offset(), record.timestamp(), record.key(),
                record.headers(), record.value());
    }

    private static Envelope<?> tombstone(String topic, int partition, long offset, long timestamp, String key,
                                         Headers headers) {
        // without a ce_id, the record's place in the log names it, so a redelivery is still recognised
        UUID id = header(headers, CloudEventHeaders.ID).flatMap(EnvelopeRecords::uuid)
                .orElseGet(() -> EventIds.nameBased(topic, partition, offset));
        return new Envelope<>(id,
                header(headers, CloudEventHeaders.TYPE).orElse("tombstone"),
                header(headers, CloudEventHeaders.SOURCE).orElse(topic),
                header(headers, CloudEventHeaders.SUBJECT).orElse(String.valueOf(key)),
                header(headers, CloudEventHeaders.TIME).flatMap(EnvelopeRecords::instant)
                        .orElseGet(() -> Instant.ofEpochMilli(timestamp)),
                null);
    }

    private static Optional<String> header(Headers headers, String name) {
        return Optional.ofNullable(CloudEventHeaders.get(headers, name));
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
