package org.evsettle.events.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventJson;

/** Writes an envelope in CloudEvents binary mode: attributes to headers, the record as JSON value. */
public class EnvelopeSerializer implements Serializer<Envelope<?>> {

    @Override
    public byte[] serialize(String topic, Envelope<?> envelope) {
        throw new SerializationException("Envelopes need headers: use serialize(topic, headers, envelope)");
    }

    @Override
    public byte[] serialize(String topic, Headers headers, Envelope<?> envelope) {
        if (envelope == null) {
            return null;
        }
        CloudEventHeaders.write(envelope, headers);
        if (envelope.isTombstone()) {
            return null;
        }
        try {
            return EventJson.mapper().writeValueAsBytes(envelope.data());
        } catch (JsonProcessingException e) {
            throw new SerializationException("Cannot write " + envelope.type(), e);
        }
    }
}
