package org.evsettle.sessions;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.evsettle.events.ocpp.ChargerStatusChanged;
import org.evsettle.events.ocpp.MeterValue;
import org.evsettle.events.ocpp.MeterValuesSampled;
import org.evsettle.events.ocpp.TransactionStarted;
import org.evsettle.events.ocpp.TransactionStopped;
import org.evsettle.events.sessions.EnergyReading;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.events.sessions.SessionDurations;
import org.evsettle.events.sessions.SessionIds;
import org.evsettle.sessions.ChargingTime.PowerReading;
import org.evsettle.sessions.SessionInspector.Surroundings;
import org.evsettle.sessions.messaging.SessionPublisher;

/**
 * Builds sessions from what chargers report, tolerant of order: a start, its meter values, the
 * connector's statuses and its stop may arrive in any order, and a session is settled once both its
 * start and its stop are in (at the end of the batch that brought the later one): COMPLETED and announced
 * when no anomaly is found, otherwise HELD with its anomalies. Works on a batch of events in one
 * transaction ({@link Intake}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SessionAssembler {

    private final SessionPublisher publisher;
    private final SessionInspector inspector;
    private final SessionProgress progress;
    private final Clock clock;
    private final Counter held;

    public SessionAssembler(SessionPublisher publisher, SessionInspector inspector, SessionProgress progress,
                            Clock clock, MeterRegistry meters) {
        this.publisher = publisher;
        this.inspector = inspector;
        this.progress = progress;
        this.clock = clock;
        this.held = SessionCounters.held(meters);
    }

    /**
     * What one batch works on: its sessions and the user types of its starts' drivers, each loaded with one
     * query, and its samples, written in bulk.
     */
    public static final class Intake {

        private final Map<UUID, ChargingSession> sessions;
        private final Map<UUID, String> userTypes;
        private final ReportedSamples samples;
        /** Sessions whose start and stop are both in, settled when the batch ends, in the order they got ready. */
        private final Map<UUID, ChargingSession> ready = new LinkedHashMap<>();
        /** Sessions sampled by a 2.0.1 station in the batch, whose progress is published when it ends. */
        private final Set<UUID> following = new LinkedHashSet<>();

        private Intake(Map<UUID, ChargingSession> sessions, Map<UUID, String> userTypes, Instant now) {
            this.sessions = sessions;
            this.userTypes = userTypes;
            this.samples = new ReportedSamples(now);
        }

        /** The session of the transaction: as loaded or created earlier in the batch, or a new one. */
        ChargingSession session(String chargePointId, int transactionId) {
            return sessions.computeIfAbsent(SessionIds.of(chargePointId, transactionId), id -> {
                ChargingSession session = new ChargingSession();
                session.id = id;
                session.chargePointId = chargePointId;
                session.transactionId = transactionId;
                return session;
            });
        }
    }

    /** Whether a batch loads the session of this sample too, for its progress: see {@link SessionProgress}. */
    public boolean follows(MeterValuesSampled sampled) {
        return progress.follows(sampled);
    }

    /**
     * Starts a batch that will touch these sessions (the starts', the stops' and those it {@link #follows}) and
     * these drivers (the starts').
     */
    public Intake intake(Collection<UUID> sessionIds, Collection<UUID> driverIds) {
        return new Intake(ChargingSession.byIds(sessionIds), Driver.userTypes(driverIds), clock.instant());
    }

    /**
     * Ends a batch: writes the samples and statuses it holds and announces the progress of the sessions still
     * charging at a station that got a newer reading, then settles the sessions that got both their start and
     * their stop in it, with the samples of the whole batch (also a meter value sent after the stop) and what
     * lies around them read for all of them at once, and announces the completed ones together.
     */
    public void finish(Intake intake) {
        List<SessionProgress.LastSeen> lastSeen = progress.lastSeen(intake.following.stream()
                .map(intake.sessions::get).filter(Objects::nonNull).toList());
        intake.samples.flush();
        publisher.progressed(progress.since(lastSeen));
        intake.following.clear();
        if (intake.ready.isEmpty()) {
            return;
        }
        Map<UUID, List<EnergyReading>> samples = MeterSample.ofSessions(intake.ready.keySet());
        Map<UUID, List<PowerReading>> power = PowerSample.ofSessions(intake.ready.keySet());
        Surroundings around = inspector.surroundings(intake.ready.values());
        List<SessionCompleted> completed = new ArrayList<>();
        for (ChargingSession session : intake.ready.values()) {
            List<EnergyReading> readings = samples.getOrDefault(session.id, List.of());
            if (settle(session, readings, power.getOrDefault(session.id, List.of()), around)) {
                completed.add(session.completed(readings));
            }
        }
        publisher.completed(completed);
        intake.ready.clear();
    }

    public void started(Intake intake, TransactionStarted started) {
        ChargingSession session = intake.session(started.chargePointId(), started.transactionId());
        if (session.hasStart()) {
            Log.warnf("Ignored another start of session %s (%s transaction %d): the first one stands",
                    session.id, session.chargePointId, session.transactionId);
            return;
        }
        UUID driverId = started.authorization() == null ? null : started.authorization().driverId();
        session.recordStart(started, driverId == null ? null : intake.userTypes.get(driverId));
        session.persist();
        settleWhenComplete(intake, session);
    }

    public void sampled(Intake intake, MeterValuesSampled sampled) {
        if (sampled.transactionId() == null) {
            return; // a sample outside a transaction belongs to no session
        }
        UUID sessionId = SessionIds.of(sampled.chargePointId(), sampled.transactionId());
        keepSamples(intake, sessionId, sampled.meterValue(), sampled.receivedAt());
        if (progress.follows(sampled)) {
            intake.following.add(sessionId);
        }
    }

    /** Keeps a connector's status (connector 0 is the charger itself), for charging versus idle time. */
    public void statusChanged(Intake intake, ChargerStatusChanged changed) {
        Instant at = changed.timestamp() != null ? changed.timestamp() : changed.receivedAt();
        if (changed.connectorId() <= 0 || at == null || changed.status() == null) {
            return;
        }
        intake.samples.status(changed.chargePointId(), changed.connectorId(), ChargingSession.micros(at),
                changed.status(), changed.receivedAt());
    }

    public void stopped(Intake intake, TransactionStopped stopped) {
        ChargingSession session = intake.session(stopped.chargePointId(), stopped.transactionId());
        keepSamples(intake, session.id, stopped.transactionData(), stopped.receivedAt());
        if (session.hasStop()) {
            if (session.stopSource == ChargingSession.StopSource.OPERATOR) {
                lateStop(session, stopped);
            } else {
                Log.warnf("Ignored another stop of session %s (%s transaction %d): the first one stands",
                        session.id, session.chargePointId, session.transactionId);
            }
            return;
        }
        boolean wasStale = session.isHeldWithoutStop();
        session.recordStop(stopped);
        if (wasStale) {
            // the charger was late, not silent: the session is judged like any other
            SessionAnomaly.open(session.id).stream().filter(anomaly -> anomaly.rule == AnomalyRule.STALE)
                    .forEach(anomaly -> anomaly.resolve("charger", "its stop arrived", clock.instant()));
            session.status = SessionStatus.ACTIVE;
            session.heldReason = null;
        }
        session.persist();
        if (!session.hasStart()) {
            Log.debugf("Session %s (%s transaction %d) stopped before its start arrived%s", session.id,
                    session.chargePointId, session.transactionId,
                    stopped.knownTransaction() ? "" : "; the gateway does not know this transaction");
        }
        settleWhenComplete(intake, session);
    }

    private static void keepSamples(Intake intake, UUID sessionId, List<MeterValue> meterValues, Instant receivedAt) {
        EnergyRegister.readings(meterValues).forEach(reading -> intake.samples.energy(sessionId, reading, receivedAt));
        PowerMeter.readings(meterValues).forEach(reading -> intake.samples.power(sessionId, reading));
    }

    /** The charger stopped a session that an operator had already closed: kept for the operator to see. */
    private void lateStop(ChargingSession session, TransactionStopped stopped) {
        Anomaly late = new Anomaly(AnomalyRule.LATE_STOP, "the charger stopped it at " + stopped.timestamp()
                + " with meter stop " + stopped.meterStopWh() + " Wh after an operator had closed it at "
                + session.stoppedAt + " with " + session.meterStopWh + " Wh");
        SessionAnomaly.found(session.id, List.of(late), clock.instant());
        Log.warnf("Session %s: %s", session.id, late.detail());
    }

    private static void settleWhenComplete(Intake intake, ChargingSession session) {
        if (session.hasStart() && session.hasStop() && !session.isSettled()) {
            intake.ready.put(session.id, session);
        }
    }

    /** Decides the session's outcome; returns true when it completed and is to be announced. */
    private boolean settle(ChargingSession session, List<EnergyReading> samples, List<PowerReading> power,
                           Surroundings around) {
        List<Anomaly> anomalies = inspector.anomalies(session, samples, around);
        SessionDurations durations = inspector.durations(session, power, around);
        if (session.settle(anomalies, durations)) {
            Log.debugf("Session %s completed: %d Wh on %s", session.id, session.energyWh, session.chargePointId);
            return true;
        }
        SessionAnomaly.found(session.id, anomalies, clock.instant());
        held.increment();
        // an operator has to look at it: rare enough to say, and no fault of this service
        Log.infof("Session %s held: %s", session.id, session.heldReason);
        return false;
    }
}
