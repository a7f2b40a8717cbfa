package org.evsettle.outbox.consumer;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A record parked until what it depends on arrives, as an admin sees it. awaits is null for a record
 * that waits only behind an earlier parked record of the same key.
 */
public record ParkedEvent(long seq, String consumer, String topic, int partition, long offset, long timestamp,
                          String key, UUID eventId, String type, String awaits, boolean arrived, Instant parkedAt,
                          Instant triedAt, Map<String, String> headers, byte[] value) {

    /** The record as it was consumed, to be applied now. */
    public ConsumedRecord record() {
        return ConsumedRecord.restored(topic, partition, offset, timestamp, key, headers, value);
    }
}
