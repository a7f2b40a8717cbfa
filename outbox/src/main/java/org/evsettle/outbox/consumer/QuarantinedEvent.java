package org.evsettle.outbox.consumer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * A record a consumer could not apply, as an admin sees it: where it came from, what it is, why it
 * is held, and what became of it. status is QUARANTINED until it is REPLAYED or DISCARDED.
 */
public record QuarantinedEvent(long id, String consumer, String topic, int partition, long offset, long timestamp,
                               String key,
                               UUID eventId, String type, String reason, int attempts, Status status,
                               Instant quarantinedAt, Instant resolvedAt, String resolvedBy, String resolution,
                               Map<String, String> headers, byte[] value) {

    public enum Status {
        QUARANTINED, REPLAYED, DISCARDED
    }

    /** The record as it was consumed, to be applied again. */
    public ConsumedRecord record() {
        return ConsumedRecord.restored(topic, partition, offset, timestamp, key, headers, value);
    }

    /** The value as text when it is UTF-8 (the JSON of an event), else base64, for a person to read. */
    public String valueText() {
        if (value == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            return "base64:" + Base64.getEncoder().encodeToString(value);
        }
    }
}
