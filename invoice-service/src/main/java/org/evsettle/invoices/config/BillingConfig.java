package org.evsettle.invoices.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When billing runs are checked for and how many documents one transaction of a run issues. */
@ConfigMapping(prefix = "evsettle.billing")
public interface BillingConfig {

    /** How often every operator is checked for periods due for billing ("off" disables the check). */
    @WithDefault("1h")
    String every();

    /** Documents issued per transaction of a run: a crash loses at most one such chunk, which is redone. */
    @WithDefault("250")
    int chunkSize();
}
