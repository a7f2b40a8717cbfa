package org.evsettle.invoices;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventCatalog;
import org.evsettle.events.UnknownEvent;
import org.evsettle.events.registry.DriverRecord;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.outbox.ProcessedEvents;

/**
 * Keeps the operator and driver projections up to date from the compacted registry topics: a record
 * replaces the stored state only if its revision is higher, and a tombstone deletes it.
 */
@ApplicationScoped
public class RegistryProjection {

    static final String CONSUMER = "invoice-service.registry";

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
        } else if (envelope.data() instanceof OperatorRecord operator) {
            upsert(operator);
        } else if (envelope.data() instanceof DriverRecord driver) {
            upsert(driver);
        } else if (envelope.isTombstone() && EventCatalog.OPERATOR.ceType().equals(envelope.type())) {
            deleted("Operator", envelope.subject(), Operator.deleteById(UUID.fromString(envelope.subject())));
        } else if (envelope.isTombstone() && EventCatalog.DRIVER.ceType().equals(envelope.type())) {
            deleted("Driver", envelope.subject(), Driver.deleteById(UUID.fromString(envelope.subject())));
        } else {
            Log.debugf("Ignoring %s %s: not projected here", envelope.type(), envelope.subject());
        }
    }

    private static void upsert(OperatorRecord record) {
        Operator stored = Operator.<Operator>findByIdOptional(record.id()).orElse(null);
        if (stored != null && stored.revision >= record.revision()) {
            return;
        }
        Operator operator = stored != null ? stored : new Operator();
        operator.copy(record);
        if (stored == null) {
            operator.persist();
        }
        Log.infof("Operator %s at revision %d", record.id(), record.revision());
    }

    private static void upsert(DriverRecord record) {
        Driver stored = Driver.<Driver>findByIdOptional(record.id()).orElse(null);
        if (stored != null && stored.revision >= record.revision()) {
            return;
        }
        Driver driver = stored != null ? stored : new Driver();
        driver.copy(record);
        if (stored == null) {
            driver.persist();
        }
        Log.infof("Driver %s at revision %d", record.id(), record.revision());
    }

    private static void deleted(String what, String id, boolean deleted) {
        if (deleted) {
            Log.infof("%s %s deleted from the registry", what, id);
        }
    }
}
