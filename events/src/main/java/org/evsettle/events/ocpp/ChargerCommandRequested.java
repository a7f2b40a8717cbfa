package org.evsettle.events.ocpp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * A command for a charger (an OCPP 1.6 call from the central system: RemoteStartTransaction, Reset,
 * ChangeConfiguration, ...) on {@code ocpp.commands}, keyed by chargePointId so that it reaches the
 * gateway replica holding the charger's socket. payload is the call's JSON payload; the outcome is
 * published as {@link ChargerCommandAnswered}.
 */
public record ChargerCommandRequested(
        UUID commandId,
        String chargePointId,
        String action,
        JsonNode payload,
        String requestedBy,
        Instant requestedAt,
        int timeoutSeconds) implements OcppCommand {
}
