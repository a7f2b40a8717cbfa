package org.evsettle.invoices;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventCatalog;
import org.evsettle.events.UnknownEvent;
import org.evsettle.events.registry.DriverRecord;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.events.registry.SiteRecord;
import org.evsettle.outbox.ProcessedEvents;

/**
 * Keeps the operator, site and driver projections up to date from the compacted registry topics: a
 * record replaces the stored state only if its revision is higher, and a tombstone deletes it.
 */
@ApplicationScoped
public class RegistryProjection {

    static final String CONSUMER = "invoice-service.registry";

    /** Which projection a tombstone of each registry type deletes from (lambdas: Panache enhances the calls). */
    private static final Map<String, Function<UUID, Boolean>> DELETIONS = Map.of(
            EventCatalog.OPERATOR.ceType(), id -> Operator.deleteById(id),
            EventCatalog.SITE.ceType(), id -> Site.deleteById(id),
            EventCatalog.DRIVER.ceType(), id -> Driver.deleteById(id));

    private final ProcessedEvents processedEvents;

    public RegistryProjection(ProcessedEvents processedEvents) {
        this.processedEvents = processedEvents;
    }

    @Transactional
    public void apply(Envelope<?> envelope) {
        if (!processedEvents.firstTime(CONSUMER, envelope.id())) {
            return;
        }
        if (envelope.data() instanceof UnknownEvent unknown) {
            Log.warnf("Skipping unreadable registry record %s (%s): %s", unknown.subject(), unknown.ceType(),
                    unknown.reason());
        } else if (envelope.data() instanceof OperatorRecord record) {
            upsert(Operator.<Operator>findById(record.id()), o -> o.revision, record.revision(), Operator::new,
                    o -> o.copy(record), "Operator " + record.id());
        } else if (envelope.data() instanceof SiteRecord record) {
            upsert(Site.<Site>findById(record.id()), s -> s.revision, record.revision(), Site::new, s -> s.copy(record),
                    "Site " + record.id());
        } else if (envelope.data() instanceof DriverRecord record) {
            upsert(Driver.<Driver>findById(record.id()), d -> d.revision, record.revision(), Driver::new,
                    d -> d.copy(record), "Driver " + record.id());
        } else if (envelope.isTombstone() && DELETIONS.containsKey(envelope.type())) {
            if (DELETIONS.get(envelope.type()).apply(UUID.fromString(envelope.subject()))) {
                Log.infof("%s %s deleted from the registry", envelope.type(), envelope.subject());
            }
        } else {
            Log.debugf("Ignoring %s %s: not projected here", envelope.type(), envelope.subject());
        }
    }

    private static <T extends PanacheEntityBase> void upsert(T stored, ToLongFunction<T> storedRevision, long revision,
                                                             Supplier<T> create, Consumer<T> copy, String what) {
        if (stored != null && storedRevision.applyAsLong(stored) >= revision) {
            return;
        }
        T entity = stored != null ? stored : create.get();
        copy.accept(entity);
        if (stored == null) {
            entity.persist();
        }
        Log.infof("%s at revision %d", what, revision);
    }
}
