package org.evsettle.sessions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.evsettle.events.sessions.EnergyReading;
import org.evsettle.events.sessions.SessionDurations;
import org.evsettle.sessions.AnomalyRules.Evidence;
import org.evsettle.sessions.AnomalyRules.OpenSession;
import org.evsettle.sessions.AnomalyRules.PriorRegister;
import org.evsettle.sessions.AnomalyRules.Thresholds;
import org.evsettle.sessions.ChargingTime.StatusChange;
import org.evsettle.sessions.config.SessionRules;
import org.hibernate.Session;

/**
 * Gathers what the database knows around sessions (their samples, the connector's statuses and power,
 * the connector's previous and overlapping sessions) and applies the pure rules to it: which anomalies
 * a session shows, and how its connected time divides into charging and idle time. What a batch of
 * sessions needs is read for all of them at once ({@link Surroundings}), one query per kind.
 */
@ApplicationScoped
public class SessionInspector {

    private static final String NEIGHBOURS = """
            SELECT r.id, prior.id, prior.at, prior.register_wh, busy.id, busy.started_at
            FROM unnest(?, ?, ?, ?, ?) AS r(id, charge_point_id, connector_id, started_at, transaction_id)
            LEFT JOIN LATERAL (
                SELECT s.id, coalesce(s.stopped_at, s.started_at) AS at,
                       coalesce(s.meter_stop_wh, s.meter_start_wh) AS register_wh
                FROM charging_session s
                WHERE s.charge_point_id = r.charge_point_id AND s.connector_id = r.connector_id
                  AND s.started_at < r.started_at AND s.id <> r.id
                ORDER BY s.started_at DESC LIMIT 1) prior ON true
            LEFT JOIN LATERAL (
                SELECT s.id, s.started_at
                FROM charging_session s
                WHERE s.charge_point_id = r.charge_point_id AND s.connector_id = r.connector_id AND s.id <> r.id
                  AND (s.started_at < r.started_at
                       OR (s.started_at = r.started_at AND s.transaction_id < r.transaction_id))
                  AND (s.stopped_at IS NULL OR s.stopped_at > r.started_at)
                ORDER BY s.started_at DESC LIMIT 1) busy ON true""";
    // the last status at or before the start says how the session began; then the changes up to the stop
    private static final String STATUSES = """
            SELECT r.id, c.changed_at, c.status
            FROM unnest(?, ?, ?, ?, ?) AS r(id, charge_point_id, connector_id, started_at, stopped_at)
            CROSS JOIN LATERAL (
                (SELECT cs.changed_at, cs.status FROM connector_status cs
                 WHERE cs.charge_point_id = r.charge_point_id AND cs.connector_id = r.connector_id
                   AND cs.changed_at <= r.started_at
                 ORDER BY cs.changed_at DESC LIMIT 1)
                UNION ALL
                (SELECT cs.changed_at, cs.status FROM connector_status cs
                 WHERE cs.charge_point_id = r.charge_point_id AND cs.connector_id = r.connector_id
                   AND cs.changed_at > r.started_at AND cs.changed_at < r.stopped_at)) c
            ORDER BY r.id, c.changed_at""";

    private final SessionRules rules;
    private final EntityManager entityManager;

    public SessionInspector(SessionRules rules, EntityManager entityManager) {
        this.rules = rules;
        this.entityManager = entityManager;
    }

    /**
     * Around each session: the register at the end of the connector's previous session, another session
     * still open on the connector when it started, and the connector's statuses from start to stop.
     */
    public record Surroundings(Map<UUID, PriorRegister> priors, Map<UUID, OpenSession> busy,
                               Map<UUID, List<StatusChange>> statuses) {

        PriorRegister priorOf(ChargingSession session) {
            return priors.get(session.id);
        }

        OpenSession busyWith(ChargingSession session) {
            return busy.get(session.id);
        }

        List<StatusChange> statusesOf(ChargingSession session) {
            return statuses.getOrDefault(session.id, List.of());
        }
    }

    /**
     * Reads the surroundings of these sessions with two queries, whatever their number. What this
     * transaction changed is written first: the queries see the sessions of the same batch.
     */
    public Surroundings surroundings(Collection<ChargingSession> sessions) {
        return surroundings(sessions, session -> session.stoppedAt);
    }

