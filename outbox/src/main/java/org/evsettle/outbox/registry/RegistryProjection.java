package org.evsettle.outbox.registry;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.evsettle.events.Envelope;
import org.evsettle.events.registry.RegistryChange;
import org.evsettle.events.registry.RegistryRecord;
import org.evsettle.outbox.consumer.Dependency;
import org.evsettle.outbox.consumer.MalformedRecord;
import org.evsettle.outbox.consumer.ParkedEvents;

/**
 * Keeps a service's copies of the registry ({@link KeptRegistry}) from the compacted registry topics, by
 * the one rule of {@link RegistryChange}: a record replaces a copy only if its revision is higher, a
 * tombstone deletes it, and a malformed record is refused ({@link MalformedRecord}, so it is
 * quarantined). Idempotent by revision: a redelivery changes nothing. A stored entity releases the
 * events parked until it arrived.
 */
@ApplicationScoped
// only in a service that keeps registry copies: it needs that service's KeptRegistry
@IfBuildProperty(name = "evsettle.registry.projected", stringValue = "true")
public class RegistryProjection {

    private final EntityManager entityManager;
    private final ParkedEvents parked;
    private final KeptRegistry kept;

    public RegistryProjection(EntityManager entityManager, ParkedEvents parked, KeptRegistry kept) {
        this.entityManager = entityManager;
        this.parked = parked;
        this.kept = kept;
    }

    /** Applies a record read from a registry topic, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(String topic, String key, Envelope<?> envelope) {
        RegistryChange change = RegistryChange.of(topic, key, envelope);
        if (change instanceof RegistryChange.Malformed malformed) {
            throw new MalformedRecord(malformed.reason());
        } else if (change instanceof RegistryChange.Delete delete) {
            kept.tableOf(delete.type()).ifPresent(table -> forget(table, delete));
        } else if (change instanceof RegistryChange.Upsert upsert) {
            kept.tableOf(upsert.type()).ifPresent(table -> keep(table, upsert));
        }
    }

    private void forget(RegistryTable<?, ?> table, RegistryChange.Delete delete) {
        int deleted = entityManager.createQuery("delete from " + entityName(table) + " where id = :id")
                .setParameter("id", delete.id())
                .executeUpdate();
        if (deleted > 0) {
            Log.debugf("%s %s deleted from the registry", delete.type().ceType(), delete.id());
        }
    }

    @SuppressWarnings("unchecked")
    private <R extends RegistryRecord, E extends RegistryCopy<R>> void keep(RegistryTable<R, E> table,
                                                                           RegistryChange.Upsert upsert) {
        R record = (R) upsert.record();
        Optional<E> stored = Optional.ofNullable(entityManager.find(table.entity(), record.id()));
        if (stored.isPresent() && !upsert.supersedes(stored.get().revision)) {
            Log.debugf("%s %s revision %d is not newer than the one kept", upsert.type().ceType(), record.id(),
                    record.revision());
            return;
        }
        E copy = stored.orElseGet(table.create());
        copy.id = record.id();
        copy.revision = record.revision();
        copy.copy(record);
        if (stored.isEmpty()) {
            entityManager.persist(copy);
        }
        parked.arrived(Dependency.registry(upsert.type(), record.id()));
    }

    private String entityName(RegistryTable<?, ?> table) {
        return entityManager.getMetamodel().entity(table.entity()).getName();
    }
}
