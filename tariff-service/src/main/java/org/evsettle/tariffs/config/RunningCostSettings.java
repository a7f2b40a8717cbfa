package org.evsettle.tariffs.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Whether the running cost of a session still charging is announced for its station's display. */
@ConfigMapping(prefix = "evsettle.tariffs.running-cost")
public interface RunningCostSettings {

    /** Off: {@code SessionProgressed} is not priced and no running cost is announced. */
    @WithDefault("true")
    boolean enabled();
}
