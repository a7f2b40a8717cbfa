package org.evsettle.gateway.configuration;

import java.util.Arrays;
import java.util.Optional;

/**
 * The OCPP 2.0.1 device model variables that stand for the 1.6 billing keys (OCPP 2.0.1 part 2, appendix 3):
 * the same wanted values, read with GetVariables and set with SetVariables. LocalPreAuthorize keeps its name in
 * AuthCtrlr. Each is recorded under {@code Component.Variable} in the outcomes table.
 */
public enum StationVariable {
    TX_UPDATED_INTERVAL(BillingKey.METER_VALUE_SAMPLE_INTERVAL, "SampledDataCtrlr", "TxUpdatedInterval"),
    TX_UPDATED_MEASURANDS(BillingKey.METER_VALUES_SAMPLED_DATA, "SampledDataCtrlr", "TxUpdatedMeasurands"),
    TX_ENDED_MEASURANDS(BillingKey.STOP_TXN_SAMPLED_DATA, "SampledDataCtrlr", "TxEndedMeasurands"),
    HEARTBEAT_INTERVAL(BillingKey.HEARTBEAT_INTERVAL, "OCPPCommCtrlr", "HeartbeatInterval"),
    AUTHORIZE_REMOTE_START(BillingKey.AUTHORIZE_REMOTE_TX_REQUESTS, "AuthCtrlr", "AuthorizeRemoteStart"),
    LOCAL_PRE_AUTHORIZE(BillingKey.LOCAL_PRE_AUTHORIZE, "AuthCtrlr", "LocalPreAuthorize");

    private final BillingKey key;
    private final String component;
    private final String variable;

    StationVariable(BillingKey key, String component, String variable) {
        this.key = key;
        this.component = component;
        this.variable = variable;
    }

    /** The 1.6 key whose value it takes (and whose rule compares it). */
    public BillingKey key() {
        return key;
    }

    public String component() {
        return component;
    }

    public String variable() {
        return variable;
    }

    /** How the outcomes table and the connection view name it. */
    public String qualifiedName() {
        return component + "." + variable;
    }

    /** The variable standing for this 1.6 key. */
    public static StationVariable of(BillingKey key) {
        return Arrays.stream(values()).filter(variable -> variable.key == key).findFirst().orElseThrow();
    }

    /** The variable a GetVariables or SetVariables result names (the EVSE-less, instance-less one), if any. */
    public static Optional<StationVariable> named(String component, String variable) {
        return Arrays.stream(values())
                .filter(candidate -> candidate.component.equals(component) && candidate.variable.equals(variable))
                .findFirst();
    }
}
