package org.evsettle.events.ocpp;

/** The signed form of an OCPP 2.0.1 sampled value, kept as the meter signed it (for calibration-law checks). */
public record SignedMeterValue(String signedMeterData, String signingMethod, String encodingMethod, String publicKey) {
}
