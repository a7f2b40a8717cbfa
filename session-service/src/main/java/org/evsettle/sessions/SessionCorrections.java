package org.evsettle.sessions;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.events.sessions.SessionCorrected;
import org.evsettle.kit.api.DomainException;
import org.evsettle.outbox.audit.AuditTrail;
import org.evsettle.sessions.SessionCorrection.Action;
import org.evsettle.sessions.SessionCorrection.Published;
import org.evsettle.sessions.config.SessionRules;
import org.evsettle.sessions.messaging.SessionPublisher;

/**
 * How an operator puts a session right, with an audit trail (the session's own, and an entry in the
 * platform's {@link AuditTrail}): a correction (stop time, meter start,
 * meter stop) or a release of a held session as it is. A held session then completes and is announced
 * with its first SessionCompleted; a session that had completed already is announced again with
 * SessionCorrected (revision 1, 2, ...), for tariff-service to reprice and invoice-service to credit and rebill.
 */
@ApplicationScoped
public class SessionCorrections {

    /** What an operator asks to change; a null field stays as it is. */
    public record Change(Instant stoppedAt, Long meterStartWh, Long meterStopWh, String reason) {
    }

    private final SessionPublisher publisher;
    private final SessionInspector inspector;
    private final SessionRules rules;
    private final Clock clock;
    private final AuditTrail audit;

    public SessionCorrections(SessionPublisher publisher, SessionInspector inspector, SessionRules rules, Clock clock,
                              AuditTrail audit) {
        this.publisher = publisher;
        this.inspector = inspector;
        this.rules = rules;
        this.clock = clock;
        this.audit = audit;
    }

    /** Corrects the session if the caller may see it (visible); someone else's session answers 404. */
    @Transactional
    public ChargingSession correct(UUID sessionId, Predicate<ChargingSession> visible, Change change, String by) {
        ChargingSession session = locked(sessionId, visible);
        if (session.status != SessionStatus.COMPLETED && session.status != SessionStatus.HELD) {
            throw DomainException.conflict("Session " + session.id + " is " + session.status
                    + ": only a completed or held session can be corrected");
        }
        if (change.stoppedAt() == null && change.meterStartWh() == null && change.meterStopWh() == null) {
            throw DomainException.invalid("stoppedAt", "or meterStartWh or meterStopWh must be given");
        }
        if (!session.hasStop() && (change.stoppedAt() == null || change.meterStopWh() == null)) {
            throw DomainException.invalid("stoppedAt", "and meterStopWh must both be given: the charger never "
                    + "stopped this session");
        }
        Instant stoppedAt = change.stoppedAt() == null ? session.stoppedAt : ChargingSession.micros(change.stoppedAt());
        long meterStart = change.meterStartWh() == null ? session.meterStartWh : change.meterStartWh();
        long meterStop = change.meterStopWh() == null ? session.meterStopWh : change.meterStopWh();
        requireBillable(session, stoppedAt, meterStart, meterStop);
        if (Objects.equals(stoppedAt, session.stoppedAt) && Objects.equals(meterStart, session.meterStartWh)
                && Objects.equals(meterStop, session.meterStopWh) && session.status == SessionStatus.COMPLETED) {
            throw DomainException.unprocessable("The correction changes nothing in session " + session.id);
        }

        Instant now = clock.instant();
        Map<String, Object> before = auditState(session);
        SessionCorrection entry = SessionCorrection.before(session, Action.CORRECTED, by, change.reason(), now);
        boolean wasHeld = session.status == SessionStatus.HELD;
        session.correct(change.stoppedAt(), change.meterStartWh(), change.meterStopWh());
        session.takeDurations(inspector.durations(session));
        announce(session, entry, wasHeld, change.reason(), by, now, before);
        return session;
    }

    /**
     * Restates a completed session from its source's newer facts (a session re-imported from Zaptec whose data
     * changed there): start, stop and energy as the source says now, the samples already replaced by the caller.
     * Announced with SessionCorrected like an operator's correction, with the same trail and audit entry, also
     * when only the samples changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ChargingSession restate(UUID sessionId, Instant startedAt, Instant stoppedAt, long meterStopWh,
                                   String reason, String by) {
        ChargingSession session = locked(sessionId, any -> true);
        if (session.status != SessionStatus.COMPLETED) {
            throw new IllegalStateException("Session " + sessionId + " is " + session.status + ", not completed");
        }
        Instant now = clock.instant();
        Map<String, Object> before = auditState(session);
        before.put("startedAt", session.startedAt);
        SessionCorrection entry = SessionCorrection.before(session, Action.CORRECTED, by, reason, now);
        session.startedAt = ChargingSession.micros(startedAt);
        session.correct(stoppedAt, null, meterStopWh);
        session.takeDurations(inspector.durations(session));
        announceChanged(session, entry, false, reason, by, now);
        Map<String, Object> after = auditState(session);
        after.put("startedAt", session.startedAt);
        after.put("reason", reason);
        audit.record(session.operatorId, "Session", session.id, entry.action.name(), before, after);
        return session;
    }

    /** Releases the held session as it is, if the caller may see it. */
    @Transactional
    public ChargingSession release(UUID sessionId, Predicate<ChargingSession> visible, String reason, String by) {
        ChargingSession session = locked(sessionId, visible);
        if (session.status != SessionStatus.HELD) {
            throw DomainException.conflict("Session " + session.id + " is " + session.status
                    + ": only a held session can be released");
        }
        if (!session.hasStart() || !session.hasStop()) {
            throw DomainException.unprocessable("Session " + session.id + " has no stop: correct it with "
                    + "stoppedAt and meterStopWh instead");
        }
        requireBillable(session, session.stoppedAt, session.meterStartWh, session.meterStopWh);
        Instant now = clock.instant();
        Map<String, Object> before = auditState(session);
        SessionCorrection entry = SessionCorrection.before(session, Action.RELEASED, by, reason, now);
        announce(session, entry, true, reason, by, now, before);
        return session;
    }

