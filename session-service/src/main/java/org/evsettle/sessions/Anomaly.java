package org.evsettle.sessions;

/** One rule a session breaks, with what was found, in words an operator can check against the charger. */
public record Anomaly(AnomalyRule rule, String detail) {
}
