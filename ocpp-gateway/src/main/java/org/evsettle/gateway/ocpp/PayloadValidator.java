package org.evsettle.gateway.ocpp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Checks a CALL's payload before it is bound and handled, one implementation per OCPP version.
 * Throws {@link OcppError} naming the field at fault. Kept behind this interface so that validation
 * from the official OCPP JSON schemas can replace the hand-written rules without touching the pipeline.
 */
public interface PayloadValidator {

    /** The WebSocket subprotocol whose messages this validator knows, such as {@code ocpp1.6}. */
    String subprotocol();

    /** The actions it has rules for. */
    Set<String> actions();

    void validate(String action, ObjectNode payload);
}
