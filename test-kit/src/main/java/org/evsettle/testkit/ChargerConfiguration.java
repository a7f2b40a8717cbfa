package org.evsettle.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A simulated charger's configuration keys (OCPP 1.6 GetConfiguration and ChangeConfiguration), with the
 * factory defaults of a kind of charger: {@link #zaptecNative()}, {@link #zaptecCloud()}, {@link #generic()}.
 * A test can make keys answer Rejected ({@link #rejects}), RebootRequired ({@link #requiresRebootFor}) or
 * NotSupported though it reports them ({@link #cannotChange}), or drop them ({@link #without}: the charger
 * does not know them, so ChangeConfiguration answers NotSupported and GetConfiguration lists them as
 * unknownKey when asked for them). A key answered RebootRequired keeps its old value until a
 * reboot the simulator never does. {@code AuthorizationKey} stays with {@link ChargePointSimulator}.
 */
public final class ChargerConfiguration {

    public static final String METER_VALUE_SAMPLE_INTERVAL = "MeterValueSampleInterval";
    public static final String METER_VALUES_SAMPLED_DATA = "MeterValuesSampledData";
    public static final String STOP_TXN_SAMPLED_DATA = "StopTxnSampledData";
    public static final String HEARTBEAT_INTERVAL = "HeartbeatInterval";
    public static final String AUTHORIZE_REMOTE_TX_REQUESTS = "AuthorizeRemoteTxRequests";
    public static final String LOCAL_PRE_AUTHORIZE = "LocalPreAuthorize";
    public static final String ENERGY = "Energy.Active.Import.Register";
    public static final String POWER = "Power.Active.Import";

    private record Entry(String value, boolean readonly) {
    }

    private final Map<String, Entry> keys = new ConcurrentHashMap<>();
    private final Set<String> rejected = ConcurrentHashMap.newKeySet();
    private final Set<String> rebootRequired = ConcurrentHashMap.newKeySet();
    private final Set<String> notSupported = ConcurrentHashMap.newKeySet();
    private final List<Map.Entry<String, String>> changes = new ArrayList<>();
    private volatile String energyUnit = "Wh";

    private ChargerConfiguration() {
    }

    /** A Zaptec charger in native OCPP mode as it leaves the factory: no meter values at all, a heartbeat a day. */
    public static ChargerConfiguration zaptecNative() {
        return new ChargerConfiguration()
                .with(METER_VALUE_SAMPLE_INTERVAL, "0")
                .with(METER_VALUES_SAMPLED_DATA, ENERGY)
                .with(STOP_TXN_SAMPLED_DATA, "")
                .with(HEARTBEAT_INTERVAL, "86400")
                .with(AUTHORIZE_REMOTE_TX_REQUESTS, "false")
                .with(LOCAL_PRE_AUTHORIZE, "false")
                .readonly("NumberOfConnectors", "1");
    }

    /**
     * A Zaptec charger behind Zaptec Cloud: energy in kWh every 2 minutes (an interval it does not let the
     * back office change), and only part of the keys (no StopTxnSampledData, no authorization keys).
     */
    public static ChargerConfiguration zaptecCloud() {
        return new ChargerConfiguration()
                .readonly(METER_VALUE_SAMPLE_INTERVAL, "120")
                .with(METER_VALUES_SAMPLED_DATA, String.join(",", ENERGY, POWER, "Power.Offered", "Current.Import"))
                .with(HEARTBEAT_INTERVAL, "3600")
                .energyIn("kWh");
    }

    /** Another brand's charger: a meter value every 15 minutes, remote starts authorized first. */
    public static ChargerConfiguration generic() {
        return new ChargerConfiguration()
                .with(METER_VALUE_SAMPLE_INTERVAL, "900")
                .with(METER_VALUES_SAMPLED_DATA, ENERGY)
                .with(STOP_TXN_SAMPLED_DATA, ENERGY)
                .with(HEARTBEAT_INTERVAL, "300")
                .with(AUTHORIZE_REMOTE_TX_REQUESTS, "true")
                .with(LOCAL_PRE_AUTHORIZE, "false")
                .readonly("NumberOfConnectors", "1");
    }

    /** Sets a key the back office may change. */
    public ChargerConfiguration with(String key, String value) {
        keys.put(key, new Entry(value, false));
        return this;
    }

    /** Sets a key the back office may read but not change (ChangeConfiguration answers Rejected). */
    public ChargerConfiguration readonly(String key, String value) {
        keys.put(key, new Entry(value, true));
        return this;
    }

    /** The charger does not know these keys. */
    public ChargerConfiguration without(String... unknown) {
        Arrays.stream(unknown).forEach(keys::remove);
        return this;
    }

    /** ChangeConfiguration of these keys answers Rejected. */
    public ChargerConfiguration rejects(String... keysRejected) {
        rejected.addAll(List.of(keysRejected));
        return this;
    }

    /** ChangeConfiguration of these keys answers NotSupported, though GetConfiguration reports them. */
    public ChargerConfiguration cannotChange(String... keysNotSupported) {
        notSupported.addAll(List.of(keysNotSupported));
        return this;
    }

    /** ChangeConfiguration of these keys answers RebootRequired (and changes nothing until a reboot). */
    public ChargerConfiguration requiresRebootFor(String... keysNeedingReboot) {
        rebootRequired.addAll(List.of(keysNeedingReboot));
        return this;
    }

    /** The unit its energy register is sampled in: Wh, or kWh as Zaptec Cloud sends it. */
    public ChargerConfiguration energyIn(String unit) {
        this.energyUnit = unit;
        return this;
    }

    public String energyUnit() {
        return energyUnit;
    }

    /** The key's value now; empty when the charger does not know it. */
    public Optional<String> value(String key) {
        return Optional.ofNullable(keys.get(key)).map(Entry::value);
    }

    /** The meter value interval in seconds (0: no periodic meter values). */
    public int meterValueSampleInterval() {
        return value(METER_VALUE_SAMPLE_INTERVAL).map(ChargerConfiguration::seconds).orElse(0);
    }

    /** The measurands it samples periodically. */
    public List<String> sampledData() {
        return value(METER_VALUES_SAMPLED_DATA).map(ChargerConfiguration::list).orElse(List.of());
    }

    /** Every ChangeConfiguration it received (key and value), whatever it answered, in order. */
    public List<Map.Entry<String, String>> changesReceived() {
        synchronized (changes) {
            return List.copyOf(changes);
        }
    }

    /** The ChangeConfiguration requests it received for this key, in order. */
    public List<String> changesReceived(String key) {
        return changesReceived().stream().filter(change -> change.getKey().equals(key)).map(Map.Entry::getValue)
                .toList();
    }

    /** Answers a GetConfiguration: the keys asked for (all when none), unknown ones as unknownKey. */
    Object getConfiguration(JsonNode request) {
        List<String> asked = new ArrayList<>();
        request.path("key").forEach(key -> asked.add(key.asText()));
        List<Map<String, Object>> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String key : asked.isEmpty() ? keys.keySet().stream().sorted().toList() : asked) {
            Entry entry = keys.get(key);
            if (entry == null) {
                unknown.add(key);
            } else {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("key", key);
                item.put("readonly", entry.readonly());
                item.put("value", entry.value());
                known.add(item);
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("configurationKey", known);
        if (!unknown.isEmpty()) {
            answer.put("unknownKey", unknown);
        }
        return answer;
    }

    /** Answers a ChangeConfiguration of a key other than AuthorizationKey. */
    Object changeConfiguration(JsonNode request) {
        String key = request.path("key").asText();
        String value = request.path("value").asText();
        synchronized (changes) {
            changes.add(Map.entry(key, value));
        }
        Entry entry = keys.get(key);
        if (entry == null || notSupported.contains(key)) {
            return Map.of("status", "NotSupported");
        }
        if (entry.readonly() || rejected.contains(key)) {
            return Map.of("status", "Rejected");
        }
        if (rebootRequired.contains(key)) {
            return Map.of("status", "RebootRequired");
        }
        keys.put(key, new Entry(value, false));
        return Map.of("status", "Accepted");
    }

    private static int seconds(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static List<String> list(String csl) {
        return Arrays.stream(csl.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }
}
