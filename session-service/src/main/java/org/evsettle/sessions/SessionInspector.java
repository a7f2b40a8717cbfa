package org.evsettle.sessions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.evsettle.events.sessions.EnergyReading;
import org.evsettle.events.sessions.SessionDurations;
import org.evsettle.sessions.AnomalyRules.Evidence;
import org.evsettle.sessions.AnomalyRules.OpenSession;
import org.evsettle.sessions.AnomalyRules.PriorRegister;
import org.evsettle.sessions.AnomalyRules.Thresholds;
import org.evsettle.sessions.config.SessionRules;

/**
 * Gathers what the database knows around a session (its samples, the connector's statuses and power,
 * the connector's previous and overlapping sessions) and applies the pure rules to it: which anomalies
 * it shows, and how its connected time divides into charging and idle time.
 */
@ApplicationScoped
public class SessionInspector {

    private final SessionRules rules;
    private final EntityManager entityManager;

    public SessionInspector(SessionRules rules, EntityManager entityManager) {
        this.rules = rules;
        this.entityManager = entityManager;
    }

    /** The anomalies of a session with its start and its stop; empty when it may be billed as it is. */
    public List<Anomaly> anomalies(ChargingSession session) {
        return anomalies(session, MeterSample.of(session.id));
    }

    /** The same, with the register samples stored for the session already at hand. */
    public List<Anomaly> anomalies(ChargingSession session, List<EnergyReading> samples) {
        Evidence evidence = new Evidence(session.authorizationStatus, session.driverId, session.startedAt,
                session.startReceivedAt, session.stoppedAt, session.stopReceivedAt, session.meterStartWh,
                session.meterStopWh, samples, priorRegister(session), busyWith(session));
        return AnomalyRules.of(evidence, Thresholds.of(rules, session.chargePointId));
    }

    /** Connected, charging and idle time; null while start or stop is missing or out of order. */
    public SessionDurations durations(ChargingSession session) {
        return durations(session, PowerSample.of(session.id));
    }

    /** The same, with the power samples stored for the session already at hand. */
    public SessionDurations durations(ChargingSession session, List<ChargingTime.PowerReading> power) {
        if (session.startedAt == null || session.stoppedAt == null || session.stoppedAt.isBefore(session.startedAt)) {
            return null;
        }
        List<ChargingTime.StatusChange> statuses = session.connectorId == null ? List.of()
                : ConnectorStatus.around(session.chargePointId, session.connectorId, session.startedAt,
                        session.stoppedAt);
        return ChargingTime.of(session.startedAt, session.stoppedAt, statuses, power, rules.idlePowerW());
    }

    /** The register at the end of the latest session on the same connector that started before this one. */
    private PriorRegister priorRegister(ChargingSession session) {
        if (session.connectorId == null || session.startedAt == null) {
            return null;
        }
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT id, coalesce(stopped_at, started_at), coalesce(meter_stop_wh, meter_start_wh)
                        FROM charging_session
                        WHERE charge_point_id = ?1 AND connector_id = ?2 AND started_at < ?3 AND id <> ?4
                        ORDER BY started_at DESC LIMIT 1""")
                .setParameter(1, session.chargePointId)
                .setParameter(2, session.connectorId)
                .setParameter(3, session.startedAt)
                .setParameter(4, session.id)
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        return new PriorRegister((UUID) row[0], instant(row[1]), ((Number) row[2]).longValue());
    }

    /**
     * Another session on the connector, started before this one (or at the same instant with a lower
     * transactionId: a repeated start), that was still open when this one started.
     */
    private OpenSession busyWith(ChargingSession session) {
        if (session.connectorId == null || session.startedAt == null) {
            return null;
        }
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT id, started_at FROM charging_session
                        WHERE charge_point_id = ?1 AND connector_id = ?2 AND id <> ?3
                          AND (started_at < ?4 OR (started_at = ?4 AND transaction_id < ?5))
                          AND (stopped_at IS NULL OR stopped_at > ?4)
                        ORDER BY started_at DESC LIMIT 1""")
                .setParameter(1, session.chargePointId)
                .setParameter(2, session.connectorId)
                .setParameter(3, session.id)
                .setParameter(4, session.startedAt)
                .setParameter(5, session.transactionId)
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        return new OpenSession((UUID) row[0], instant(row[1]));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("Not a time: " + value);
    }
}
