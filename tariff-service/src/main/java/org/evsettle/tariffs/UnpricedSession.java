package org.evsettle.tariffs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.evsettle.events.sessions.SessionCompleted;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A completed session that no tariff could price, with the reason. It is kept whole, so that it can
 * be priced once the operator has a tariff for it; it is never priced silently at zero.
 */
@Entity
@Table(name = "unpriced_session")
public class UnpricedSession extends PanacheEntityBase {

    @Id
    @Column(name = "session_id")
    public UUID sessionId;
    @Column(name = "operator_id")
    public UUID operatorId;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "energy_wh")
    public long energyWh;
    public String reason;
    /** The completion as it arrived. */
    @JdbcTypeCode(SqlTypes.JSON)
    public SessionCompleted session;
    @Column(name = "received_at")
    public Instant receivedAt;

    public static UnpricedSession of(SessionCompleted session, String reason) {
        UnpricedSession unpriced = new UnpricedSession();
        unpriced.sessionId = session.sessionId();
        unpriced.operatorId = session.snapshot() == null ? null : session.snapshot().operatorId();
        unpriced.startedAt = session.startedAt();
        unpriced.energyWh = session.energyWh();
        unpriced.reason = reason;
        unpriced.session = session;
        unpriced.receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return unpriced;
    }

    public static List<UnpricedSession> ofOperator(UUID operatorId) {
        return list("operatorId", Sort.by("startedAt").and("sessionId"), operatorId);
    }
}
