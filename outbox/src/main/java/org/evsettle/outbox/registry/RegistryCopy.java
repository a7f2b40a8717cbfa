package org.evsettle.outbox.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;
import org.evsettle.events.registry.RegistryRecord;

/**
 * A service's copy of a registry entity: the fields it keeps of the latest record, at the registry's
 * revision. A subclass declares only those fields and how it takes them from a record; the
 * {@link RegistryProjection} keeps id and revision, and decides when a record replaces the copy.
 */
@MappedSuperclass
public abstract class RegistryCopy<R extends RegistryRecord> extends PanacheEntityBase {

    @Id
    public UUID id;
    /** The registry's revision of this state, not a local version. */
    public long revision;

    /** Takes the fields this service keeps from a newer record. */
    protected abstract void copy(R record);
}
