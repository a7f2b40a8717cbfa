package org.evsettle.invoices.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where invoice mail comes from and how the worker that sends it retries (the SMTP server is quarkus.mailer.*). */
@ConfigMapping(prefix = "evsettle.mail")
public interface MailConfig {

    /** The platform's sending address; the operator's legal name is its display name. */
    String from();

    /** How often the worker looks for mail that is due ("off" disables it). */
    @WithDefault("5s")
    String every();

    /** Mails claimed at a time by one worker. */
    @WithDefault("20")
    int batchSize();

    /** Attempts before a mail that keeps failing transiently is FAILED. */
    @WithDefault("8")
    int maxAttempts();

    /** The wait after the first failed attempt; it doubles with each further one, up to longestRetry. */
    @WithDefault("1m")
    Duration firstRetry();

    @WithDefault("6h")
    Duration longestRetry();

    /** How long a claimed mail is left to its worker before another may try it (longer than an SMTP exchange). */
    @WithDefault("5m")
    Duration lease();
}
