package org.evsettle.sessions.zaptec;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.EventIds;
import org.evsettle.events.sessions.EnergyReading;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.outbox.audit.AuditTrail;
import org.evsettle.sessions.Anomaly;
import org.evsettle.sessions.AnomalyRule;
import org.evsettle.sessions.AnomalyRules;
import org.evsettle.sessions.ChargingSession;
import org.evsettle.sessions.Driver;
import org.evsettle.sessions.MeterSample;
import org.evsettle.sessions.SessionAnomaly;
import org.evsettle.sessions.SessionCorrections;
import org.evsettle.sessions.SessionCounters;
import org.evsettle.sessions.SessionInspector;
import org.evsettle.sessions.SessionSource;
import org.evsettle.sessions.SessionStatus;
import org.evsettle.sessions.messaging.SessionPublisher;

/**
 * Makes charging sessions of Zaptec's charge history (docs/zaptec.md): each Zaptec session once per operator (its
 * Id the natural key), matched to the operator's charger and driver, judged by the same anomaly rules as a
 * charger's session and announced with the same SessionCompleted through the outbox. A session imported again
 * unchanged changes nothing; one whose data changed at Zaptec is restated: a held one is judged again, a
 * completed one is corrected (SessionCorrected, the session's trail and the audit trail).
 */
@ApplicationScoped
public class ZaptecImport {

    /** Who the trail names for what an import did. */
    public static final String IMPORTER = "zaptec-import";

    /** What one import did, by the number of sessions. */
    public record Outcome(int received, int created, int completed, int held, int corrected, int unchanged,
                          List<UUID> sessionIds) {
    }

    private final SessionInspector inspector;
    private final SessionPublisher publisher;
    private final SessionCorrections corrections;
    private final AuditTrail audit;
    private final EntityManager entityManager;
    private final Clock clock;
    private final Counter held;

    public ZaptecImport(SessionInspector inspector, SessionPublisher publisher, SessionCorrections corrections,
                        AuditTrail audit, EntityManager entityManager, Clock clock, MeterRegistry meters) {
        this.inspector = inspector;
        this.publisher = publisher;
        this.corrections = corrections;
        this.audit = audit;
        this.entityManager = entityManager;
        this.clock = clock;
        this.held = SessionCounters.held(meters);
    }

    /** The id of an imported session: from the operator and Zaptec's session id, the same at every import. */
    public static UUID sessionId(UUID operatorId, String zaptecId) {
        return EventIds.nameBased("zaptec-session", operatorId, zaptecId);
    }

