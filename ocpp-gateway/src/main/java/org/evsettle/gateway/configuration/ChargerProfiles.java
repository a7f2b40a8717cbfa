package org.evsettle.gateway.configuration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evsettle.gateway.config.GatewaySettings;
import org.evsettle.gateway.config.GatewaySettings.ChargerProfileSettings;

/**
 * The configuration profiles, and which one a charger gets from its BootNotification: the built-in ones
 * below (docs/zaptec.md, "Configured for billing at boot", names them and their rule) and any of
 * {@code evsettle.gateway.charger-profiles.<name>.*}, which adds a profile or replaces a built-in one of
 * that name. The first that matches, by order, wins; {@code generic} matches every charger.
 * <p>
 * Zaptec native and Zaptec Cloud look alike in a BootNotification (vendor Zaptec, the charger's model), so
 * the firmware tells: native OCPP needs at least Go 2.4.2.4, Go 2 3.2.1.0, Pro 7.5.4.0, and a Zaptec
 * charger below that (or reporting no firmware) can only be on Cloud. A Cloud charger on newer firmware
 * gets the native profile; it answers the keys Cloud lacks NotSupported or Rejected, which is remembered.
 * Zaptec Cloud chargers balance their installation's load themselves (SiteLoadBalancer leaves them out).
 */
@ApplicationScoped
public class ChargerProfiles {

    private static final List<BillingKey> ALL = ChargerProfile.allKeys();
    private static final List<String> ENERGY_AND_POWER = List.of(ChargerProfile.ENERGY, ChargerProfile.POWER);

    /** The built-in profiles, by name. */
    public static final Map<String, ChargerProfile> BUILT_IN = builtIn();

    private final List<ChargerProfile> profiles;

    @Inject
    public ChargerProfiles(GatewaySettings settings) {
        this(settings.chargerProfiles());
    }

    ChargerProfiles(Map<String, ChargerProfileSettings> configured) {
        Map<String, ChargerProfile> byName = new LinkedHashMap<>(BUILT_IN);
        configured.forEach((name, profile) -> byName.put(name, fromSettings(name, profile)));
        List<ChargerProfile> ordered = new ArrayList<>(byName.values());
        ordered.sort(Comparator.comparingInt(ChargerProfile::order).thenComparing(ChargerProfile::name));
        this.profiles = List.copyOf(ordered);
    }

    /** The profile of a charger that booted with this vendor, model and firmware; empty when none matches. */
    public Optional<ChargerProfile> of(String vendor, String model, String firmwareVersion) {
        return profiles.stream().filter(profile -> profile.matches(vendor, model, firmwareVersion)).findFirst();
    }

    /** Every profile, in the order they are tried. */
    public List<ChargerProfile> all() {
        return profiles;
    }

    private static Map<String, ChargerProfile> builtIn() {
        Map<String, ChargerProfile> profiles = new LinkedHashMap<>();
        for (ChargerProfile profile : List.of(
                ChargerProfile.of("zaptec-go-native", "Zaptec.*", "(Zaptec )?Go( ?1)?", Optional.of("2.4.2.4"), 10,
                        ALL, ENERGY_AND_POWER, Optional.empty()),
                ChargerProfile.of("zaptec-go2-native", "Zaptec.*", "(Zaptec )?Go ?2", Optional.of("3.2.1.0"), 10,
                        ALL, ENERGY_AND_POWER, Optional.empty()),
                ChargerProfile.of("zaptec-pro-native", "Zaptec.*", "(Zaptec )?Pro", Optional.of("7.5.4.0"), 10,
                        ALL, ENERGY_AND_POWER, Optional.empty()),
                // Cloud samples energy every 2 minutes on its own and knows only part of the keys
                ChargerProfile.of("zaptec-cloud", "Zaptec.*", ".*", Optional.empty(), 20,
                        List.of(BillingKey.METER_VALUES_SAMPLED_DATA, BillingKey.HEARTBEAT_INTERVAL), ENERGY_AND_POWER,
                        Optional.empty()).balancingItself(true),
                ChargerProfile.of("generic", ".*", ".*", Optional.empty(), 1000, ALL, List.of(ChargerProfile.ENERGY),
                        Optional.empty()))) {
            profiles.put(profile.name(), profile);
        }
        return Map.copyOf(profiles);
    }

    private static ChargerProfile fromSettings(String name, ChargerProfileSettings settings) {
        List<BillingKey> keys = settings.keys().map(names -> names.stream()
                .map(key -> BillingKey.of(key.trim()).orElseThrow(() -> new IllegalArgumentException(
                        "evsettle.gateway.charger-profiles." + name + ".keys: " + key + " is not one of "
                                + ALL.stream().map(BillingKey::ocpp).toList())))
                .toList()).orElse(ALL);
        return ChargerProfile.of(name, settings.vendorPattern(), settings.modelPattern(), settings.firmwareAtLeast(),
                settings.order(), keys, settings.measurands().orElse(List.of(ChargerProfile.ENERGY)),
                settings.heartbeatInterval()).balancingItself(settings.balancesItself());
    }
}
