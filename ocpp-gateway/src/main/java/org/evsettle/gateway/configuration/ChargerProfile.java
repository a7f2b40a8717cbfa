package org.evsettle.gateway.configuration;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.evsettle.events.registry.ChargerSettings;

/**
 * A configuration profile: the chargers it is for (BootNotification vendor and model, matched whole and
 * case-blind, and the lowest firmware version), the billing keys it sets, the measurands it wants sampled
 * and its heartbeat (the gateway's when empty). Profiles are tried by order, lowest first. balancesItself: its
 * chargers share their installation's power on their own (Zaptec Cloud), so a site's load limit sends them no
 * charging profiles.
 */
public record ChargerProfile(String name, Pattern vendor, Pattern model, Optional<String> firmwareAtLeast, int order,
                             List<BillingKey> keys, List<String> measurands, Optional<Duration> heartbeatInterval,
                             boolean balancesItself) {

    public static final String ENERGY = "Energy.Active.Import.Register";
    public static final String POWER = "Power.Active.Import";

    public ChargerProfile {
        keys = List.copyOf(keys);
        measurands = List.copyOf(measurands);
    }

    /** A profile from its patterns as configured. */
    public static ChargerProfile of(String name, String vendorPattern, String modelPattern,
                                    Optional<String> firmwareAtLeast, int order, List<BillingKey> keys,
                                    List<String> measurands, Optional<Duration> heartbeatInterval) {
        return new ChargerProfile(name, Pattern.compile(vendorPattern, Pattern.CASE_INSENSITIVE),
                Pattern.compile(modelPattern, Pattern.CASE_INSENSITIVE), firmwareAtLeast, order, keys, measurands,
                heartbeatInterval, false);
    }

    /** The same profile, for chargers that balance their installation's load themselves. */
    public ChargerProfile balancingItself(boolean itself) {
        return new ChargerProfile(name, vendor, model, firmwareAtLeast, order, keys, measurands, heartbeatInterval,
                itself);
    }

    /** Whether a charger that booted with this vendor, model and firmware gets this profile. */
    public boolean matches(String chargePointVendor, String chargePointModel, String firmwareVersion) {
        return vendor.matcher(nullToEmpty(chargePointVendor).trim()).matches()
                && model.matcher(nullToEmpty(chargePointModel).trim()).matches()
                && firmwareAtLeast.map(least -> firmwareVersion != null
                        && compareVersions(firmwareVersion, least) >= 0).orElse(true);
    }

    /** The value billing wants for each of its keys, with this operator's settings. */
    public Map<BillingKey, String> wanted(ChargerSettings operator, Duration gatewayHeartbeat) {
        Map<BillingKey, String> wanted = new LinkedHashMap<>();
        for (BillingKey key : keys) {
            wanted.put(key, switch (key) {
                case METER_VALUE_SAMPLE_INTERVAL -> Integer.toString(operator.meterValueSampleInterval());
                case METER_VALUES_SAMPLED_DATA, STOP_TXN_SAMPLED_DATA -> String.join(",", measurands);
                case HEARTBEAT_INTERVAL -> Long.toString(heartbeatInterval.orElse(gatewayHeartbeat).toSeconds());
                case AUTHORIZE_REMOTE_TX_REQUESTS -> Boolean.toString(operator.authorizeRemoteTxRequests());
                case LOCAL_PRE_AUTHORIZE -> Boolean.toString(operator.localPreAuthorize());
            });
        }
        return wanted;
    }

    /**
     * Compares dotted versions number by number (3.10 after 3.9); a part that is not a number compares as
     * text, missing parts as 0.
     */
    static int compareVersions(String left, String right) {
        String[] a = left.trim().split("[.\\-_ ]");
        String[] b = right.trim().split("[.\\-_ ]");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "0";
            String y = i < b.length ? b[i] : "0";
            int compared = x.matches("\\d{1,18}") && y.matches("\\d{1,18}")
                    ? Long.compare(Long.parseLong(x), Long.parseLong(y)) : x.compareTo(y);
            if (compared != 0) {
                return compared;
            }
        }
        return 0;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** All billing keys, in the order they are sent. */
    static List<BillingKey> allKeys() {
        return Arrays.asList(BillingKey.values());
    }
}
