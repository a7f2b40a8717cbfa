package org.evsettle.tariffs;

import org.evsettle.events.registry.RegistryRecord;

/** A local copy of a registry entity: it knows the registry revision it holds and takes over a newer record. */
interface RegistryCopy<R extends RegistryRecord> {

    long revision();

    void copy(R record);
}
