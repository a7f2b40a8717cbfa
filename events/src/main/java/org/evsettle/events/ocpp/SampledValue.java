package org.evsettle.events.ocpp;

/**
 * One OCPP 1.6 sampled value, kept raw: value as sent, with the unit the charger named. An OCPP
 * 2.0.1 one is written the same way, energy in Wh (its unit and multiplier applied), with the
 * signature the meter gave it, if any.
 */
public record SampledValue(
        String value,
        String context,
        String format,
        String measurand,
        String phase,
        String location,
        String unit,
        SignedMeterValue signedMeterValue) {

    /** A sampled value without a signature (every 1.6 one). */
    public SampledValue(String value, String context, String format, String measurand, String phase, String location,
                        String unit) {
        this(value, context, format, measurand, phase, location, unit, null);
    }
}