    /**
     * The session, locked against a charger event that would change it at the same time; 409 once its
     * trail is full: the trail is answered whole, so it is bounded.
     */
    private static ChargingSession locked(UUID sessionId, Predicate<ChargingSession> visible) {
        ChargingSession session = ChargingSession.<ChargingSession>findByIdOptional(sessionId,
                        LockModeType.PESSIMISTIC_WRITE)
                .filter(visible)
                .orElseThrow(() -> DomainException.notFound("Session", sessionId));
        if (SessionCorrection.count("sessionId", sessionId) >= SessionCorrection.MOST_PER_SESSION) {
            throw DomainException.conflict("Session " + sessionId + " has been corrected or released "
                    + SessionCorrection.MOST_PER_SESSION + " times, the most a session's audit trail holds");
        }
        return session;
    }

    /** What no operator's word makes billable: a stop before the start, negative energy, a stop in the future. */
    private void requireBillable(ChargingSession session, Instant stoppedAt, long meterStart, long meterStop) {
        if (session.startedAt == null) {
            throw DomainException.unprocessable("Session " + session.id + " has no start time from the charger: "
                    + "it cannot be billed");
        }
        if (stoppedAt == null) {
            throw DomainException.invalid("stoppedAt", "must be given: the charger sent no stop time");
        }
        if (stoppedAt.isBefore(session.startedAt)) {
            throw DomainException.invalid("stoppedAt", "must not be before the start (" + session.startedAt + ")");
        }
        if (stoppedAt.isAfter(clock.instant().plus(rules.futureTolerance()))) {
            throw DomainException.invalid("stoppedAt", "must not be in the future");
        }
        if (meterStop < meterStart) {
            throw DomainException.invalid("meterStopWh", "must not be below the meter start (" + meterStart
                    + " Wh): the energy would be negative");
        }
    }

    private void announce(ChargingSession session, SessionCorrection entry, boolean wasHeld, String reason,
                          String by, Instant now, Map<String, Object> before) {
        announceChanged(session, entry, wasHeld, reason, by, now);
        Map<String, Object> after = auditState(session);
        after.put("reason", reason);
        audit.record(session.operatorId, "Session", session.id, entry.action.name(), before, after);
    }

    /** What the platform's audit trail compares of a corrected or released session. */
    private static Map<String, Object> auditState(ChargingSession session) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", session.status);
        state.put("stoppedAt", session.stoppedAt);
        state.put("meterStartWh", session.meterStartWh);
        state.put("meterStopWh", session.meterStopWh);
        state.put("correctionRevision", session.correctionRevision);
        return state;
    }

    private void announceChanged(ChargingSession session, SessionCorrection entry, boolean wasHeld, String reason,
                                 String by, Instant now) {
        SessionCompleted facts;
        if (wasHeld) {
            session.complete();
            SessionAnomaly.resolveAll(session.id, by, entry.action == Action.RELEASED ? "released: " + reason
                    : "corrected: " + reason, now);
            facts = session.completed(MeterSample.of(session.id));
            publisher.completed(facts);
            entry.after(session, Published.SESSION_COMPLETED, null);
            // who and why are in the session's trail and the audit trail; a log carries no person's name
            Log.infof("Session %s %s and completed", session.id, entry.action);
        } else {
            session.correctionRevision++;
            facts = session.completed(MeterSample.of(session.id));
            publisher.corrected(new SessionCorrected(session.id, session.correctionRevision, facts, reason, by, now));
            SessionAnomaly.open(session.id).stream().filter(anomaly -> anomaly.rule == AnomalyRule.LATE_STOP)
                    .forEach(anomaly -> anomaly.resolve(by, "corrected: " + reason, now));
            entry.after(session, Published.SESSION_CORRECTED, session.correctionRevision);
            Log.infof("Session %s corrected (revision %d)", session.id, session.correctionRevision);
        }
    }
}
