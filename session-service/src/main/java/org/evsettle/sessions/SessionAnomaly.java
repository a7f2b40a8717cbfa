package org.evsettle.sessions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An anomaly found on a session (table {@code session_anomaly}), open until it is resolved: by an
 * operator's correction or release, or by the charger itself (a stale session whose stop arrives).
 */
@Entity
@Table(name = "session_anomaly")
@IdClass(SessionAnomaly.Key.class)
public class SessionAnomaly extends PanacheEntityBase {

    @Id
    @Column(name = "session_id")
    public UUID sessionId;
    @Id
    @Enumerated(EnumType.STRING)
    public AnomalyRule rule;
    public String detail;
    @Column(name = "detected_at")
    public Instant detectedAt;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Column(name = "resolved_by")
    public String resolvedBy;
    public String resolution;

    /** Records what was found; a rule found again replaces its earlier finding and opens it again. */
    public static void found(UUID sessionId, Collection<Anomaly> anomalies, Instant at) {
        for (Anomaly anomaly : anomalies) {
            SessionAnomaly stored = findById(new Key(sessionId, anomaly.rule()));
            boolean fresh = stored == null;
            if (fresh) {
                stored = new SessionAnomaly();
                stored.sessionId = sessionId;
                stored.rule = anomaly.rule();
            }
            stored.detail = anomaly.detail();
            stored.detectedAt = at;
            stored.resolvedAt = null;
            stored.resolvedBy = null;
            stored.resolution = null;
            if (fresh) {
                stored.persist();
            }
        }
    }

    /** The session's anomalies, open and resolved, in rule order. */
    public static List<SessionAnomaly> of(UUID sessionId) {
        return list("sessionId", sessionId).stream()
                .map(SessionAnomaly.class::cast)
                .sorted((a, b) -> a.rule.compareTo(b.rule))
                .toList();
    }

    /** The anomalies of these sessions, for a list view. */
    public static List<SessionAnomaly> ofSessions(Collection<UUID> sessionIds) {
        return sessionIds.isEmpty() ? List.of() : list("sessionId in ?1", sessionIds);
    }

    public static List<SessionAnomaly> open(UUID sessionId) {
        return of(sessionId).stream().filter(SessionAnomaly::isOpen).toList();
    }

    /** Resolves every open anomaly of the session. */
    public static void resolveAll(UUID sessionId, String by, String resolution, Instant at) {
        open(sessionId).forEach(anomaly -> anomaly.resolve(by, resolution, at));
    }

    public boolean isOpen() {
        return resolvedAt == null;
    }

    public void resolve(String by, String how, Instant at) {
        resolvedAt = at;
        resolvedBy = by;
        resolution = how;
    }

    /** The primary key: one finding per session and rule. */
    public static class Key implements Serializable {

        public UUID sessionId;
        public AnomalyRule rule;

        public Key() {
        }

        Key(UUID sessionId, AnomalyRule rule) {
            this.sessionId = sessionId;
            this.rule = rule;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(sessionId, key.sessionId) && rule == key.rule;
        }

        @Override
        public int hashCode() {
            return Objects.hash(sessionId, rule);
        }
    }
}
