package org.evsettle.sessions.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** How the Zaptec charge history is imported (docs/zaptec.md): the API, the schedule, the limits. */
@ConfigMapping(prefix = "evsettle.zaptec")
public interface ZaptecSettings {

    /** Zaptec's API: sign-in at {base-url}/oauth/token, sessions at {base-url}/api/chargehistory. */
    @WithDefault("https://api.zaptec.com")
    URI baseUrl();

    /** Sessions per page of chargehistory: Zaptec's maximum. */
    @WithDefault("5000")
    int pageSize();

    /**
     * The AES key (256 bits, Base64) the installations' credentials are encrypted with. Only the dev and test
     * profiles set a key of their own; elsewhere it comes from the environment (EVSETTLE_ZAPTEC_CREDENTIALS_KEY).
     */
    Optional<String> credentialsKey();

    /** A token is signed in again this long before Zaptec said it expires. */
    @WithDefault("PT2M")
    Duration tokenMargin();

    /** How often each installation is imported unless its operator set another interval. */
    @WithDefault("PT1H")
    Duration importEvery();

    /** How often the schedule looks for installations that are due ("off": never). */
    @WithDefault("5m")
    String scheduleCheckEvery();

    /** A scheduled import reads from the end of the previous one less this, for sessions Zaptec completed late. */
    @WithDefault("P2D")
    Duration overlap();

    /** The first import of an installation reads this far back. */
    @WithDefault("P62D")
    Duration firstImport();

    /** Answers 429: how often one call is tried again before the import gives up. */
    @WithDefault("5")
    int retries();

    /** The first wait after a 429 without Retry-After; it doubles (with jitter) up to max-backoff. */
    @WithDefault("PT1S")
    Duration backoff();

    /** The longest wait after a 429, also when Retry-After asks for more. */
    @WithDefault("PT60S")
    Duration maxBackoff();

    /** How long one call to Zaptec may take. */
    @WithDefault("PT30S")
    Duration timeout();
}
