package org.evsettle.gateway.ocpp;

import java.time.Instant;
import org.evsettle.gateway.Admission;

/** Who sent a CALL (and why the handshake admitted it), under which message id, and when the gateway received it. */
public record CallContext(String chargePointId, String messageId, Instant receivedAt, Admission admission) {
}
