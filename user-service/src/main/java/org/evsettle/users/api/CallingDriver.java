package org.evsettle.users.api;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.security.Caller;
import org.evsettle.users.Driver;

/**
 * The driver a driver's token stands for: named by its driver_id claim, or else found by the
 * Keycloak account linked to a driver (the token's subject). Once a driver is linked to an account,
 * only that account's tokens are that driver. Anything else is nobody (and answers 404).
 */
@RequestScoped
public class CallingDriver {

    private final Caller caller;
    private final JsonWebToken token;
    private Optional<Driver> driver;

    public CallingDriver(Caller caller, JsonWebToken token) {
        this.caller = caller;
        this.token = token;
    }

    public Optional<Driver> find() {
        if (driver == null) {
            driver = resolve();
        }
        return driver;
    }

    public Driver require() {
        return find().orElseThrow(() -> DomainException.notFound("Driver", "of this account"));
    }

    /** May the caller see data of this driver of this operator: an admin of the operator, or the driver. */
    public boolean maySee(UUID operatorId, UUID driverId) {
        return caller.administers(operatorId)
                || find().filter(d -> d.id.equals(driverId) && d.operatorId.equals(operatorId)).isPresent();
    }

    private Optional<Driver> resolve() {
        if (!caller.isDriver()) {
            return Optional.empty();
        }
        String subject = token.getSubject();
        Optional<Driver> named = caller.driverId().isPresent()
                ? caller.driverId().flatMap(Driver::byId)
                : Optional.ofNullable(subject).flatMap(Driver::byAccountId);
        return named
                .filter(d -> caller.operatorId().map(d.operatorId::equals).orElse(true))
                .filter(d -> d.accountId == null || d.accountId.equals(subject));
    }
}
