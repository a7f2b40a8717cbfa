package org.evsettle.sessions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The audit trail of a session (table {@code session_correction}): each correction or release, who
 * made it, when, why, what changed from what to what, and what it published. Never changed afterwards.
 */
@Entity
@Table(name = "session_correction")
public class SessionCorrection extends PanacheEntityBase {

    /** How many corrections and releases a session takes: far more than people make, and the trail stays one answer. */
    public static final int MOST_PER_SESSION = 100;

    /** What an operator did. */
    public enum Action {
        /** Changed the stop time, meter start or meter stop. */
        CORRECTED,
        /** Let a held session be billed as it is. */
        RELEASED
    }

    /** What the change announced on sessions.events. */
    public enum Published {
        SESSION_COMPLETED,
        SESSION_CORRECTED
    }

    @Id
    public UUID id;
    @Column(name = "session_id")
    public UUID sessionId;
    @Enumerated(EnumType.STRING)
    public Action action;
    @Column(name = "acted_by")
    public String actedBy;
    @Column(name = "acted_at")
    public Instant actedAt;
    public String reason;
    @Enumerated(EnumType.STRING)
    @Column(name = "status_before")
    public SessionStatus statusBefore;
    @Enumerated(EnumType.STRING)
    @Column(name = "status_after")
    public SessionStatus statusAfter;
    @Column(name = "stopped_at_before")
    public Instant stoppedAtBefore;
    @Column(name = "stopped_at_after")
    public Instant stoppedAtAfter;
    @Column(name = "meter_start_before")
    public Long meterStartBefore;
    @Column(name = "meter_start_after")
    public Long meterStartAfter;
    @Column(name = "meter_stop_before")
    public Long meterStopBefore;
    @Column(name = "meter_stop_after")
    public Long meterStopAfter;
    @Column(name = "energy_before")
    public Long energyBefore;
    @Column(name = "energy_after")
    public Long energyAfter;
    @Enumerated(EnumType.STRING)
    public Published published;
    /** The revision of the SessionCorrected it published; null when it published the first SessionCompleted. */
    public Integer revision;

    /** Starts an entry with the session as it is before the change. */
    public static SessionCorrection before(ChargingSession session, Action action, String by, String reason,
                                           Instant at) {
        SessionCorrection entry = new SessionCorrection();
        entry.id = UUID.randomUUID();
        entry.sessionId = session.id;
        entry.action = action;
        entry.actedBy = by;
        entry.actedAt = at;
        entry.reason = reason;
        entry.statusBefore = session.status;
        entry.stoppedAtBefore = session.stoppedAt;
        entry.meterStartBefore = session.meterStartWh;
        entry.meterStopBefore = session.meterStopWh;
        entry.energyBefore = session.energyWh;
        return entry;
    }

    /** Completes the entry with the session as it is after the change, and stores it. */
    public void after(ChargingSession session, Published published, Integer revision) {
        statusAfter = session.status;
        stoppedAtAfter = session.stoppedAt;
        meterStartAfter = session.meterStartWh;
        meterStopAfter = session.meterStopWh;
        energyAfter = session.energyWh;
        this.published = published;
        this.revision = revision;
        persist();
    }

    /** The session's trail, oldest first. */
    public static List<SessionCorrection> of(UUID sessionId) {
        return list("sessionId", Sort.by("actedAt").and("id"), sessionId);
    }
}
