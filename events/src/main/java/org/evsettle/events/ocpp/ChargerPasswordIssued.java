package org.evsettle.events.ocpp;

import java.time.Instant;
import java.util.UUID;

/**
 * The gateway gave an enrolled charger a password of its own (ChangeConfiguration AuthorizationKey)
 * and the charger accepted it. operatorId is the operator it enrolled with; ocppPasswordHash is the {@code OcppPasswordHash} of that password (never
 * the password); the registry stores it, and from then on only that password admits the charger.
 */
public record ChargerPasswordIssued(
        String chargePointId,
        UUID operatorId,
        String ocppPasswordHash,
        Instant issuedAt) implements OcppEvent {
}
