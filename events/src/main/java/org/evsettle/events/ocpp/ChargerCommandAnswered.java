package org.evsettle.events.ocpp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * How a command ended: outcome ANSWERED (response holds the charger's CALLRESULT payload),
 * CALL_ERROR (errorCode and errorDescription), TIMED_OUT or NOT_CONNECTED.
 */
public record ChargerCommandAnswered(
        UUID commandId,
        String chargePointId,
        String action,
        String outcome,
        JsonNode response,
        String errorCode,
        String errorDescription,
        Instant answeredAt) implements OcppEvent {
}
