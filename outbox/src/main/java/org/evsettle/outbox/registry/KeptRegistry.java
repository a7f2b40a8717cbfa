package org.evsettle.outbox.registry;

import java.util.List;
import java.util.Optional;
import org.evsettle.events.EventType;

/**
 * The registry types a service keeps: each service produces one, naming its tables. The registry
 * channel reads exactly their topics.
 */
public record KeptRegistry(List<RegistryTable<?, ?>> tables) {

    public static KeptRegistry of(RegistryTable<?, ?>... tables) {
        return new KeptRegistry(List.of(tables));
    }

    Optional<RegistryTable<?, ?>> tableOf(EventType<?> type) {
        return tables.stream().filter(table -> table.type().equals(type)).findFirst();
    }

    List<String> topics() {
        return tables.stream().map(table -> table.type().topic()).toList();
    }
}
