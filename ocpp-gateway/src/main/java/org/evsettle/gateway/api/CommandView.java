package org.evsettle.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.evsettle.events.ocpp.ChargerCommandAnswered;

/**
 * How a command ended: outcome ANSWERED (response is the charger's answer), CALL_ERROR (errorCode
 * and errorDescription from the charger), TIMED_OUT or NOT_CONNECTED.
 */
public record CommandView(UUID commandId, String action, String outcome, JsonNode response, String errorCode,
                          String errorDescription) {

    static CommandView of(ChargerCommandAnswered answer) {
        return new CommandView(answer.commandId(), answer.action(), answer.outcome(), answer.response(),
                answer.errorCode(), answer.errorDescription());
    }
}