    /** The same, with the connector's statuses up to the instant given for each session instead of its stop. */
    public Surroundings surroundings(Collection<ChargingSession> sessions, Function<ChargingSession, Instant> until) {
        Map<UUID, PriorRegister> priors = new HashMap<>();
        Map<UUID, OpenSession> busy = new HashMap<>();
        Map<UUID, List<StatusChange>> statuses = new HashMap<>();
        List<ChargingSession> placed = sessions.stream()
                .filter(session -> session.connectorId != null && session.startedAt != null).toList();
        List<ChargingSession> timed = placed.stream()
                .filter(session -> until.apply(session) != null && !until.apply(session).isBefore(session.startedAt))
                .toList();
        if (placed.isEmpty()) {
            return new Surroundings(priors, busy, statuses);
        }
        entityManager.flush();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(NEIGHBOURS)) {
                List<Array> arrays = bind(connection, query, placed, "integer",
                        placed.stream().map(session -> (Object) session.transactionId).toArray());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        UUID id = rows.getObject(1, UUID.class);
                        UUID prior = rows.getObject(2, UUID.class);
                        if (prior != null) {
                            priors.put(id, new PriorRegister(prior, instant(rows, 3), rows.getLong(4)));
                        }
                        UUID open = rows.getObject(5, UUID.class);
                        if (open != null) {
                            busy.put(id, new OpenSession(open, instant(rows, 6)));
                        }
                    }
                } finally {
                    free(arrays);
                }
            }
            if (timed.isEmpty()) {
                return;
            }
            try (PreparedStatement query = connection.prepareStatement(STATUSES)) {
                List<Array> arrays = bind(connection, query, timed, "timestamptz",
                        timed.stream().map(session -> (Object) until.apply(session).toString()).toArray());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        statuses.computeIfAbsent(rows.getObject(1, UUID.class), id -> new ArrayList<>())
                                .add(new StatusChange(instant(rows, 2), rows.getString(3)));
                    }
                } finally {
                    free(arrays);
                }
            }
        });
        return new Surroundings(priors, busy, statuses);
    }

    /** The anomalies of a session with its start and its stop; empty when it may be billed as it is. */
    public List<Anomaly> anomalies(ChargingSession session, List<EnergyReading> samples, Surroundings around) {
        Evidence evidence = new Evidence(session.authorizationStatus, session.driverId, session.startedAt,
                session.startReceivedAt, session.stoppedAt, session.stopReceivedAt, session.meterStartWh,
                session.meterStopWh, samples,
                // an imported session knows its energy, not the charger's register: no previous register to meet
                session.source == SessionSource.OCPP ? around.priorOf(session) : null, around.busyWith(session));
        List<Anomaly> found = AnomalyRules.of(evidence, Thresholds.of(rules, session.chargePointId));
        if (found.stream().noneMatch(anomaly -> anomaly.rule() == AnomalyRule.NO_DRIVER)) {
            return found;
        }
        return Site.home(session.siteId).map(home -> AnomalyRules.atHome(found, home.name, session.idTag)).orElse(found);
    }

    /** Connected, charging and idle time; null while start or stop is missing or out of order. */
    public SessionDurations durations(ChargingSession session) {
        return durations(session, PowerSample.of(session.id), surroundings(List.of(session)));
    }

    /** The same, with the power samples and the surroundings already at hand. */
    public SessionDurations durations(ChargingSession session, List<ChargingTime.PowerReading> power,
                                      Surroundings around) {
        return durations(session, session.stoppedAt, power, around);
    }

    /** Connected, charging and idle time up to this instant (an open session's latest reading); null when unknown. */
    public SessionDurations durations(ChargingSession session, Instant until, List<ChargingTime.PowerReading> power,
                                      Surroundings around) {
        if (session.startedAt == null || until == null || until.isBefore(session.startedAt)) {
            return null;
        }
        return ChargingTime.of(session.startedAt, until, around.statusesOf(session), power, rules.idlePowerW());
    }

    /** Binds id, charger, connector and start of each session, then the fifth column, as arrays. */
    private static List<Array> bind(Connection connection, PreparedStatement query, List<ChargingSession> sessions,
                                    String fifthType, Object[] fifth) throws SQLException {
        List<Array> arrays = List.of(
                connection.createArrayOf("uuid", sessions.stream().map(session -> session.id).toArray()),
                connection.createArrayOf("text", sessions.stream().map(session -> session.chargePointId).toArray()),
                connection.createArrayOf("integer", sessions.stream().map(session -> session.connectorId).toArray()),
                // ISO-8601 with its Z: read as the same instant whatever the connection's time zone
                connection.createArrayOf("timestamptz",
                        sessions.stream().map(session -> session.startedAt.toString()).toArray()),
                connection.createArrayOf(fifthType, fifth));
        for (int i = 0; i < arrays.size(); i++) {
            query.setArray(i + 1, arrays.get(i));
        }
        return arrays;
    }

    private static void free(List<Array> arrays) throws SQLException {
        for (Array array : arrays) {
            array.free();
        }
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
