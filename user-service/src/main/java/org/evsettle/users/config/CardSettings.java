package org.evsettle.users.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the registry keeps card statuses true by itself ({@code evsettle.cards.*}). */
@ConfigMapping(prefix = "evsettle.cards")
public interface CardSettings {

    /** How often ACTIVE cards past their validUntil are looked for and made EXPIRED (a scheduler interval such as 1h). */
    @WithDefault("1h")
    String expiryCheck();
}
