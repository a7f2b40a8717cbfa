package org.evsettle.gateway.ocpp.v201;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.evsettle.gateway.ocpp.ErrorCode;
import org.evsettle.gateway.ocpp.OcppError;
import org.evsettle.gateway.ocpp.PayloadValidator;

/**
 * Validates every CALL a charging station sends against the official OCPP 2.0.1 JSON schema of its
 * action ({@link Ocpp201Schemas}), before it is bound and handled.
 */
@ApplicationScoped
public class Ocpp201PayloadValidator implements PayloadValidator {

    @Override
    public String subprotocol() {
        return Ocpp201.SUBPROTOCOL;
    }

    @Override
    public Set<String> actions() {
        return Ocpp201Schemas.STATION_ACTIONS;
    }

    @Override
    public void validate(String action, ObjectNode payload) {
        Ocpp201Schemas.request(action)
                .orElseThrow(() -> new OcppError(ErrorCode.NotImplemented, "No schema for " + action))
                .validate(payload);
    }

    @Override
    public boolean isKnownAction(String action) {
        return Ocpp201Schemas.isOcpp201Action(action);
    }
}
