package org.evsettle.events.registry;

import java.util.Optional;
import java.util.UUID;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventCatalog;
import org.evsettle.events.EventType;
import org.evsettle.events.UnknownEvent;

/**
 * What one record of a compacted registry topic asks of a projection, read by the one rule every
 * projection follows: a value whose revision is higher than the stored one replaces the state, a
 * tombstone deletes, and a record whose key is not an entity id or whose value cannot be read as
 * that topic's record is {@link Malformed}, never guessed at.
 */
public sealed interface RegistryChange {

    /** The latest state of an entity; it replaces a stored state only if {@link #supersedes} it. */
    record Upsert(EventType<?> type, RegistryRecord record) implements RegistryChange {

        /** Whether this state is newer than one stored at that revision. */
        public boolean supersedes(long storedRevision) {
            return record.revision() > storedRevision;
        }
    }

    /** The entity was deleted from the registry. */
    record Delete(EventType<?> type, UUID id) implements RegistryChange {
    }

    /** Not a registry record this topic can carry; it changes nothing, and says why. */
    record Malformed(String reason) implements RegistryChange {
    }

    /** Reads a record consumed from a registry topic: its topic, its key and its envelope (data null for a tombstone). */
    static RegistryChange of(String topic, String key, Envelope<?> envelope) {
        Optional<EventType<?>> kind = typeOf(topic);
        if (kind.isEmpty()) {
            return new Malformed(topic + " is not a registry topic");
        }
        EventType<?> type = kind.get();
        UUID id;
        try {
            id = UUID.fromString(String.valueOf(key));
        } catch (IllegalArgumentException e) {
            return new Malformed("key " + key + " is not an entity id");
        }
        if (envelope == null || envelope.isTombstone()) {
            return new Delete(type, id);
        }
        if (envelope.data() instanceof UnknownEvent unknown) {
            return new Malformed("value is not readable (" + unknown.ceType() + "): " + unknown.reason());
        }
        if (!type.dataClass().isInstance(envelope.data())) {
            return new Malformed(envelope.type() + " does not belong on " + topic);
        }
        RegistryRecord record = (RegistryRecord) envelope.data();
        if (!id.equals(record.id())) {
            return new Malformed("record " + record.id() + " was published under key " + key);
        }
        return new Upsert(type, record);
    }

    /** The registry type a compacted topic carries. */
    static Optional<EventType<?>> typeOf(String topic) {
        return EventCatalog.ALL.stream()
                .filter(type -> type.topic().equals(topic) && RegistryRecord.class.isAssignableFrom(type.dataClass()))
                .findFirst();
    }
}
