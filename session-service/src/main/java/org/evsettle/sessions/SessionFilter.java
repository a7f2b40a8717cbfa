package org.evsettle.sessions;

import java.util.UUID;

/** Which sessions a list shows; a null field does not filter. */
public record SessionFilter(UUID operatorId, UUID driverId, String chargePointId, SessionStatus status) {
}
