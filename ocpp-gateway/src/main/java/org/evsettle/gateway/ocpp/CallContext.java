package org.evsettle.gateway.ocpp;

import java.time.Instant;

/** Who sent a CALL, under which message id, and when the gateway received it. */
public record CallContext(String chargePointId, String messageId, Instant receivedAt) {
}
