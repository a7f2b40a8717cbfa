package org.evsettle.gateway.ocpp;

/**
 * Why a CALL cannot be answered with a CALLRESULT: becomes the CALLERROR the charger receives.
 * field names the payload property at fault (a JSON path such as {@code meterValue[0].timestamp}), if any.
 */
public class OcppError extends RuntimeException {

    private final ErrorCode code;
    private final String field;

    public OcppError(ErrorCode code, String description) {
        this(code, description, null);
    }

    public OcppError(ErrorCode code, String description, String field) {
        super(description);
        this.code = code;
        this.field = field;
    }

    public ErrorCode code() {
        return code;
    }

    public String field() {
        return field;
    }
}
