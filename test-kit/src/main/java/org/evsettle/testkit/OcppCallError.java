package org.evsettle.testkit;

import com.fasterxml.jackson.databind.JsonNode;

/** A CALLERROR the central system answered to a call of the simulated charge point. */
public class OcppCallError extends RuntimeException {

    private final String errorCode;
    private final JsonNode details;

    public OcppCallError(String errorCode, String description, JsonNode details) {
        super(errorCode + ": " + description);
        this.errorCode = errorCode;
        this.details = details;
    }

    public String errorCode() {
        return errorCode;
    }

    public JsonNode details() {
        return details;
    }
}
