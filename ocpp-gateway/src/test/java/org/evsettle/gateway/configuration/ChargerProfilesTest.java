package org.evsettle.gateway.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evsettle.events.registry.ChargerSettings;
import org.evsettle.gateway.config.GatewaySettings.ChargerProfileSettings;
import org.junit.jupiter.api.Test;

class ChargerProfilesTest {

    private final ChargerProfiles builtIn = new ChargerProfiles(Map.of());

    @Test
    void tellsZaptecNativeFromCloudByTheFirmwareNativeModeNeeds() {
        assertThat(name("Zaptec", "Go2", "3.2.1.0")).isEqualTo("zaptec-go2-native");
        assertThat(name("Zaptec", "Go 2", "3.10.0.1")).isEqualTo("zaptec-go2-native");
        assertThat(name("ZAPTEC", "Go", "2.4.2.4")).isEqualTo("zaptec-go-native");
        assertThat(name("Zaptec", "Pro", "7.5.4.0")).isEqualTo("zaptec-pro-native");
        assertThat(name("Zaptec", "Go2", "3.2.0.9")).isEqualTo("zaptec-cloud");
        assertThat(name("Zaptec", "Go", "2.4.2.3")).isEqualTo("zaptec-cloud");
        assertThat(name("Zaptec", "Pro", null)).isEqualTo("zaptec-cloud");
        assertThat(name("Alfen BV", "NG910", "6.4.0")).isEqualTo("generic");
        assertThat(name(null, null, null)).isEqualTo("generic");
    }

    @Test
    void wantsTheOperatorsIntervalAndPolicyAndThePowerWhereTheProfileSaysSo() {
        ChargerProfile native2 = builtIn.of("Zaptec", "Go2", "3.2.1.0").orElseThrow();
        Map<BillingKey, String> wanted = native2.wanted(new ChargerSettings(30, true, false), Duration.ofSeconds(300));
        assertThat(wanted).containsEntry(BillingKey.METER_VALUE_SAMPLE_INTERVAL, "30")
                .containsEntry(BillingKey.HEARTBEAT_INTERVAL, "300")
                .containsEntry(BillingKey.METER_VALUES_SAMPLED_DATA, "Energy.Active.Import.Register,Power.Active.Import")
                .containsEntry(BillingKey.AUTHORIZE_REMOTE_TX_REQUESTS, "true")
                .containsEntry(BillingKey.LOCAL_PRE_AUTHORIZE, "false");
        assertThat(builtIn.of("Other", "X", "1").orElseThrow().wanted(ChargerSettings.DEFAULT, Duration.ofSeconds(300)))
                .containsEntry(BillingKey.STOP_TXN_SAMPLED_DATA, "Energy.Active.Import.Register");
        assertThat(builtIn.of("Zaptec", "Go2", "1.0").orElseThrow().keys())
                .containsExactly(BillingKey.METER_VALUES_SAMPLED_DATA, BillingKey.HEARTBEAT_INTERVAL);
    }

    @Test
    void comparesValuesAsTheirKindAndKeepsTheChargersOwnMeasurands() {
        assertThat(BillingKey.METER_VALUE_SAMPLE_INTERVAL.satisfiedBy(" 060", "60")).isTrue();
        assertThat(BillingKey.METER_VALUE_SAMPLE_INTERVAL.satisfiedBy("0", "60")).isFalse();
        assertThat(BillingKey.LOCAL_PRE_AUTHORIZE.satisfiedBy("FALSE", "false")).isTrue();
        assertThat(BillingKey.METER_VALUES_SAMPLED_DATA.satisfiedBy(
                "Current.Import, Energy.Active.Import.Register", "Energy.Active.Import.Register")).isTrue();
        assertThat(BillingKey.METER_VALUES_SAMPLED_DATA.satisfiedBy("Current.Import",
                "Energy.Active.Import.Register")).isFalse();
        assertThat(BillingKey.METER_VALUES_SAMPLED_DATA.toSend("Current.Import",
                "Energy.Active.Import.Register,Power.Active.Import"))
                .isEqualTo("Current.Import,Energy.Active.Import.Register,Power.Active.Import");
        assertThat(ChargerProfile.compareVersions("3.10.0.1", "3.2.1.0")).isPositive();
        assertThat(ChargerProfile.compareVersions("3.2.1", "3.2.1.0")).isZero();
    }

    @Test
    void takesProfilesFromConfigurationBeforeTheBuiltInOnesAndRefusesAnUnknownKey() {
        ChargerProfiles configured = new ChargerProfiles(Map.of("alfen", settings("Alfen.*", 5,
                Optional.of(List.of("MeterValueSampleInterval", "HeartbeatInterval")), Optional.of(Duration.ofMinutes(10)))));
        ChargerProfile alfen = configured.of("Alfen BV", "NG910", "6.4.0").orElseThrow();
        assertThat(alfen.name()).isEqualTo("alfen");
        assertThat(alfen.wanted(ChargerSettings.DEFAULT, Duration.ofSeconds(300)))
                .containsExactly(Map.entry(BillingKey.METER_VALUE_SAMPLE_INTERVAL, "60"),
                        Map.entry(BillingKey.HEARTBEAT_INTERVAL, "600"));
        assertThat(configured.of("Zaptec", "Go2", "3.2.1.0").orElseThrow().name()).isEqualTo("zaptec-go2-native");

        assertThatThrownBy(() -> new ChargerProfiles(Map.of("broken", settings(".*", 1,
                Optional.of(List.of("MeterValueInterval")), Optional.empty()))))
                .hasMessageContaining("evsettle.gateway.charger-profiles.broken.keys: MeterValueInterval is not one of");
    }

    private String name(String vendor, String model, String firmware) {
        return builtIn.of(vendor, model, firmware).map(ChargerProfile::name).orElse("none");
    }

    private static ChargerProfileSettings settings(String vendorPattern, int order, Optional<List<String>> keys,
                                                   Optional<Duration> heartbeat) {
        return new ChargerProfileSettings() {
            public String vendorPattern() {
                return vendorPattern;
            }

            public String modelPattern() {
                return ".*";
            }

            public Optional<String> firmwareAtLeast() {
                return Optional.empty();
            }

            public int order() {
                return order;
            }

            public Optional<List<String>> keys() {
                return keys;
            }

            public Optional<List<String>> measurands() {
                return Optional.empty();
            }

            public Optional<Duration> heartbeatInterval() {
                return heartbeat;
            }

            public boolean balancesItself() {
                return false;
            }
        };
    }
}
