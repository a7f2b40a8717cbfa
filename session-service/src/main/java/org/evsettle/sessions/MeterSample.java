package org.evsettle.sessions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.sessions.EnergyReading;

/**
 * One reading of a session's energy register, kept whenever it arrives: before the start, after the
 * stop, or inside the stop's transaction data. Written in bulk by {@link ReportedSamples}; a repeat at the
 * same instant keeps the first.
 */
@Entity
@Table(name = "meter_sample")
@IdClass(SessionSample.Key.class)
public class MeterSample extends SessionSample {

    @Column(name = "register_wh")
    public long registerWh;
    @Column(name = "received_at")
    public Instant receivedAt;

    /** The register samples of these sessions, each in time order, read with one query. */
    public static Map<UUID, List<EnergyReading>> ofSessions(Collection<UUID> sessionIds) {
        return ofSessions(MeterSample.class, "registerWh", sessionIds, EnergyReading::new);
    }

    /** The latest register sample of each of these sessions that has one, read with one query. */
    public static Map<UUID, EnergyReading> latestOf(Collection<UUID> sessionIds) {
        Map<UUID, EnergyReading> latest = new HashMap<>();
        if (!sessionIds.isEmpty()) {
            getEntityManager().createQuery("select s.sessionId, s.sampledAt, s.registerWh from MeterSample s"
                            + " where s.sessionId in ?1 and s.sampledAt = (select max(t.sampledAt) from MeterSample t"
                            + " where t.sessionId = s.sessionId)", Object[].class)
                    .setParameter(1, sessionIds)
                    .getResultList()
                    .forEach(row -> latest.put((UUID) row[0], new EnergyReading((Instant) row[1], (Long) row[2])));
        }
        return latest;
    }

    /** The session's register samples in time order. */
    public static List<EnergyReading> of(UUID sessionId) {
        return of(MeterSample.class, "registerWh", sessionId, EnergyReading::new);
    }
}
