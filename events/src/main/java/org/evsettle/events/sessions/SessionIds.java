package org.evsettle.events.sessions;

import java.util.UUID;
import org.evsettle.events.EventIds;

/**
 * The one rule for a session's id: derived from the charger and the transaction the gateway issued,
 * so that every service (and a test) finds the same session from what a charger reported.
 */
public final class SessionIds {

    private SessionIds() {
    }

    public static UUID of(String chargePointId, int transactionId) {
        return EventIds.nameBased("session", chargePointId, transactionId);
    }
}
