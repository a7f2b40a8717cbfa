package org.evsettle.events.registry;

/**
 * How an operator wants its chargers configured for billing at boot (the gateway's configuration
 * profiles apply it): meterValueSampleInterval is the seconds between meter values during a transaction
 * (OCPP {@code MeterValueSampleInterval}); authorizeRemoteTxRequests and localPreAuthorize are written to
 * the keys of those names. Records published before this existed carry none: {@link #DEFAULT} applies.
 */
public record ChargerSettings(int meterValueSampleInterval, boolean authorizeRemoteTxRequests,
                              boolean localPreAuthorize) {

    /** The shortest and longest meter value interval an operator may choose, in seconds. */
    public static final int MIN_METER_VALUE_SAMPLE_INTERVAL = 10;
    public static final int MAX_METER_VALUE_SAMPLE_INTERVAL = 3600;

    /**
     * A meter value a minute; every card checked online before charging starts (no local pre-authorization:
     * a card blocked for an unpaid invoice must not charge from a stale cache), and no Authorize for a remote
     * start (the gateway only starts the operator's own cards remotely, and re-checks the idTag at
     * StartTransaction anyway).
     */
    public static final ChargerSettings DEFAULT = new ChargerSettings(60, false, false);
}
