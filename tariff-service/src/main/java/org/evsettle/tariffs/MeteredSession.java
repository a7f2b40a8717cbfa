package org.evsettle.tariffs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.evsettle.events.sessions.EnergyReading;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.events.sessions.SessionDurations;

/**
 * A session as the pricing rule sees it: when it ran, the energy register at its start and stop and
 * the samples in between, and how its connected time divided into charging and idle (null when
 * unknown). A quote is priced from one made up of what the driver plans.
 */
public record MeteredSession(Instant startedAt, Instant stoppedAt, long meterStartWh, long meterStopWh,
                             List<EnergyReading> readings, SessionDurations durations) {

    public MeteredSession {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(stoppedAt, "stoppedAt");
        readings = readings == null ? List.of() : List.copyOf(readings);
    }

    /** The completed session; its energyWh is what it bills, so the stop register is taken as start + energyWh. */
    public static MeteredSession of(SessionCompleted session) {
        return new MeteredSession(session.startedAt(), session.stoppedAt(), session.meterStartWh(),
                session.meterStartWh() + session.energyWh(), session.readings(), session.durations());
    }

    /**
     * A session as a driver plans it, for a quote: energy flows evenly while charging, then the car
     * stays connected, idle, for the last idle part of the duration.
     */
    public static MeteredSession planned(Instant start, Duration duration, long energyWh, Duration idle) {
        Instant stop = start.plus(duration);
        Instant chargingEnds = stop.minus(idle);
        return new MeteredSession(start, stop, 0, energyWh,
                List.of(new EnergyReading(start, 0), new EnergyReading(chargingEnds, energyWh),
                        new EnergyReading(stop, energyWh)),
                new SessionDurations(duration.toSeconds(), duration.minus(idle).toSeconds(), idle.toSeconds()));
    }

    public long energyWh() {
        return meterStopWh - meterStartWh;
    }
}
