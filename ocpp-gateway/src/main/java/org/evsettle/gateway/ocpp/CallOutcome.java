package org.evsettle.gateway.ocpp;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a CALL from the central system ended: ANSWERED (response is the charger's CALLRESULT payload),
 * CALL_ERROR (the charger's CALLERROR code and description, or the gateway's own refusal of a payload
 * that breaks the schema), TIMED_OUT (no answer before the deadline, or the deadline passed while
 * it waited its turn), NOT_CONNECTED (no socket, or the charger went away before answering) or REFUSED
 * (never sent: a command from ocpp.commands that {@code CommandScope} does not let reach this charger).
 */
public record CallOutcome(Kind outcome, JsonNode response, String errorCode, String errorDescription) {

    /** The outcomes, as the API and the events spell them. */
    public enum Kind {
        ANSWERED, CALL_ERROR, TIMED_OUT, NOT_CONNECTED, REFUSED
    }

    public static CallOutcome answered(JsonNode response) {
        return new CallOutcome(Kind.ANSWERED, response, null, null);
    }

    public static CallOutcome callError(String errorCode, String description) {
        return new CallOutcome(Kind.CALL_ERROR, null, errorCode, description);
    }

    public static CallOutcome timedOut(String description) {
        return new CallOutcome(Kind.TIMED_OUT, null, null, description);
    }

    public static CallOutcome refused(String description) {
        return new CallOutcome(Kind.REFUSED, null, null, description);
    }

    public static CallOutcome notConnected(String description) {
        return new CallOutcome(Kind.NOT_CONNECTED, null, null, description);
    }
}
