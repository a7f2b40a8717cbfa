package org.evsettle.sessions;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What the samples of a session have in common, whatever they measure ({@link MeterSample} the energy
 * register, {@link PowerSample} the power): one per session and instant ({@link Key}), read per session
 * in time order as readings rather than kept as entities.
 */
@MappedSuperclass
public abstract class SessionSample extends PanacheEntityBase {

    @Id
    @Column(name = "session_id")
    public UUID sessionId;
    @Id
    @Column(name = "sampled_at")
    public Instant sampledAt;

    /** How a stored sample becomes a reading: its instant and its value. */
    interface Reading<R> {
        R of(Instant at, long value);
    }

    /** The samples of these sessions, each in time order, read with one query; value names the sample's field. */
    static <R> Map<UUID, List<R>> ofSessions(Class<? extends SessionSample> sample, String value,
                                            Collection<UUID> sessionIds, Reading<R> reading) {
        Map<UUID, List<R>> found = new HashMap<>();
        if (!sessionIds.isEmpty()) {
            Panache.getEntityManager().createQuery("select s.sessionId, s.sampledAt, s." + value + " from "
                            + sample.getSimpleName() + " s where s.sessionId in ?1 order by s.sampledAt", Object[].class)
                    .setParameter(1, sessionIds)
                    .getResultList()
                    .forEach(row -> found.computeIfAbsent((UUID) row[0], id -> new ArrayList<>())
                            .add(reading.of((Instant) row[1], ((Number) row[2]).longValue())));
        }
        return found;
    }

    /** The samples of one session in time order. */
    static <R> List<R> of(Class<? extends SessionSample> sample, String value, UUID sessionId, Reading<R> reading) {
        return ofSessions(sample, value, List.of(sessionId), reading).getOrDefault(sessionId, List.of());
    }

    /** The primary key of a sample: one per session and instant. */
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
