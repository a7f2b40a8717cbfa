package org.evsettle.sessions;

import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.sessions.ChargingTime.PowerReading;

/**
 * Active import power of a session at one instant (table {@code power_sample}), in W: near zero means
 * connected but idle. Written in bulk by {@link ReportedSamples}.
 */
@Entity
@Table(name = "power_sample")
@IdClass(SessionSample.Key.class)
public class PowerSample extends SessionSample {

    public long watts;

    /** The power samples of these sessions, each in time order, read with one query. */
    public static Map<UUID, List<PowerReading>> ofSessions(Collection<UUID> sessionIds) {
        return ofSessions(PowerSample.class, "watts", sessionIds, PowerReading::new);
    }

    /** The session's power samples in time order. */
    public static List<PowerReading> of(UUID sessionId) {
        return of(PowerSample.class, "watts", sessionId, PowerReading::new);
    }
}
