package org.evsettle.events.ocpp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * How a command ended: outcome ANSWERED (response holds the charger's CALLRESULT payload),
 * CALL_ERROR (errorCode and errorDescription), TIMED_OUT, NOT_CONNECTED, or REFUSED (never sent: the
 * command's operator is not the charger's, or it names an idTag that is no card of that operator;
 * errorDescription says which).
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
