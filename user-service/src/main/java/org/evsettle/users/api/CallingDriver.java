package org.evsettle.users.api;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.security.Caller;
import org.evsettle.users.Driver;

/**
 * The driver a driver's token stands for: the one its driver_id claim names, while that driver is linked
 * to the token's account (the rule of service-kit's Caller, which every service follows), or for a token
 * without the claim the driver linked to its account (the token's subject). Anything else is nobody (and
 * answers 404): a driver never linked, or unlinked, is no token's driver.
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
        Optional<Driver> named = token.getClaim(Caller.DRIVER_CLAIM) != null
                ? caller.driverId().flatMap(Driver::byId)
                : Optional.ofNullable(subject).flatMap(Driver::byAccountId);
        return named
                .filter(d -> caller.operatorId().map(d.operatorId::equals).orElse(true))
                .filter(d -> subject != null && subject.equals(d.accountId));
    }
}
