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
import org.evsettle.events.sessions.EnergyReading;

/**
 * One reading of a session's energy register, kept whenever it arrives: before the start, after the
 * stop, or inside the stop's transaction data. Written in bulk by {@link ReportedSamples}; a repeat at the
 * same instant keeps the first.
 */
@Entity
@Table(name = "meter_sample")
@IdClass(MeterSample.Key.class)
public class MeterSample extends PanacheEntityBase {

    @Id
    @Column(name = "session_id")
    public UUID sessionId;
    @Id
    @Column(name = "sampled_at")
    public Instant sampledAt;
    @Column(name = "register_wh")
    public long registerWh;
    @Column(name = "received_at")
    public Instant receivedAt;

    /** The session's readings in time order. */
    /** The register samples of these sessions, each in time order, read with one query (not kept as entities). */
    public static Map<UUID, List<EnergyReading>> ofSessions(Collection<UUID> sessionIds) {
        Map<UUID, List<EnergyReading>> found = new HashMap<>();
        if (!sessionIds.isEmpty()) {
            Panache.getEntityManager().createQuery("select m.sessionId, m.sampledAt, m.registerWh from MeterSample m "
                            + "where m.sessionId in ?1 order by m.sampledAt", Object[].class)
                    .setParameter(1, sessionIds)
                    .getResultList()
                    .forEach(row -> found.computeIfAbsent((UUID) row[0], id -> new ArrayList<>())
                            .add(new EnergyReading((Instant) row[1], ((Number) row[2]).longValue())));
        }
        return found;
    }

    public static List<EnergyReading> of(UUID sessionId) {
        return MeterSample.<MeterSample>list("sessionId", Sort.by("sampledAt"), sessionId).stream()
                .map(sample -> new EnergyReading(sample.sampledAt, sample.registerWh))
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
