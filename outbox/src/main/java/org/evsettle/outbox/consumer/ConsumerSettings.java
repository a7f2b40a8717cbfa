package org.evsettle.outbox.consumer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The failure policy's figures, the same for every consumer of a service ({@code evsettle.consumers.*}). */
@ConfigMapping(prefix = "evsettle.consumers")
public interface ConsumerSettings {

    /** How often a record that fails is tried before it is quarantined. */
    @WithDefault("5")
    int maxAttempts();

    /** The pause after the first failure; each further one doubles it. */
    @WithDefault("200ms")
    Duration firstPause();

    /** The longest pause between attempts, also while the database is unreachable. */
    @WithDefault("10s")
    Duration longestPause();

    /** How often parked events are looked at for a dependency that arrived unnoticed (on another replica, before a crash). */
    @WithDefault("30s")
    Duration parkedPoll();

    /** After how long a parked event is tried again even if nothing said its dependency arrived. */
    @WithDefault("5m")
    Duration parkedRecheck();
}
