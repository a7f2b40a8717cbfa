package org.evsettle.sessions.messaging;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.evsettle.events.Envelope;
import org.evsettle.events.Event;
import org.evsettle.events.ocpp.ChargerStatusChanged;
import org.evsettle.events.ocpp.MeterValuesSampled;
import org.evsettle.events.ocpp.TransactionStarted;
import org.evsettle.events.ocpp.TransactionStopped;
import org.evsettle.events.sessions.SessionIds;
import org.evsettle.outbox.ProcessedEvents;
import org.evsettle.outbox.consumer.MalformedRecord;
import org.evsettle.sessions.ReportedSamples;
import org.evsettle.sessions.SessionAssembler;
import org.evsettle.sessions.SessionAssembler.Intake;

/**
 * Applies a batch of charger events to the sessions, in their order, in one transaction, each once.
 * Starts and stops change a session's state: their event ids are recorded in that transaction, and
 * one seen before is skipped. Meter values and status notifications, most of the events, are kept by
 * their natural key (session and instant, connector and instant; see {@link ReportedSamples}), so
 * applying one again changes nothing and its id need not be recorded. Dispatches on the record type;
 * the types sessions do not use (boots, connections, firmware) pass by. Unreadable records never get
 * here: the failure policy quarantines them first.
 */
@ApplicationScoped
public class OcppEventHandler {

    /** What the assembler does with one event of a type, within a batch. */
    private interface Step<T extends Event> {
        void apply(Intake intake, T event);
    }

    private final ProcessedEvents processed;
    private final SessionAssembler assembler;
    private final Map<Class<?>, Step<Event>> steps = new HashMap<>();

    public OcppEventHandler(ProcessedEvents processed, SessionAssembler assembler) {
        this.processed = processed;
        this.assembler = assembler;
        on(TransactionStarted.class, assembler::started);
        on(MeterValuesSampled.class, assembler::sampled);
        on(ChargerStatusChanged.class, assembler::statusChanged);
        on(TransactionStopped.class, assembler::stopped);
    }

    /**
     * Applies a poll's events in one transaction. A record without a value is refused (ocpp.events carries
     * no tombstones): the poll fails, and the policy applies its records one at a time, quarantining that one.
     */
    @Transactional
    public void apply(List<Envelope<?>> envelopes) {
        List<Envelope<?>> relevant = new ArrayList<>();
        for (Envelope<?> envelope : envelopes) {
            if (envelope.isTombstone()) {
                throw new MalformedRecord("ocpp.events carries no tombstones, but " + envelope.type() + " about "
                        + envelope.subject() + " has no value");
            }
            if (steps.containsKey(envelope.data().getClass())) {
                relevant.add(envelope);
            }
        }
        if (relevant.isEmpty()) {
            return;
        }
        Set<UUID> fresh = processed.firstTimeAll(OcppEventsConsumer.NAME, relevant.stream().filter(OcppEventHandler::changesState)
                .map(Envelope::id).toList());
        Set<UUID> sessionIds = new LinkedHashSet<>();
        Set<UUID> driverIds = new HashSet<>();
        for (Envelope<?> envelope : relevant) {
            if (envelope.data() instanceof TransactionStarted started) {
                sessionIds.add(SessionIds.of(started.chargePointId(), started.transactionId()));
                if (started.authorization() != null && started.authorization().driverId() != null) {
                    driverIds.add(started.authorization().driverId());
                }
            } else if (envelope.data() instanceof TransactionStopped stopped) {
                sessionIds.add(SessionIds.of(stopped.chargePointId(), stopped.transactionId()));
            } else if (envelope.data() instanceof MeterValuesSampled sampled && assembler.follows(sampled)) {
                sessionIds.add(SessionIds.of(sampled.chargePointId(), sampled.transactionId()));
            }
        }
        Intake intake = assembler.intake(sessionIds, driverIds);
        for (Envelope<?> envelope : relevant) {
            // a start or stop twice in one batch is applied at its first place only
            if (!changesState(envelope) || fresh.remove(envelope.id())) {
                steps.get(envelope.data().getClass()).apply(intake, envelope.data());
            } else {
                Log.debugf("Already applied %s %s", envelope.type(), envelope.id());
            }
        }
        assembler.finish(intake);
    }

    private static boolean changesState(Envelope<?> envelope) {
        return envelope.data() instanceof TransactionStarted || envelope.data() instanceof TransactionStopped;
    }

    private <T extends Event> void on(Class<T> type, Step<T> step) {
        steps.put(type, (intake, event) -> step.apply(intake, type.cast(event)));
    }
}
