package org.evsettle.invoices.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How often documents past their retention period are looked for, and how many one transaction removes. */
@ConfigMapping(prefix = "evsettle.retention")
public interface RetentionConfig {

    /** How often the retention job runs ("off" disables it). */
    @WithDefault("24h")
    String every();

    /** Documents (with their credit notes) removed per transaction. */
    @WithDefault("100")
    int batchSize();
}
