package org.evsettle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.evsettle.gateway.config.GatewaySettings;
import org.junit.jupiter.api.Test;

/** The defaults the README promises, stated once in the mapping. */
class GatewaySettingsTest {

    @Test
    void defaultsToWhatTheReadmeSays() {
        GatewaySettings settings = TestSettings.defaults();

        assertThat(settings.publishTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(settings.heartbeatInterval()).isEqualTo(Duration.ofSeconds(300));
        assertThat(settings.pendingBootInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.silentTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.oneTransactionPerCard()).isTrue();
        assertThat(settings.concurrentTxWindow()).isEqualTo(Duration.ofHours(24));
        assertThat(settings.dataTransfer().acceptedVendors()).isEmpty();
        assertThat(settings.commandTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.replicaId()).isEmpty();
        assertThat(settings.replicaHeartbeat()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.credentialCacheSize()).isEqualTo(100_000);
        assertThat(settings.credentialCheckBacklog()).isEqualTo(500);
    }

    @Test
    void readsAListOfVendorsAndDurationsAsOperatorsWriteThem() {
        GatewaySettings settings = TestSettings.with(Map.of(
                "data-transfer.accepted-vendors", "com.zaptec,com.alfen",
                "silent-timeout", "90S"));

        assertThat(settings.dataTransfer().acceptedVendors()).hasValue(Set.of("com.zaptec", "com.alfen"));
        assertThat(settings.silentTimeout()).isEqualTo(Duration.ofSeconds(90));
    }
}
