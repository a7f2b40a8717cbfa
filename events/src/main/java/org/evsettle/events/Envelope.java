package org.evsettle.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * An event with its CloudEvents attributes, as it travels in Kafka binary mode: the attributes in
 * {@code ce_*} headers, the record as the JSON value. {@code data} is null for a tombstone.
 */
public record Envelope<T extends Event>(UUID id, String type, String source, String subject, Instant time, T data) {

    public Envelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
    }

    /** A new event with a random id, stamped now. */
    public static <T extends Event> Envelope<T> of(String source, T data) {
        return of(UUID.randomUUID(), source, data, Instant.now());
    }

    /** A new event with a given id (for example a deterministic one from {@link EventIds}). */
    public static <T extends Event> Envelope<T> of(UUID id, String source, T data, Instant time) {
        return new Envelope<>(id, EventCatalog.of(data).ceType(), source, data.subject(),
                time.truncatedTo(ChronoUnit.MICROS), data);
    }

    /** A tombstone: deletes the entity {@code subject} from a compacted topic. */
    public static <T extends Event> Envelope<T> tombstone(EventType<T> type, String source, String subject) {
        return new Envelope<>(UUID.randomUUID(), type.ceType(), source, subject,
                Instant.now().truncatedTo(ChronoUnit.MICROS), null);
    }

    public boolean isTombstone() {
        return data == null;
    }

    /** The topic this event belongs on. */
    public String topic() {
        return EventCatalog.byCeType(type)
                .map(EventType::topic)
                .orElseThrow(() -> new IllegalStateException("No topic for event type " + type));
    }
}
