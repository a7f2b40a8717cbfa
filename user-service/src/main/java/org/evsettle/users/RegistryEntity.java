package org.evsettle.users;

import org.evsettle.events.registry.RegistryRecord;

/** An entity the registry publishes: its state as the record on its compacted topic. */
public interface RegistryEntity {

    RegistryRecord toRecord();
}
