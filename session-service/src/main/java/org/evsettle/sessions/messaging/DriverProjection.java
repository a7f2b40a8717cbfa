package org.evsettle.sessions.messaging;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.evsettle.events.Envelope;
import org.evsettle.events.UnknownEvent;
import org.evsettle.events.registry.DriverRecord;
import org.evsettle.outbox.ProcessedEvents;
import org.evsettle.sessions.RegisteredDriver;

/**
 * Keeps the latest state of each driver from {@code registry.drivers}: a record older than the stored
 * revision changes nothing, a tombstone deletes.
 */
@ApplicationScoped
public class DriverProjection {

    public static final String CONSUMER = "driver-projection";

    private final ProcessedEvents processedEvents;

    public DriverProjection(ProcessedEvents processedEvents) {
        this.processedEvents = processedEvents;
    }

    @Transactional
    public void apply(Envelope<?> envelope) {
        if (envelope.data() instanceof UnknownEvent unknown) {
            Log.warnf("Skipped an unreadable record about %s on registry.drivers (%s): %s", unknown.subject(),
                    unknown.ceType(), unknown.reason());
            return;
        }
        if (!processedEvents.firstTime(CONSUMER, envelope.id())) {
            return;
        }
        if (envelope.isTombstone()) {
            forget(envelope.subject());
        } else if (envelope.data() instanceof DriverRecord record) {
            if (!RegisteredDriver.project(record)) {
                Log.debugf("Driver %s revision %d is not newer than the one stored", record.id(), record.revision());
            }
        } else {
            Log.warnf("Skipped %s on registry.drivers: not a driver record", envelope.type());
        }
    }

    private static void forget(String subject) {
        try {
            RegisteredDriver.deleteById(UUID.fromString(subject));
        } catch (IllegalArgumentException e) {
            Log.warnf("Skipped a tombstone on registry.drivers with key %s: not a driver id", subject);
        }
    }
}
