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
 * {@link ConsumerRecord} and call {@link #of}.
 */
public final class EnvelopeRecords {

    private EnvelopeRecords() {
    }

    public static Envelope<?> of(ConsumerRecord<String, Envelope<?>> record) {
        if (record.value() != null) {
            return record.value();
        }
        Headers headers = record.headers();
        // without a ce_id, the record's place in the log names it, so a redelivery is still recognised
        UUID id = header(headers, CloudEventHeaders.ID).map(UUID::fromString)
                .orElseGet(() -> EventIds.nameBased(record.topic(), record.partition(), record.offset()));
        return new Envelope<>(id,
                header(headers, CloudEventHeaders.TYPE).orElse("tombstone"),
                header(headers, CloudEventHeaders.SOURCE).orElse(record.topic()),
                header(headers, CloudEventHeaders.SUBJECT).orElse(String.valueOf(record.key())),
                header(headers, CloudEventHeaders.TIME).map(Instant::parse)
                        .orElseGet(() -> Instant.ofEpochMilli(record.timestamp())),
                null);
    }

    private static Optional<String> header(Headers headers, String name) {
        return Optional.ofNullable(CloudEventHeaders.get(headers, name));
    }
}
