package org.evsettle.users.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.evsettle.events.Envelope;
import org.evsettle.outbox.Outbox;
import org.evsettle.users.RegistryEntity;
import org.evsettle.users.RegistryUniqueness;

/**
 * Announces every registry change on the compacted {@code registry.*} topics, through the outbox:
 * the record carries the entity's full new state and its revision. A write that breaks a unique key of
 * the registry answers 409 ({@link RegistryUniqueness}).
 */
@ApplicationScoped
public class RegistryPublisher {

    public static final String SOURCE = "user-service";

    private final Outbox outbox;
    private final EntityManager entityManager;

    public RegistryPublisher(Outbox outbox, EntityManager entityManager) {
        this.outbox = outbox;
        this.entityManager = entityManager;
    }

    /** Publishes the entity's new state; call it after each change, in the transaction of the change. */
    public void changed(RegistryEntity entity) {
        flush();
        outbox.publish(Envelope.of(SOURCE, entity.toRecord()));
    }

    /** Publishes many new or changed entities at once (a bulk import): one flush, one batch of outbox rows. */
    public void changedAll(Collection<? extends RegistryEntity> entities) {
        flush();
        List<Envelope<?>> envelopes = new ArrayList<>(entities.size());
        entities.forEach(entity -> envelopes.add(Envelope.of(SOURCE, entity.toRecord())));
        outbox.publishAll(envelopes);
    }

    /** The revision is assigned when Hibernate writes the row; flush first so the record carries it. */
    private void flush() {
        try {
            entityManager.flush();
        } catch (PersistenceException e) {
            throw RegistryUniqueness.conflictOr(e);
        }
    }
}
