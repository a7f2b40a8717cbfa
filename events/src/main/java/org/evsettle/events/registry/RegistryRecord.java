package org.evsettle.events.registry;

import java.util.UUID;
import org.evsettle.events.Event;

/**
 * The latest state of one registry entity on a compacted topic. revision rises with every change,
 * so a projection can ignore a redelivered older state.
 */
public sealed interface RegistryRecord extends Event
        permits OperatorRecord, SiteRecord, ChargerRecord, DriverRecord, CardRecord {

    UUID id();

    long revision();

    @Override
    default String subject() {
        return id().toString();
    }
}
