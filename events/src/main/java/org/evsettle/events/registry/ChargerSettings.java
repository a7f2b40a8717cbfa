package org.evsettle.events.registry;

/**
 * How an operator wants its chargers configured for billing at boot (the gateway's configuration
 * profiles apply it): meterValueSampleInterval is the seconds between meter values during a transaction
 * (OCPP {@code MeterValueSampleInterval}); authorizeRemoteTxRequests and localPreAuthorize are written to
 * the keys of those names. ocpp201Allowed lets a charger that offers both OCPP 2.0.1 and 1.6 speak 2.0.1 (null, as
 * in records published before it existed: allowed). Records published before settings existed carry none:
 * {@link #DEFAULT} applies.
 */
public record ChargerSettings(int meterValueSampleInterval, boolean authorizeRemoteTxRequests,
                              boolean localPreAuthorize, Boolean ocpp201Allowed) {

    public ChargerSettings {
        ocpp201Allowed = ocpp201Allowed == null || ocpp201Allowed;
    }

    /** Settings with 2.0.1 allowed (the form of the records before that choice existed). */
    public ChargerSettings(int meterValueSampleInterval, boolean authorizeRemoteTxRequests, boolean localPreAuthorize) {
        this(meterValueSampleInterval, authorizeRemoteTxRequests, localPreAuthorize, true);
    }

    /** The shortest and longest meter value interval an operator may choose, in seconds. */
    public static final int MIN_METER_VALUE_SAMPLE_INTERVAL = 10;
    public static final int MAX_METER_VALUE_SAMPLE_INTERVAL = 3600;

    /**
     * A meter value a minute; every card checked online before charging starts (no local pre-authorization:
     * a card blocked for an unpaid invoice must not charge from a stale cache), and no Authorize for a remote
     * start (the gateway only starts the operator's own cards remotely, and re-checks the idTag at
     * StartTransaction anyway), and OCPP 2.0.1 wherever a charger offers it.
     */
    public static final ChargerSettings DEFAULT = new ChargerSettings(60, false, false, true);
}
