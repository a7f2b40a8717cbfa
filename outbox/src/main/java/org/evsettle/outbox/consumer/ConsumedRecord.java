package org.evsettle.outbox.consumer;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.evsettle.events.Envelope;
import org.evsettle.events.UnknownEvent;
import org.evsettle.events.kafka.EnvelopeRecords;

/**
 * A record as a consumer received it: where it came from, its key, headers and value as they were on
 * the topic (so that a parked or quarantined record can be applied later exactly as it came), and the
 * envelope read from them.
 */
public record ConsumedRecord(String topic, int partition, long offset, long timestamp, String key,
                             Map<String, String> headers, byte[] value, Envelope<?> envelope) {

    public static ConsumedRecord of(ConsumerRecord<String, byte[]> record) {
        return new ConsumedRecord(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.key(), headerMap(record.headers()), record.value(), EnvelopeRecords.read(record));
    }

    /** A record read back from a table; the envelope is read again, by today's contracts. */
    public static ConsumedRecord restored(String topic, int partition, long offset, long timestamp, String key,
                                          Map<String, String> headers, byte[] value) {
        Headers kafkaHeaders = kafkaHeaders(headers);
        return new ConsumedRecord(topic, partition, offset, timestamp, key, Map.copyOf(headers), value,
                EnvelopeRecords.read(topic, partition, offset, timestamp, key, kafkaHeaders, value));
    }

    /** A value no contract reads (bad JSON, an unknown type, missing CloudEvents headers): it can only be quarantined. */
    public boolean isUnreadable() {
        return envelope.data() instanceof UnknownEvent;
    }

    /** Why it is unreadable. */
    public String unreadableReason() {
        return envelope.data() instanceof UnknownEvent unknown
                ? "unreadable " + (unknown.ceType() == null ? "record" : unknown.ceType()) + ": " + unknown.reason()
                : null;
    }

    /** topic-partition@offset, as logs and the dead-letter header name it. */
    public String origin() {
        return topic + "-" + partition + "@" + offset;
    }

    /** The key that orders it; records without one are ordered by their partition alone. */
    public String orderingKey() {
        return key == null ? "" : key;
    }

    /** The headers as Kafka carries them. */
    public Headers kafkaHeaders() {
        return kafkaHeaders(headers);
    }

    private static Headers kafkaHeaders(Map<String, String> headers) {
        RecordHeaders kafka = new RecordHeaders();
        headers.forEach((name, value) -> kafka.add(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8)));
        return kafka;
    }

    private static Map<String, String> headerMap(Headers headers) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Header header : headers) {
            map.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return map;
    }
}
