package org.evsettle.invoices.api;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import org.evsettle.invoices.Operator;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.security.Caller;

/** Checks that an operator in a path is known here and that the caller administers it (404 otherwise). */
@RequestScoped
public class OperatorAccess {

    private final Caller caller;

    public OperatorAccess(Caller caller) {
        this.caller = caller;
    }

    public Operator require(UUID operatorId) {
        caller.requireAdministers(operatorId, "Operator", operatorId);
        return Operator.<Operator>findByIdOptional(operatorId)
                .orElseThrow(() -> DomainException.notFound("Operator", operatorId));
    }
}
