package org.evsettle.sessions;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.evsettle.sessions.ChargingTime.PowerReading;

/**
 * Active import power of a session at one instant (table {@code power_sample}), in W: near zero means
 * connected but idle. Written in bulk by {@link ReportedSamples}.
 */
@Entity
@Table(name = "power_sample")
@IdClass(PowerSample.Key.class)
public class PowerSample extends PanacheEntityBase {

    @Id
    @Column(name = "session_id")
    public UUID sessionId;
    @Id
    @Column(name = "sampled_at")
    public Instant sampledAt;
    public long watts;

    /** The session's power readings in time order. */
    /** The power samples of these sessions, each in time order, read with one query (not kept as entities). */
    public static Map<UUID, List<PowerReading>> ofSessions(Collection<UUID> sessionIds) {
        Map<UUID, List<PowerReading>> found = new HashMap<>();
        if (!sessionIds.isEmpty()) {
            Panache.getEntityManager().createQuery("select p.sessionId, p.sampledAt, p.watts from PowerSample p "
                            + "where p.sessionId in ?1 order by p.sampledAt", Object[].class)
                    .setParameter(1, sessionIds)
                    .getResultList()
                    .forEach(row -> found.computeIfAbsent((UUID) row[0], id -> new ArrayList<>())
                            .add(new PowerReading((Instant) row[1], ((Number) row[2]).longValue())));
        }
        return found;
    }

    public static List<PowerReading> of(UUID sessionId) {
        return PowerSample.<PowerSample>list("sessionId", Sort.by("sampledAt"), sessionId).stream()
                .map(sample -> new PowerReading(sample.sampledAt, sample.watts))
                .toList();
    }

    /** The primary key: one reading per session and instant. */
    public static class Key implements Serializable {

        public UUID sessionId;
        public Instant sampledAt;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(sessionId, key.sessionId)
                    && Objects.equals(sampledAt, key.sampledAt);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sessionId, sampledAt);
        }
    }
}
