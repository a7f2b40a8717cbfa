package org.evsettle.gateway;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.evsettle.gateway.config.GatewaySettings;

/** {@link GatewaySettings} for unit tests: the mapping's own defaults, with the given keys changed. */
public final class TestSettings {

    private TestSettings() {
    }

    public static GatewaySettings defaults() {
        return with(Map.of());
    }

    /** The settings with these {@code evsettle.gateway.*} keys (without the prefix) changed. */
    public static GatewaySettings with(Map<String, String> changes) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .withMapping(GatewaySettings.class)
                // Quarkus reads "15S" as well as "PT15S"; plain SmallRye Config only the latter
                .withConverter(Duration.class, 200, new DurationConverter());
        changes.forEach((key, value) -> builder.withDefaultValue("evsettle.gateway." + key, value));
        SmallRyeConfig config = builder.build();
        return config.getConfigMapping(GatewaySettings.class);
    }
}
