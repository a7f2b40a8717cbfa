package org.evsettle.sessions;

/**
 * The named rules by which a session is found unfit to be billed as it is. A session with an open
 * anomaly is HELD: not announced, so not priced or invoiced, until an operator corrects or releases it.
 */
public enum AnomalyRule {
    /** The gateway did not accept the idTag (Invalid, Blocked, Expired, ...): nobody may be billed for it. */
    NOT_AUTHORIZED,
    /** The idTag is known to no driver: there is nobody to bill. */
    NO_DRIVER,
    /** The charger sent no timestamp for the start or the stop. */
    NO_CHARGER_TIMESTAMP,
    /** The charger's stop time lies before its start time. */
    STOP_BEFORE_START,
    /** A start or stop time lies after the moment the gateway received it, beyond the tolerance. */
    FUTURE_TIMESTAMP,
    /** meterStop is below meterStart. */
    NEGATIVE_ENERGY,
    /** meterStop equals meterStart: connected, but nothing delivered. */
    ZERO_ENERGY,
    /**
     * The register went backwards: meterStart below the register at the end of the connector's previous
     * session (a reset, or a zero baseline after an offline reboot), or a fall between readings of the session.
     */
    METER_RESET,
    /** Energy over time above what the connector can deliver, over the session or any stretch of it. */
    IMPLAUSIBLE_POWER,
    /**
     * The register stepped between two consecutive readings faster than any connector delivers (a changed
     * meter or unit, as when a Zaptec installation switches from Cloud to native OCPP mid-session).
     */
    REGISTER_JUMP,
    /** Energy register samples disagree with meterStart..meterStop (outside the range, or another value at the start or stop instant). */
    REGISTER_MISMATCH,
    /** Another session on the same connector, started earlier, was still open when this one started. */
    CONNECTOR_BUSY,
    /** No stop arrived within the configured time after the start: the charger may never send one. */
    STALE,
    /** The charger's own stop arrived after an operator had closed the session by a correction. */
    LATE_STOP,
    /** A session imported from Zaptec names a charger the operator has not registered (docs/zaptec.md). */
    UNKNOWN_CHARGER
}
