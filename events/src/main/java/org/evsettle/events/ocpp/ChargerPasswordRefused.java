package org.evsettle.events.ocpp;

import java.time.Instant;

/**
 * An enrolled charger did not take the password the gateway offered it (ChangeConfiguration
 * AuthorizationKey answered Rejected or NotSupported, a CALLERROR, no answer in time). It keeps
 * presenting its operator's enrollment key, stays pending approval, and the registry shows the reason.
 */
public record ChargerPasswordRefused(
        String chargePointId,
        String reason,
        Instant at) implements OcppEvent {
}
