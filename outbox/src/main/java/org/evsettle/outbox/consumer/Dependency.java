package org.evsettle.outbox.consumer;

import java.util.UUID;
import org.evsettle.events.EventType;

/**
 * What a parked event waits for, as text a table can index: {@code <ce type>/<id>}, for example the
 * registry record of an operator. When it arrives ({@link ParkedEvents#arrived}), the events waiting
 * for it are applied.
 */
public record Dependency(String name) {

    /** An entity of the registry, such as an operator, by its id. */
    public static Dependency registry(EventType<?> type, UUID id) {
        return new Dependency(type.ceType() + "/" + id);
    }

    @Override
    public String toString() {
        return name;
    }
}