    /** Imports these checked sessions (Zaptec Ids unique among them) for the operator, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome store(UUID operatorId, SessionSource source, String installationId, List<ZaptecSession> sessions) {
        Instant now = clock.instant();
        Map<String, ZaptecSessionFacts> known = ZaptecSessionFacts.ofZaptecIds(operatorId,
                sessions.stream().map(ZaptecSession::id).toList());
        Map<ChargingSession, ZaptecSession> created = new LinkedHashMap<>();
        List<UUID> ids = new ArrayList<>();
        int corrected = 0;
        int unchanged = 0;
        int completed = 0;
        int heldNow = 0;
        for (ZaptecSession zaptec : sessions) {
            ZaptecSessionFacts facts = known.get(zaptec.id());
            if (facts == null) {
                created.put(create(operatorId, source, installationId, zaptec, now), zaptec);
                continue;
            }
            ids.add(facts.sessionId);
            if (facts.fingerprint.equals(zaptec.fingerprint())) {
                unchanged++;
                continue;
            }
            String was = facts.fingerprint;
            facts.take(zaptec, source, installationId, now);
            ChargingSession session = ChargingSession.findById(facts.sessionId);
            replaceSamples(session.id, zaptec, now);
            String reason = "Zaptec changed session " + zaptec.id() + ": " + changes(session, zaptec);
            if (session.status == SessionStatus.COMPLETED) {
                corrections.restate(session.id, zaptec.startDateTime(), zaptec.endDateTime(), zaptec.energyWh(),
                        reason, IMPORTER);
                corrected++;
            } else {
                Map<String, Object> before = auditState(session, was);
                session.startedAt = ChargingSession.micros(zaptec.startDateTime());
                session.correct(zaptec.endDateTime(), null, zaptec.energyWh());
                if (judge(session, facts, now)) {
                    completed++;
                } else {
                    heldNow++;
                }
                Map<String, Object> after = auditState(session, facts.fingerprint);
                after.put("reason", reason);
                audit.record(operatorId, "Session", session.id, "REIMPORTED", before, after);
                corrected++;
            }
        }
        entityManager.flush();
        for (Map.Entry<ChargingSession, ZaptecSession> entry : created.entrySet()) {
            ChargingSession session = entry.getKey();
            ids.add(session.id);
            if (judge(session, ZaptecSessionFacts.findById(session.id), now)) {
                completed++;
            } else {
                heldNow++;
            }
        }
        Log.infof("Imported %d Zaptec sessions (%s) for operator %s: %d new, %d completed, %d held, %d restated,"
                + " %d unchanged", sessions.size(), source, operatorId, created.size(), completed, heldNow, corrected,
                unchanged);
        return new Outcome(sessions.size(), created.size(), completed, heldNow, corrected, unchanged, ids);
    }

    /**
     * Judges a held (or new) imported session again, with its driver matched anew when it has none: the same
     * anomaly rules as a charger's session, and two of the import's own (no driver in Zaptec's words, a charger
     * the operator has not registered). Completes and announces it when nothing is wrong; returns whether it did.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean judge(ChargingSession session, ZaptecSessionFacts facts, Instant now) {
        if (session.driverId == null) {
            ZaptecMatching.DriverMatch driver = ZaptecMatching.driver(session.operatorId, facts.zaptecUserId,
                    facts.userEmail, facts.tokenName);
            take(session, driver);
        }
        if (session.chargerId == null) {
            take(session, ZaptecMatching.charger(session.operatorId, facts.zaptecCharger, facts.deviceId,
                    facts.deviceName));
        }
        entityManager.flush();
        List<EnergyReading> samples = MeterSample.of(session.id);
        SessionInspector.Surroundings around = inspector.surroundings(List.of(session));
        List<Anomaly> anomalies = new ArrayList<>();
        for (Anomaly anomaly : inspector.anomalies(session, samples, around)) {
            anomalies.add(anomaly.rule() != AnomalyRule.NO_DRIVER ? anomaly : new Anomaly(AnomalyRule.NO_DRIVER,
                    ZaptecMatching.noDriver(facts.zaptecUserId, facts.userEmail, facts.userFullName, facts.tokenName)));
        }
        if (session.chargerId == null) {
            anomalies.add(new Anomaly(AnomalyRule.UNKNOWN_CHARGER, "Zaptec charger " + session.chargePointId
                    + " is not registered with the operator: register it (its serial as chargePointId) or map it"
                    + " (PUT .../zaptec/mappings)"));
        }
        // what an earlier judgement found and no longer holds is resolved; what holds is found again
        List<AnomalyRule> holding = anomalies.stream().map(Anomaly::rule).toList();
        SessionAnomaly.open(session.id).stream().filter(open -> !holding.contains(open.rule))
                .forEach(open -> open.resolve(IMPORTER, "no longer found in Zaptec's data as matched now", now));
        boolean complete = session.settle(anomalies, inspector.durations(session, List.of(), around));
        if (complete) {
            SessionCompleted announced = session.completed(samples);
            publisher.completed(announced);
            Log.debugf("Imported session %s completed: %d Wh on %s", session.id, session.energyWh,
                    session.chargePointId);
        } else {
            SessionAnomaly.found(session.id, anomalies, now);
            held.increment();
            Log.infof("Imported session %s held (%s)", session.id, holding);
        }
        return complete;
    }

    private ChargingSession create(UUID operatorId, SessionSource source, String installationId, ZaptecSession zaptec,
                                   Instant now) {
        ChargingSession session = new ChargingSession();
        session.id = sessionId(operatorId, zaptec.id());
        session.source = source;
        session.externalId = zaptec.id();
        session.operatorId = operatorId;
        session.transactionId = -((Number) entityManager.createNativeQuery("SELECT nextval('imported_transaction_id')")
                .getSingleResult()).intValue();
        session.connectorId = 1;
        // Zaptec authorized the session itself; whether it belongs to one of our drivers is NO_DRIVER's question
        session.authorizationStatus = AnomalyRules.ACCEPTED;
        take(session, ZaptecMatching.charger(operatorId, zaptec.chargerId(), zaptec.deviceId(), zaptec.deviceName()));
        take(session, ZaptecMatching.driver(operatorId, zaptec.userId(), zaptec.userEmail(), zaptec.tokenName()));
        session.startedAt = ChargingSession.micros(zaptec.startDateTime());
        session.startReceivedAt = ChargingSession.micros(now);
        session.stoppedAt = ChargingSession.micros(zaptec.endDateTime());
        session.stopReceivedAt = ChargingSession.micros(now);
        session.stopSource = ChargingSession.StopSource.CHARGER;
        session.meterStartWh = 0L;
        session.meterStopWh = zaptec.energyWh();
        session.status = SessionStatus.ACTIVE;
        session.persist();
        ZaptecSessionFacts facts = new ZaptecSessionFacts();
        facts.sessionId = session.id;
        facts.operatorId = operatorId;
        facts.zaptecId = zaptec.id();
        facts.take(zaptec, source, installationId, now);
        facts.persist();
        writeSamples(session.id, zaptec, now);
        return session;
    }

    private static void take(ChargingSession session, ZaptecMatching.ChargerMatch charger) {
        session.chargePointId = charger.chargePointId();
        session.chargerId = charger.chargerId();
        session.siteId = charger.siteId();
    }

    private static void take(ChargingSession session, ZaptecMatching.DriverMatch driver) {
        session.driverId = driver.driverId();
        session.cardId = driver.cardId();
        session.idTag = driver.idTag();
        session.userType = Driver.userTypeOf(driver.driverId()).orElse(null);
    }

    /**
     * The energy register of an imported session, counted from 0 at its start: at each EnergyDetails timestamp
     * the energy of the intervals before it, so that each interval's energy lies between its timestamp and the
     * next (time of use). A timestamp at or before the start adds nothing to read: the start counts 0.
     */
    private static void writeSamples(UUID sessionId, ZaptecSession zaptec, Instant now) {
        BigDecimal register = BigDecimal.ZERO;
        Instant start = ChargingSession.micros(zaptec.startDateTime());
        Instant stop = ChargingSession.micros(zaptec.endDateTime());
        for (ZaptecSession.EnergyDetail detail : zaptec.energyDetails()) {
            Instant at = ChargingSession.micros(detail.timestamp());
            if (at.isAfter(start) && at.isBefore(stop)) {
                MeterSample sample = new MeterSample();
                sample.sessionId = sessionId;
                sample.sampledAt = at;
                sample.registerWh = ZaptecSession.wh(register);
                sample.receivedAt = now;
                sample.persist();
            }
            register = register.add(detail.energyKwh());
        }
    }

