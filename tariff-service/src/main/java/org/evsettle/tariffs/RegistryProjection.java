package org.evsettle.tariffs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventCatalog;
import org.evsettle.events.UnknownEvent;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.DriverRecord;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.events.registry.RegistryRecord;
import org.evsettle.events.registry.SiteRecord;

/**
 * Keeps the copies of the registry that tariffs need (operators, sites, chargers, drivers) up to date
 * from the compacted registry topics: a record replaces the stored state only if its revision is
 * higher, and a tombstone deletes it. Both are idempotent, so a redelivery changes nothing.
 */
@ApplicationScoped
public class RegistryProjection {

    // lambdas, not method references: Panache implements the static methods on each entity class itself
    private static final Map<String, Function<UUID, Boolean>> DELETERS = Map.of(
            EventCatalog.OPERATOR.ceType(), id -> Operator.deleteById(id),
            EventCatalog.SITE.ceType(), id -> Site.deleteById(id),
            EventCatalog.CHARGER.ceType(), id -> Charger.deleteById(id),
            EventCatalog.DRIVER.ceType(), id -> Driver.deleteById(id));

    @Transactional
    public void apply(Envelope<?> envelope) {
        Object data = envelope.data();
        if (data instanceof OperatorRecord record) {
            upsert(Operator.findById(record.id()), Operator::new, record);
        } else if (data instanceof SiteRecord record) {
            upsert(Site.findById(record.id()), Site::new, record);
        } else if (data instanceof ChargerRecord record) {
            upsert(Charger.findById(record.id()), Charger::new, record);
        } else if (data instanceof DriverRecord record) {
            upsert(Driver.findById(record.id()), Driver::new, record);
        } else if (data instanceof UnknownEvent unknown) {
            Log.warnf("Skipping unreadable registry record %s (%s): %s", unknown.subject(), unknown.ceType(),
                    unknown.reason());
        } else if (envelope.isTombstone() && DELETERS.containsKey(envelope.type())) {
            if (DELETERS.get(envelope.type()).apply(UUID.fromString(envelope.subject()))) {
                Log.infof("%s %s deleted from the registry", envelope.type(), envelope.subject());
            }
        } else {
            Log.debugf("Ignoring %s %s: not projected here", envelope.type(), envelope.subject());
        }
    }

    @SuppressWarnings("unchecked")
    private static <R extends RegistryRecord, E extends PanacheEntityBase & RegistryCopy<R>> void upsert(
            PanacheEntityBase found, Supplier<E> create, R record) {
        E stored = (E) found;
        if (stored != null && stored.revision() >= record.revision()) {
            return;
        }
        E copy = stored != null ? stored : create.get();
        copy.copy(record);
        if (stored == null) {
            copy.persist();
        }
        Log.debugf("%s %s at revision %d", record.getClass().getSimpleName(), record.id(), record.revision());
    }
}
