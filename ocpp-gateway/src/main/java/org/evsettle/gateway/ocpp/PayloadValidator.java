package org.evsettle.gateway.ocpp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Checks a CALL's payload before it is bound and handled, one implementation per OCPP version
 * (from the official JSON schemas of that version). Throws {@link OcppError} naming the field at fault.
 */
public interface PayloadValidator {

    /** The WebSocket subprotocol whose messages this validator knows, such as {@code ocpp1.6}. */
    String subprotocol();

    /** The actions a charger may send. */
    Set<String> actions();

    void validate(String action, ObjectNode payload);

    /** True for an action the version defines at all (a charger sending one it may not send gets NotSupported). */
    boolean isKnownAction(String action);
}
