package org.evsettle.events.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.evsettle.events.Envelope;
import org.evsettle.events.Event;

/** CloudEvents 1.0 Kafka protocol binding, binary mode: the attributes as {@code ce_*} headers. */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }

    static void write(Envelope<?> envelope, Headers headers) {
        write(envelope.id(), envelope.type(), envelope.source(), envelope.subject(), envelope.time(),
                !envelope.isTombstone(), headers);
    }

    /** Writes the attributes of an event whose JSON value is already at hand (an outbox row). */
    public static void write(UUID id, String type, String source, String subject, Instant time, boolean hasData,
                             Headers headers) {
        put(headers, SPEC_VERSION, "1.0");
        put(headers, ID, id.toString());
        put(headers, TYPE, type);
        put(headers, SOURCE, source);
        put(headers, SUBJECT, subject);
        put(headers, TIME, DateTimeFormatter.ISO_INSTANT.format(time));
        if (hasData) {
            put(headers, CONTENT_TYPE, "application/json");
        }
    }

    /** The envelope the headers describe, carrying data. */
    static <T extends Event> Envelope<T> read(Headers headers, String key, T data) {
        String subject = get(headers, SUBJECT);
        return new Envelope<>(
                UUID.fromString(require(headers, ID)),
                require(headers, TYPE),
                require(headers, SOURCE),
                subject != null ? subject : key,
                Instant.parse(require(headers, TIME)),
                data);
    }

    public static String get(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String require(Headers headers, String name) {
        String value = get(headers, name);
        if (value == null) {
            throw new IllegalArgumentException("Missing CloudEvents header " + name);
        }
        return value;
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
