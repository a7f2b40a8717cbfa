package org.evsettle.sessions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.events.ocpp.ChargeAuthorization;
import org.evsettle.events.ocpp.TransactionStarted;
import org.evsettle.events.ocpp.StationTransaction;
import org.evsettle.events.ocpp.TransactionStopped;
import org.evsettle.events.registry.IdTags;
import org.evsettle.events.sessions.EnergyReading;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.events.sessions.SessionDurations;
import org.evsettle.events.sessions.SessionIds;
import org.evsettle.events.registry.SiteKind;
import org.evsettle.events.sessions.SessionSnapshot;
import org.evsettle.kit.api.Keyset;
import org.evsettle.kit.api.Page;
import org.evsettle.kit.api.PageRequest;
import org.evsettle.outbox.api.KeysetQuery;

/**
 * A charging session: one transaction of one charger, assembled from its start and its stop in
 * whichever order they arrive, with the snapshot of who charged where taken at the start.
 */
@Entity
@Table(name = "charging_session")
public class ChargingSession extends PanacheEntityBase {

    /** The order of session lists, newest first: a key that is never null and unique. */
    private static final Keyset LISTED = Keyset.of(Keyset.descending("listedAt", Instant.class),
            Keyset.descending("id", UUID.class));

    @Id
    public UUID id;
    @Version
    public long version;
    @Enumerated(EnumType.STRING)
    public SessionStatus status;
    @Column(name = "held_reason")
    public String heldReason;
    @Column(name = "charge_point_id")
    public String chargePointId;
    @Column(name = "transaction_id")
    public int transactionId;
    @Column(name = "connector_id")
    public Integer connectorId;
    @Column(name = "operator_id")
    public UUID operatorId;
    @Column(name = "site_id")
    public UUID siteId;
    @Column(name = "charger_id")
    public UUID chargerId;
    @Column(name = "card_id")
    public UUID cardId;
    @Column(name = "driver_id")
    public UUID driverId;
    @Column(name = "id_tag")
    public String idTag;
    @Column(name = "user_type")
    public String userType;
    @Column(name = "authorization_status")
    public String authorizationStatus;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "start_received_at")
    public Instant startReceivedAt;
    @Column(name = "meter_start_wh")
    public Long meterStartWh;
    @Column(name = "stopped_at")
    public Instant stoppedAt;
    @Column(name = "stop_received_at")
    public Instant stopReceivedAt;
    @Column(name = "meter_stop_wh")
    public Long meterStopWh;
    @Column(name = "energy_wh")
    public Long energyWh;
    @Column(name = "stop_reason")
    public String stopReason;
    @Column(name = "stop_id_tag")
    public String stopIdTag;
    @Column(name = "known_transaction")
    public Boolean knownTransaction;
    /** An OCPP 2.0.1 station's own transactionId; null for a 1.6 charger's session. */
    @Column(name = "station_transaction_id")
    public String stationTransactionId;
    /** The seqNos of the station's TransactionEvents that never arrived (samples lost between them); null when none. */
    @Column(name = "missing_seq_nos")
    public Integer[] missingSeqNos;
    @Column(name = "connected_seconds")
    public Long connectedSeconds;
    @Column(name = "charging_seconds")
    public Long chargingSeconds;
    @Column(name = "idle_seconds")
    public Long idleSeconds;
    /** How many SessionCorrected were published for it: the revision of the latest. */
    @Column(name = "correction_revision")
    public int correctionRevision;
    @Enumerated(EnumType.STRING)
    @Column(name = "stop_source")
    public StopSource stopSource;
    /**
     * Where lists place the session (PostgreSQL computes it): the charger's start, else its stop, else when
     * either arrived. Never null, unlike startedAt while the start has not arrived.
     */
    @Column(name = "listed_at", insertable = false, updatable = false)
    public Instant listedAt;
    /** Where the session came from: a charger over OCPP, or Zaptec's charge history (docs/zaptec.md). */
    @Enumerated(EnumType.STRING)
    public SessionSource source = SessionSource.OCPP;
    /** The session's id at its source when that is not a charger: Zaptec's session Id, unique per operator. */
    @Column(name = "external_id")
    public String externalId;

    /** Where a session's stop came from. */
    public enum StopSource {
        /** The charger's StopTransaction. */
        CHARGER,
        /** An operator's correction closed a session the charger had not stopped. */
        OPERATOR
    }

    /** The session of a charger's transaction, as stored, or a new one that is not stored yet. */
    public static ChargingSession ofTransaction(String chargePointId, int transactionId) {
        UUID id = SessionIds.of(chargePointId, transactionId);
        return ChargingSession.<ChargingSession>findByIdOptional(id).orElseGet(() -> {
            ChargingSession session = new ChargingSession();
            session.id = id;
            session.chargePointId = chargePointId;
            session.transactionId = transactionId;
            return session;
        });
    }

    /** The stored sessions among these ids, by id: one query for a batch of charger events. */
    public static Map<UUID, ChargingSession> byIds(Collection<UUID> ids) {
        Map<UUID, ChargingSession> found = new HashMap<>();
        if (!ids.isEmpty()) {
            ChargingSession.<ChargingSession>list("id in ?1", ids).forEach(session -> found.put(session.id, session));
        }
        return found;
    }

    /**
     * One page of the sessions that match the filter, newest first by {@link #listedAt}, then by id: one
     * query of limit + 1 rows after the cursor, whatever the page's depth.
     */
    public static Page<ChargingSession> page(SessionFilter filter, PageRequest request) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        condition(conditions, parameters, "operatorId = :operatorId", "operatorId", filter.operatorId());
        condition(conditions, parameters, "driverId = :driverId", "driverId", filter.driverId());
        condition(conditions, parameters, "chargePointId = :chargePointId", "chargePointId", filter.chargePointId());
        condition(conditions, parameters, "status = :status", "status", filter.status());
        condition(conditions, parameters, "siteId = :siteId", "siteId", filter.siteId());
        condition(conditions, parameters, "cardId = :cardId", "cardId", filter.cardId());
        // lower(user_type), as its index has it
        condition(conditions, parameters, "lower(userType) = :userType", "userType", filter.userType());
        if (filter.siteKind() != null) {
            conditions.add((filter.siteKind() == SiteKind.HOME ? "" : "not ")
                    + "exists (select 1 from Site k where k.id = siteId and k.kind = :homeKind)");
            parameters.put("homeKind", SiteKind.HOME);
        }
        condition(conditions, parameters, "listedAt >= :listedFrom", "listedFrom", filter.from());
        condition(conditions, parameters, "listedAt < :listedUntil", "listedUntil", filter.until());
        return KeysetQuery.page(ChargingSession.class, LISTED, String.join(" and ", conditions), parameters, request,
                session -> List.of(session.listedAt, session.id));
    }

    private static void condition(List<String> conditions, Map<String, Object> parameters, String condition,
                                  String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(name, value);
        }
    }

    /** The operator of the driver's sessions here, for a driver the registry no longer holds. */
    public static Optional<UUID> operatorOfDriver(UUID driverId) {
        return getEntityManager().createQuery("select operatorId from ChargingSession where driverId = :driverId"
                        + " and operatorId is not null", UUID.class)
                .setParameter("driverId", driverId).setMaxResults(1).getResultStream().findFirst();
    }

    public boolean hasStart() {
        return meterStartWh != null;
    }

    public boolean hasStop() {
        return meterStopWh != null;
    }

    /** Completed or held: the outcome of the start and the stop has been decided. */
    public boolean isSettled() {
        return status == SessionStatus.COMPLETED || status == SessionStatus.HELD;
    }

    /** Takes the start and, from its authorization, the snapshot; userType from the driver as known now. */
    public void recordStart(TransactionStarted started, String driverUserType) {
        ChargeAuthorization authorization = Optional.ofNullable(started.authorization())
                .orElse(new ChargeAuthorization(null, null, null, null, null, null));
        connectorId = started.connectorId();
        operatorId = authorization.operatorId();
        siteId = authorization.siteId();
        chargerId = authorization.chargerId();
        cardId = authorization.cardId();
        driverId = authorization.driverId();
        authorizationStatus = authorization.status();
        idTag = started.idTag() == null ? null : IdTags.normalize(started.idTag());
        userType = driverUserType;
        startedAt = micros(started.timestamp());
        startReceivedAt = micros(started.receivedAt());
        meterStartWh = started.meterStartWh();
        takeStation(started.station());
        if (!hasStop()) {
            status = SessionStatus.ACTIVE;
        }
    }

    public void recordStop(TransactionStopped stopped) {
        stopSource = StopSource.CHARGER;
        if (connectorId == null) {
            connectorId = stopped.connectorId();
        }
        stoppedAt = micros(stopped.timestamp());
        stopReceivedAt = micros(stopped.receivedAt());
        meterStopWh = stopped.meterStopWh();
        stopReason = stopped.reason();
        stopIdTag = stopped.idTag() == null ? null : IdTags.normalize(stopped.idTag());
        knownTransaction = stopped.knownTransaction();
        takeStation(stopped.station());
        if (stopped.station() != null && stopped.station().missingSeqNos() != null
                && !stopped.station().missingSeqNos().isEmpty()) {
            missingSeqNos = stopped.station().missingSeqNos().toArray(Integer[]::new);
        }
        if (!hasStart()) {
            status = SessionStatus.AWAITING_START;
        }
    }

    private void takeStation(StationTransaction station) {
        if (station != null && station.stationTransactionId() != null) {
            stationTransactionId = station.stationTransactionId();
        }
    }

    /**
     * Decides the outcome once start and stop are both in: COMPLETED when nothing is wrong with it,
     * otherwise HELD with every anomaly as the reason. Returns true when it completed.
     */
    public boolean settle(List<Anomaly> anomalies, SessionDurations durations) {
        if (!hasStart() || !hasStop()) {
            throw new IllegalStateException("Session " + id + " has no start or no stop yet");
        }
        energyWh = meterStopWh - meterStartWh;
        takeDurations(durations);
        status = anomalies.isEmpty() ? SessionStatus.COMPLETED : SessionStatus.HELD;
        heldReason = AnomalyRules.heldReason(anomalies);
        return anomalies.isEmpty();
    }

    /** Holds an open session: no stop came in time, and none may ever come. */
    public void holdAsStale(Anomaly stale) {
        status = SessionStatus.HELD;
        heldReason = stale.detail();
    }

    /** Started and not stopped: still charging (or held as stale, waiting for its stop). */
    public boolean isOpen() {
        return hasStart() && !hasStop();
    }

    /** Whether the session is held waiting for a stop (it went stale). */
    public boolean isHeldWithoutStop() {
        return status == SessionStatus.HELD && !hasStop();
    }

    public void takeDurations(SessionDurations durations) {
        connectedSeconds = durations == null ? null : durations.connectedSeconds();
        chargingSeconds = durations == null ? null : durations.chargingSeconds();
        idleSeconds = durations == null ? null : durations.idleSeconds();
    }

    public SessionDurations durations() {
        return connectedSeconds == null ? null
                : new SessionDurations(connectedSeconds, chargingSeconds, idleSeconds);
    }

    /** An operator's correction of the stop (or of the meter start): the energy follows. */
    public void correct(Instant newStoppedAt, Long newMeterStartWh, Long newMeterStopWh) {
        if (newStoppedAt != null) {
            if (!hasStop()) {
                stopSource = StopSource.OPERATOR;
            }
            stoppedAt = micros(newStoppedAt);
        }
        if (newMeterStartWh != null) {
            meterStartWh = newMeterStartWh;
        }
        if (newMeterStopWh != null) {
            meterStopWh = newMeterStopWh;
        }
        energyWh = hasStart() && hasStop() ? meterStopWh - meterStartWh : null;
    }

    /** Completed by an operator's decision (a release or a correction of a held session). */
    public void complete() {
        status = SessionStatus.COMPLETED;
        heldReason = null;
    }

    public SessionSnapshot snapshot() {
        return new SessionSnapshot(operatorId, siteId, chargerId, cardId, driverId, idTag, userType);
    }

    /** The announcement of a completed session, with the samples stored for it. */
    public SessionCompleted completed(List<EnergyReading> samples) {
        return endingAt(new EnergyReading(stoppedAt, meterStopWh), energyWh, stopReason, samples, durations());
    }

    /**
     * An open session as if it stopped at this reading, with the samples stored for it and its durations up to
     * the reading: what it has charged so far, never billed.
     */
    public SessionCompleted soFar(EnergyReading latest, List<EnergyReading> samples, SessionDurations durations) {
        return endingAt(latest, latest.registerWh() - meterStartWh, null, samples, durations);
    }

    private SessionCompleted endingAt(EnergyReading stop, long energy, String reason, List<EnergyReading> samples,
                                      SessionDurations durations) {
        List<EnergyReading> readings = SessionReadings.of(new EnergyReading(startedAt, meterStartWh), samples, stop);
        return new SessionCompleted(id, chargePointId, transactionId, connectorId == null ? 0 : connectorId,
                snapshot(), startedAt, stop.at(), meterStartWh, stop.registerWh(), energy, reason, readings,
                durations);
    }

    /** PostgreSQL keeps microseconds: cut to them, so that what is compared is what is stored. */
    public static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
