package org.evsettle.events.ocpp;

/** One OCPP 1.6 sampled value, kept raw: value as sent, with the unit the charger named. */
public record SampledValue(
        String value,
        String context,
        String format,
        String measurand,
        String phase,
        String location,
        String unit) {
}
