package org.evsettle.sessions.messaging;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.evsettle.events.Envelope;
import org.evsettle.events.Event;
import org.evsettle.events.UnknownEvent;
import org.evsettle.events.ocpp.MeterValuesSampled;
import org.evsettle.events.ocpp.TransactionStarted;
import org.evsettle.events.ocpp.TransactionStopped;
import org.evsettle.outbox.ProcessedEvents;
import org.evsettle.sessions.SessionAssembler;

/**
 * Applies one charger event to the sessions, once: the event id is recorded in the transaction of
 * the effect, so a redelivered event changes nothing. Dispatches on the record type; the types
 * sessions do not use yet (boots, status notifications) pass by.
 */
@ApplicationScoped
public class OcppEventHandler {

    static final String CONSUMER = "session-assembler";

    private final ProcessedEvents processedEvents;
    private final Map<Class<?>, Consumer<Event>> handlers = new HashMap<>();

    public OcppEventHandler(ProcessedEvents processedEvents, SessionAssembler assembler) {
        this.processedEvents = processedEvents;
        on(TransactionStarted.class, assembler::started);
        on(MeterValuesSampled.class, assembler::sampled);
        on(TransactionStopped.class, assembler::stopped);
    }

    @Transactional
    public void apply(Envelope<?> envelope) {
        Event event = envelope.data();
        if (event instanceof UnknownEvent unknown) {
            Log.warnf("Skipped an unreadable record about %s on ocpp.events (%s): %s", unknown.subject(),
                    unknown.ceType(), unknown.reason());
            return;
        }
        Consumer<Event> handler = event == null ? null : handlers.get(event.getClass());
        if (handler == null) {
            return;
        }
        if (!processedEvents.firstTime(CONSUMER, envelope.id())) {
            Log.debugf("Already applied %s %s", envelope.type(), envelope.id());
            return;
        }
        handler.accept(event);
    }

    private <T extends Event> void on(Class<T> type, Consumer<T> handler) {
        handlers.put(type, event -> handler.accept(type.cast(event)));
    }
}
