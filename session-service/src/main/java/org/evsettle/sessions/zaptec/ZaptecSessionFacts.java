package org.evsettle.sessions.zaptec;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.sessions.SessionSource;

/**
 * What Zaptec said of an imported session (table {@code zaptec_session}): who and where in Zaptec's words,
 * for matching and the review list, and the fingerprint of what billing reads, to tell a changed session.
 */
@Entity
@Table(name = "zaptec_session")
public class ZaptecSessionFacts extends PanacheEntityBase {

    @Id
    @Column(name = "session_id")
    public UUID sessionId;
    @Column(name = "operator_id")
    public UUID operatorId;
    @Column(name = "zaptec_id")
    public String zaptecId;
    @Enumerated(EnumType.STRING)
    public SessionSource source;
    @Column(name = "installation_id")
    public String installationId;
    @Column(name = "zaptec_charger")
    public String zaptecCharger;
    @Column(name = "device_id")
    public String deviceId;
    @Column(name = "device_name")
    public String deviceName;
    @Column(name = "zaptec_user_id")
    public String zaptecUserId;
    @Column(name = "user_email")
    public String userEmail;
    @Column(name = "user_full_name")
    public String userFullName;
    @Column(name = "token_name")
    public String tokenName;
    @Column(name = "energy_kwh")
    public BigDecimal energyKwh;
    public String fingerprint;
    @Column(name = "imported_at")
    public Instant importedAt;

    /** The operator's imported sessions among these Zaptec ids, by Zaptec id: one query for an import. */
    public static Map<String, ZaptecSessionFacts> ofZaptecIds(UUID operatorId, Collection<String> zaptecIds) {
        Map<String, ZaptecSessionFacts> found = new HashMap<>();
        if (!zaptecIds.isEmpty()) {
            ZaptecSessionFacts.<ZaptecSessionFacts>list("operatorId = ?1 and zaptecId in ?2", operatorId, zaptecIds)
                    .forEach(facts -> found.put(facts.zaptecId, facts));
        }
        return found;
    }

    /** The facts of these sessions, by session id. */
    public static Map<UUID, ZaptecSessionFacts> ofSessions(Collection<UUID> sessionIds) {
        Map<UUID, ZaptecSessionFacts> found = new HashMap<>();
        if (!sessionIds.isEmpty()) {
            ZaptecSessionFacts.<ZaptecSessionFacts>list("sessionId in ?1", sessionIds)
                    .forEach(facts -> found.put(facts.sessionId, facts));
        }
        return found;
    }

    /** Takes what Zaptec says now. */
    void take(ZaptecSession session, SessionSource source, String installationId, Instant at) {
        this.source = source;
        if (installationId != null) {
            this.installationId = installationId;
        }
        zaptecCharger = session.chargerId();
        deviceId = session.deviceId();
        deviceName = session.deviceName();
        zaptecUserId = session.userId();
        userEmail = session.userEmail();
        userFullName = session.userFullName();
        tokenName = session.tokenName();
        energyKwh = session.energyKwh();
        fingerprint = session.fingerprint();
        importedAt = at;
    }

    /**
     * Erases what Zaptec said of an erased driver (e-mail and full name) from the driver's imported sessions, and
     * from the finding that no driver matched them; idempotent.
     */
    public static void eraseDriver(UUID driverId) {
        getEntityManager().createNativeQuery("UPDATE zaptec_session SET user_email = NULL, user_full_name = NULL"
                + " WHERE session_id IN (SELECT id FROM charging_session WHERE driver_id = ?1)")
                .setParameter(1, driverId).executeUpdate();
        getEntityManager().createNativeQuery("UPDATE session_anomaly SET detail = 'Zaptec''s user (erased) matched no"
                + " driver' WHERE rule = 'NO_DRIVER' AND session_id IN (SELECT id FROM charging_session"
                + " WHERE driver_id = ?1 AND external_id IS NOT NULL)")
                .setParameter(1, driverId).executeUpdate();
    }

    static List<ZaptecSessionFacts> ofOperator(UUID operatorId, Collection<UUID> sessionIds) {
        return sessionIds.isEmpty() ? List.of()
                : list("operatorId = ?1 and sessionId in ?2", operatorId, sessionIds);
    }
}
