package org.evsettle.users.messaging;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventJson;
import org.evsettle.events.registry.CardRecord;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.DriverRecord;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.events.registry.RegistryRecord;
import org.evsettle.events.registry.SiteRecord;
import org.evsettle.outbox.Outbox;
import org.evsettle.outbox.audit.AuditTrail;
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
    private final AuditTrail audit;

    public RegistryPublisher(Outbox outbox, EntityManager entityManager, AuditTrail audit) {
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.audit = audit;
    }

    /**
     * Publishes the entity's new state, and leaves an audit entry of what changed; call it after each
     * change, in the transaction of the change.
     */
    public void changed(RegistryEntity entity) {
        flush();
        RegistryRecord record = entity.toRecord();
        outbox.publish(Envelope.of(SOURCE, record));
        audited(record);
    }

    /** Publishes many new or changed entities at once (a bulk import): one flush, one batch of outbox rows. */
    public void changedAll(Collection<? extends RegistryEntity> entities) {
        flush();
        List<Envelope<?>> envelopes = new ArrayList<>(entities.size());
        for (RegistryEntity entity : entities) {
            RegistryRecord record = entity.toRecord();
            envelopes.add(Envelope.of(SOURCE, record));
            audited(record);
        }
        outbox.publishAll(envelopes);
    }

    /** The entity type an audit entry names for a record: Operator, Site, Charger, Driver, Card. */
    public static String entityType(RegistryRecord record) {
        return record.getClass().getSimpleName().replace("Record", "");
    }

    private void audited(RegistryRecord record) {
        Map<String, Object> state = EventJson.mapper().convertValue(record, new TypeReference<>() { });
        // the revision rises with every change: it says nothing of what changed
        state.remove("revision");
        audit.recordState(operatorOf(record), entityType(record), record.id(), state);
    }

    private static UUID operatorOf(RegistryRecord record) {
        if (record instanceof OperatorRecord operator) {
            return operator.id();
        } else if (record instanceof SiteRecord site) {
            return site.operatorId();
        } else if (record instanceof ChargerRecord charger) {
            return charger.operatorId();
        } else if (record instanceof DriverRecord driver) {
            return driver.operatorId();
        }
        return ((CardRecord) record).operatorId();
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
