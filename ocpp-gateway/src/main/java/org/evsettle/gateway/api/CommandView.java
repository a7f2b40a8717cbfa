package org.evsettle.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evsettle.events.ocpp.ChargerCommandAnswered;

/**
 * How a command ended: outcome ANSWERED (response is the charger's answer, in its connection's OCPP version),
 * CALL_ERROR (errorCode and errorDescription from the charger), TIMED_OUT or NOT_CONNECTED.
 */
public record CommandView(
        @Schema(description = "The command's id, also the OCPP message id of its CALL") UUID commandId,
        @Schema(example = "Reset") String action,
        @Schema(enumeration = {"ANSWERED", "CALL_ERROR", "TIMED_OUT", "NOT_CONNECTED"}) String outcome,
        @Schema(type = SchemaType.OBJECT, description = "The charger's CALLRESULT payload, when ANSWERED, in the "
                + "OCPP version its connection speaks (a 2.0.1 station's own answer to a translated 1.6 command)",
                example = "{\"status\": \"Accepted\"}") JsonNode response,
        @Schema(description = "The CALLERROR code, when CALL_ERROR", example = "NotImplemented") String errorCode,
        @Schema(description = "The CALLERROR description, when CALL_ERROR") String errorDescription) {

    static CommandView of(ChargerCommandAnswered answer) {
        return new CommandView(answer.commandId(), answer.action(), answer.outcome(), answer.response(),
                answer.errorCode(), answer.errorDescription());
    }
}
