package org.evsettle.events.sessions;

import java.time.Instant;

/** The energy register (Wh, as delivered so far in the charger's lifetime) at one instant. */
public record EnergyReading(Instant at, long registerWh) {
}
