package org.evsettle.events.kafka;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.evsettle.events.Envelope;
import org.evsettle.events.Event;
import org.evsettle.events.EventCatalog;
import org.evsettle.events.EventJson;
import org.evsettle.events.EventType;
import org.evsettle.events.UnknownEvent;

/**
 * Reads a CloudEvents binary-mode record into an envelope typed by {@code ce_type}. It never throws:
 * a record it cannot read arrives as an {@link UnknownEvent} so the consumer can log it and go on.
 * Kafka does not call it for a tombstone (no value): see {@link EnvelopeRecords}.
 */
public class EnvelopeDeserializer implements Deserializer<Envelope<?>> {

    @Override
    public Envelope<?> deserialize(String topic, byte[] data) {
        return unknown(topic, null, null, "record without headers");
    }

    @Override
    public Envelope<?> deserialize(String topic, Headers headers, byte[] value) {
        String ceType = CloudEventHeaders.get(headers, CloudEventHeaders.TYPE);
        String subject = CloudEventHeaders.get(headers, CloudEventHeaders.SUBJECT);
        try {
            EventType<?> type = EventCatalog.byCeType(ceType).orElse(null);
            if (type == null) {
                return unknown(topic, subject, ceType, "unknown event type");
            }
            Event data = value == null ? null : EventJson.mapper().readValue(value, type.dataClass());
            return CloudEventHeaders.read(headers, subject, data);
        } catch (IOException | RuntimeException e) {
            return unknown(topic, subject, ceType, e.getMessage());
        }
    }

    private static Envelope<UnknownEvent> unknown(String topic, String subject, String ceType, String reason) {
        String about = subject != null ? subject : "?";
        return new Envelope<>(UUID.randomUUID(), ceType != null ? ceType : "unknown", topic, about, Instant.now(),
                new UnknownEvent(about, ceType, reason));
    }
}
