package org.evsettle.events.registry;

import java.util.UUID;

/** A place where an operator's chargers stand. */
public record SiteRecord(
        UUID id,
        long revision,
        UUID operatorId,
        String name,
        Address address) implements RegistryRecord {
}
