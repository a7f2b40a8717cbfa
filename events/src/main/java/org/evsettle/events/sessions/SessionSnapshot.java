package org.evsettle.events.sessions;

import java.util.UUID;

/**
 * Who and where a session belongs to, frozen when it started, so that later registry changes never
 * rewrite history.
 */
public record SessionSnapshot(
        UUID operatorId,
        UUID siteId,
        UUID chargerId,
        UUID cardId,
        UUID driverId,
        String idTag,
        String userType) {
}
