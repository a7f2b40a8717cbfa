package org.evsettle.tariffs.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Whether the running cost of a session still charging is sent to the station's display. */
@ConfigMapping(prefix = "evsettle.tariffs.running-cost")
public interface RunningCostSettings {

    /** Off: {@code SessionProgressed} is not priced and no CostUpdated is sent. */
    @WithDefault("true")
    boolean enabled();
}
