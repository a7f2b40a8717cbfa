package org.evsettle.events.ocpp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * A command for a charger (an OCPP 1.6 call from the central system: RemoteStartTransaction, Reset,
 * ChangeConfiguration, ...) on {@code ocpp.commands}, keyed by chargePointId so that it reaches the
 * gateway replica holding the charger's socket. payload is the call's JSON payload; the outcome is
 * published as {@link ChargerCommandAnswered}. operatorId is the operator the command is sent for: the
 * gateway executes it only when that is the charger's operator in the registry (a record without it, or
 * naming another operator, is refused), and only with idTags of that operator's cards.
 */
public record ChargerCommandRequested(
        UUID commandId,
        String chargePointId,
        String action,
        JsonNode payload,
        String requestedBy,
        Instant requestedAt,
        int timeoutSeconds,
        UUID operatorId) implements OcppCommand {
}
