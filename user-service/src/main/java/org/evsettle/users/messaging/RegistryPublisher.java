package org.evsettle.users.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.evsettle.events.Envelope;
import org.evsettle.kit.api.DomainException;
import org.evsettle.outbox.Outbox;
import org.evsettle.users.RegistryEntity;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Announces every registry change on the compacted {@code registry.*} topics, through the outbox:
 * the record carries the entity's full new state and its revision.
 */
@ApplicationScoped
public class RegistryPublisher {

    public static final String SOURCE = "user-service";

    /** What a unique constraint means, for the 409 of a request that raced another one past the checks. */
    private static final Map<String, String> DUPLICATES = Map.of(
            "charger_charge_point_id_unique", "A charger with this chargePointId is already registered",
            "driver_email_unique", "A driver with this e-mail already exists for this operator",
            "card_id_tag_unique", "A card with this idTag is already registered with this operator",
            "driver_account_unique", "This account is already linked to another driver");

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
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ConstraintViolationException violation && violation.getConstraintName() != null) {
                    String duplicate = DUPLICATES.get(violation.getConstraintName().toLowerCase());
                    if (duplicate != null) {
                        throw DomainException.conflict(duplicate);
                    }
                }
            }
            throw e;
        }
    }
}
