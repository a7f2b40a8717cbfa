package org.evsettle.gateway.ocpp;

import org.evsettle.gateway.ocpp.v201.Ocpp201;

/**
 * The CALLERROR codes of OCPP-J, one constant per meaning, named as OCPP-J 1.6 (section 4.2.3)
 * spells them. OCPP-J 2.0.1 (part 4, section 4.3) corrects two spellings and adds two codes, so a
 * code is spelled for the connection's subprotocol only when it is encoded: handlers stay
 * version-neutral and 1.6 chargers keep receiving the spelling they know.
 */
public enum ErrorCode {
    NotImplemented,
    NotSupported,
    InternalError,
    ProtocolError,
    SecurityError,
    FormationViolation("FormationViolation", "FormatViolation"),
    PropertyConstraintViolation,
    OccurenceConstraintViolation("OccurenceConstraintViolation", "OccurrenceConstraintViolation"),
    TypeConstraintViolation,
    GenericError,
    /** 2.0.1 only: a frame of a message type the receiver does not know (1.6 ignores such a frame). */
    MessageTypeNotSupported("GenericError", "MessageTypeNotSupported"),
    /** 2.0.1 only: the frame is not a valid RPC message, such as an unreadable message id (1.6: FormationViolation). */
    RpcFrameworkError("FormationViolation", "RpcFrameworkError");

    private final String ocpp16;
    private final String ocpp201;

    ErrorCode() {
        this.ocpp16 = name();
        this.ocpp201 = name();
    }

    ErrorCode(String ocpp16, String ocpp201) {
        this.ocpp16 = ocpp16;
        this.ocpp201 = ocpp201;
    }

    /** The code as the CALLERROR of this subprotocol writes it; 1.6's spelling for any other. */
    public String spelledFor(String subprotocol) {
        return Ocpp201.SUBPROTOCOL.equals(subprotocol) ? ocpp201 : ocpp16;
    }
}
