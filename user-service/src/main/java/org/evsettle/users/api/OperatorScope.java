package org.evsettle.users.api;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.security.Caller;
import org.evsettle.users.Operator;

/** Checks that an operator in a path exists and that the caller administers it (404 otherwise). */
@RequestScoped
public class OperatorScope {

    private final Caller caller;

    public OperatorScope(Caller caller) {
        this.caller = caller;
    }

    public Operator require(UUID operatorId) {
        caller.requireAdministers(operatorId, "Operator", operatorId);
        return Operator.<Operator>findByIdOptional(operatorId)
                .orElseThrow(() -> DomainException.notFound("Operator", operatorId));
    }
}
