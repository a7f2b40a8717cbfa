package org.evsettle.gateway.ocpp.v16;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.evsettle.gateway.ocpp.ErrorCode;
import org.evsettle.gateway.ocpp.OcppError;
import org.evsettle.gateway.ocpp.PayloadValidator;

/**
 * Validates every CALL a charger sends against the official OCPP 1.6 JSON schema of its action
 * ({@link Ocpp16Schemas}), before it is bound and handled.
 */
@ApplicationScoped
public class Ocpp16PayloadValidator implements PayloadValidator {

    @Override
    public String subprotocol() {
        return Ocpp16.SUBPROTOCOL;
    }

    @Override
    public Set<String> actions() {
        return Ocpp16Schemas.CHARGE_POINT_ACTIONS;
    }

    @Override
    public void validate(String action, ObjectNode payload) {
        Ocpp16Schemas.request(action)
                .orElseThrow(() -> new OcppError(ErrorCode.NotImplemented, "No schema for " + action))
                .validate(payload);
    }

    @Override
    public boolean isKnownAction(String action) {
        return Ocpp16Schemas.isOcpp16Action(action);
    }
}
