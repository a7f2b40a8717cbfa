package org.evsettle.outbox.registry;

import java.util.function.Supplier;
import org.evsettle.events.EventType;
import org.evsettle.events.registry.RegistryRecord;

/** One registry type a service keeps, and the entity it keeps it in. */
public record RegistryTable<R extends RegistryRecord, E extends RegistryCopy<R>>(
        EventType<R> type, Class<E> entity, Supplier<E> create) {

    public static <R extends RegistryRecord, E extends RegistryCopy<R>> RegistryTable<R, E> of(
            EventType<R> type, Class<E> entity, Supplier<E> create) {
        return new RegistryTable<>(type, entity, create);
    }
}
