package org.evsettle.gateway.ocpp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One OCPP-J message on the socket: a CALL, its CALLRESULT or its CALLERROR. */
public sealed interface OcppFrame permits OcppFrame.Call, OcppFrame.CallResult, OcppFrame.CallError {

    int CALL = 2;
    int CALL_RESULT = 3;
    int CALL_ERROR = 4;

    String messageId();

    /** {@code [2, "<id>", "<Action>", {payload}]}: a request that must be answered. */
    record Call(String messageId, String action, ObjectNode payload) implements OcppFrame {
    }

    /** {@code [3, "<id>", {payload}]}: the answer to a CALL. */
    record CallResult(String messageId, JsonNode payload) implements OcppFrame {
    }

    /** {@code [4, "<id>", "<code>", "<description>", {details}]}: a CALL that could not be answered. */
    record CallError(String messageId, String errorCode, String description, JsonNode details) implements OcppFrame {
    }
}
