package org.evsettle.sessions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.evsettle.events.sessions.EnergyReading;

/**
 * One reading of a session's energy register, kept whenever it arrives: before the start, after the
 * stop, or inside the stop's transaction data.
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

    /** Stores the reading unless the session has one at that instant already (a repeat keeps the first). */
    public static void record(UUID sessionId, EnergyReading reading, Instant receivedAt) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO meter_sample (session_id, sampled_at, register_wh, received_at)
                        VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING""")
                .setParameter(1, sessionId)
                .setParameter(2, reading.at())
                .setParameter(3, reading.registerWh())
                .setParameter(4, receivedAt != null ? receivedAt : Instant.now())
                .executeUpdate();
    }

    /** The session's readings in time order. */
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
