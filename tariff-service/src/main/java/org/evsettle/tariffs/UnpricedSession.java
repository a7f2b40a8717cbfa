package org.evsettle.tariffs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.kit.api.Keyset;
import org.evsettle.kit.api.Page;
import org.evsettle.kit.api.PageRequest;
import org.evsettle.outbox.api.KeysetQuery;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A completed (or corrected) session that no tariff could price, with the reason. It is kept whole,
 * so that it is priced as soon as the operator has a tariff for it (waiting, when the reason is a
 * missing tariff); it is never priced silently at zero. revision is that of the correction it holds
 * (0 for the completion).
 */
@Entity
@Table(name = "unpriced_session")
public class UnpricedSession extends PanacheEntityBase {

    /** The order of unpriced-session lists, the earliest start first: a key that is never null and unique. */
    private static final Keyset LISTED = Keyset.of(Keyset.ascending("startedAt", Instant.class),
            Keyset.ascending("sessionId", UUID.class));

    @Id
    @Column(name = "session_id")
    public UUID sessionId;
    public int revision;
    @Column(name = "operator_id")
    public UUID operatorId;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "energy_wh")
    public long energyWh;
    public String reason;
    /** Whether a new tariff may price it; false when the session itself cannot be priced (no operator, negative energy). */
    public boolean waiting;
    /** The completion (or the corrected session) as it arrived. */
    @JdbcTypeCode(SqlTypes.JSON)
    public SessionCompleted session;
    @Column(name = "received_at")
    public Instant receivedAt;

    public static UnpricedSession of(SessionCompleted session, int revision, String reason, boolean waiting) {
        UnpricedSession unpriced = new UnpricedSession();
        unpriced.sessionId = session.sessionId();
        unpriced.update(session, revision, reason, waiting);
        return unpriced;
    }

    /** Takes over a corrected session that still cannot be priced. */
    public void update(SessionCompleted corrected, int newRevision, String newReason, boolean stillWaiting) {
        revision = newRevision;
        operatorId = corrected.snapshot() == null ? null : corrected.snapshot().operatorId();
        startedAt = corrected.startedAt();
        energyWh = corrected.energyWh();
        reason = newReason;
        waiting = stillWaiting;
        session = corrected;
        receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** One page of the operator's unpriced sessions, the earliest start first (by keyset, see {@link #LISTED}). */
    public static Page<UnpricedSession> pageOf(UUID operatorId, PageRequest request) {
        return KeysetQuery.page(UnpricedSession.class, LISTED, "operatorId = :operatorId",
                Map.of("operatorId", operatorId), request, unpriced -> List.of(unpriced.startedAt, unpriced.sessionId));
    }
}
