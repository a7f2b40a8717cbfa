package org.evsettle.gateway.configuration;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The OCPP 1.6 configuration keys a charger needs for billing, and how a reported value is compared with
 * the wanted one: integers by number, booleans case-blind, measurand lists as sets (the charger's list
 * satisfies when it holds every wanted measurand; what is sent keeps the ones it had and adds the rest).
 */
public enum BillingKey {
    METER_VALUE_SAMPLE_INTERVAL("MeterValueSampleInterval", Kind.INTEGER),
    METER_VALUES_SAMPLED_DATA("MeterValuesSampledData", Kind.MEASURANDS),
    STOP_TXN_SAMPLED_DATA("StopTxnSampledData", Kind.MEASURANDS),
    HEARTBEAT_INTERVAL("HeartbeatInterval", Kind.INTEGER),
    AUTHORIZE_REMOTE_TX_REQUESTS("AuthorizeRemoteTxRequests", Kind.BOOLEAN),
    LOCAL_PRE_AUTHORIZE("LocalPreAuthorize", Kind.BOOLEAN);

    private enum Kind { INTEGER, BOOLEAN, MEASURANDS }

    private final String ocpp;
    private final Kind kind;

    BillingKey(String ocpp, Kind kind) {
        this.ocpp = ocpp;
        this.kind = kind;
    }

    /** The key as OCPP spells it. */
    public String ocpp() {
        return ocpp;
    }

    /** The key of this OCPP name (exactly as OCPP spells it). */
    public static Optional<BillingKey> of(String ocppName) {
        return Arrays.stream(values()).filter(key -> key.ocpp.equals(ocppName)).findFirst();
    }

    /** Whether the charger's value already is what billing wants. */
    public boolean satisfiedBy(String reported, String wanted) {
        if (reported == null) {
            return false;
        }
        return switch (kind) {
            case INTEGER -> integer(reported).equals(integer(wanted));
            case BOOLEAN -> reported.trim().toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT));
            case MEASURANDS -> measurands(reported).containsAll(measurands(wanted));
        };
    }

    /** The value to send: the wanted one; for measurands, the charger's own followed by the wanted ones it lacked. */
    public String toSend(String reported, String wanted) {
        if (kind != Kind.MEASURANDS || reported == null) {
            return wanted;
        }
        Set<String> union = new LinkedHashSet<>(measurands(reported));
        union.addAll(measurands(wanted));
        return String.join(",", union);
    }

    private static Optional<Long> integer(String value) {
        try {
            return Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static List<String> measurands(String csl) {
        return Arrays.stream(csl.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }
}