    private void replaceSamples(UUID sessionId, ZaptecSession zaptec, Instant now) {
        MeterSample.delete("sessionId", sessionId);
        entityManager.flush();
        writeSamples(sessionId, zaptec, now);
        entityManager.flush();
    }

    private static String changes(ChargingSession session, ZaptecSession zaptec) {
        List<String> changed = new ArrayList<>();
        if (!ChargingSession.micros(zaptec.startDateTime()).equals(session.startedAt)) {
            changed.add("start " + session.startedAt + " -> " + zaptec.startDateTime());
        }
        if (!ChargingSession.micros(zaptec.endDateTime()).equals(session.stoppedAt)) {
            changed.add("end " + session.stoppedAt + " -> " + zaptec.endDateTime());
        }
        if (session.energyWh == null || session.energyWh != zaptec.energyWh()) {
            changed.add("energy " + session.energyWh + " Wh -> " + zaptec.energyWh() + " Wh");
        }
        return changed.isEmpty() ? "energy details" : String.join(", ", changed);
    }

    private static Map<String, Object> auditState(ChargingSession session, String fingerprint) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", session.status);
        state.put("startedAt", session.startedAt);
        state.put("stoppedAt", session.stoppedAt);
        state.put("energyWh", session.energyWh);
        state.put("zaptec", fingerprint);
        return state;
    }
}
