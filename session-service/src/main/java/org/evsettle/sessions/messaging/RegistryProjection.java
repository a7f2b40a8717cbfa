package org.evsettle.sessions.messaging;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventCatalog;
import org.evsettle.events.EventType;
import org.evsettle.events.UnknownEvent;
import org.evsettle.events.registry.CardRecord;
import org.evsettle.events.registry.DriverRecord;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.events.registry.RegistryRecord;
import org.evsettle.events.registry.SiteRecord;
import org.evsettle.outbox.ProcessedEvents;
import org.evsettle.sessions.RegisteredCard;
import org.evsettle.sessions.RegisteredDriver;
import org.evsettle.sessions.RegisteredOperator;
import org.evsettle.sessions.RegisteredSite;

/**
 * Keeps the latest state of the registry entities this service needs (operators, sites, drivers,
 * cards), each in its own table: a record older than the stored revision changes nothing, a tombstone
 * deletes. Sessions keep their snapshot ids whatever happens here.
 */
@ApplicationScoped
public class RegistryProjection {

    public static final String CONSUMER = "registry-projection";

    /** How each record type is projected, and which table a tombstone of that type deletes from. */
    private record Projection(Predicate<RegistryRecord> project, Class<? extends PanacheEntityBase> table) {
    }

    private static final Map<EventType<?>, Projection> PROJECTIONS = Map.of(
            EventCatalog.OPERATOR, new Projection(r -> RegisteredOperator.project((OperatorRecord) r), RegisteredOperator.class),
            EventCatalog.SITE, new Projection(r -> RegisteredSite.project((SiteRecord) r), RegisteredSite.class),
            EventCatalog.DRIVER, new Projection(r -> RegisteredDriver.project((DriverRecord) r), RegisteredDriver.class),
            EventCatalog.CARD, new Projection(r -> RegisteredCard.project((CardRecord) r), RegisteredCard.class));

    private final ProcessedEvents processedEvents;

    public RegistryProjection(ProcessedEvents processedEvents) {
        this.processedEvents = processedEvents;
    }

    /** Applies a record (or tombstone) read from the topic of this registry type. */
    @Transactional
    public void apply(EventType<?> type, Envelope<?> envelope) {
        if (envelope.data() instanceof UnknownEvent unknown) {
            Log.warnf("Skipped an unreadable registry record about %s (%s): %s", unknown.subject(),
                    unknown.ceType(), unknown.reason());
            return;
        }
        Projection projection = PROJECTIONS.get(type);
        if (projection == null) {
            throw new IllegalArgumentException("Not a registry type this service keeps: " + type.ceType());
        }
        if (!envelope.isTombstone() && !type.dataClass().isInstance(envelope.data())) {
            Log.warnf("Skipped %s about %s on %s: not a %s", envelope.type(), envelope.subject(), type.topic(),
                    type.dataClass().getSimpleName());
            return;
        }
        if (!processedEvents.firstTime(CONSUMER, envelope.id())) {
            return;
        }
        if (envelope.isTombstone()) {
            forget(projection, envelope);
        } else if (!projection.project().test((RegistryRecord) envelope.data())) {
            RegistryRecord record = (RegistryRecord) envelope.data();
            Log.debugf("%s %s revision %d is not newer than the one stored", envelope.type(), record.id(),
                    record.revision());
        }
    }

    private static void forget(Projection projection, Envelope<?> envelope) {
        try {
            Panache.getEntityManager().createQuery("delete from " + projection.table().getSimpleName()
                            + " where id = ?1")
                    .setParameter(1, UUID.fromString(envelope.subject()))
                    .executeUpdate();
        } catch (IllegalArgumentException e) {
            Log.warnf("Skipped a tombstone of %s with key %s: not an id", envelope.type(), envelope.subject());
        }
    }
}
