package org.evsettle.events.ocpp;

import java.time.Instant;
import java.util.List;

/** The sampled values a charger took at one instant (its own clock). */
public record MeterValue(Instant timestamp, List<SampledValue> sampledValue) {
}
