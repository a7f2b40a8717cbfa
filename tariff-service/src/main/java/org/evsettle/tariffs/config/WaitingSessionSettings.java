package org.evsettle.tariffs.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How sessions waiting for a tariff are tried again: each figure and its default, stated once. */
@ConfigMapping(prefix = "evsettle.tariffs.waiting-sessions")
public interface WaitingSessionSettings {

    /** The backstop: how often notes of tariff changes left by a crash or another replica are worked off. */
    @WithDefault("30s")
    Duration poll();

    /** Waiting sessions priced per transaction. */
    @WithDefault("200")
    int batchSize();
}
