package org.evsettle.kit.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.evsettle.kit.api.DomainException;

/**
 * Who is calling, from the token: a platform admin (sees everything), an operator admin (sees one
 * operator, claim {@code operator_id}) or a driver (sees own data, claims {@code operator_id} and
 * {@code driver_id}). Resources ask it before they show or change anything; what the caller may
 * not see answers 404, exactly as if it did not exist.
 *
 * <p>A token's driver_id is that driver only while the registry links the driver to the token's account
 * (its subject), as the service's {@link DriverAccounts} tells: once user-service unlinks the account, or
 * links the driver to another, its tokens are no driver in any service, whatever their claims say. A
 * service without DriverAccounts trusts no driver_id at all.
 */
@RequestScoped
public class Caller {

    public static final String OPERATOR_CLAIM = "operator_id";
    public static final String DRIVER_CLAIM = "driver_id";

    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final Instance<DriverAccounts> accounts;
    private Optional<UUID> driver;

    public Caller(SecurityIdentity identity, JsonWebToken token, Instance<DriverAccounts> accounts) {
        this.identity = identity;
        this.token = token;
        this.accounts = accounts;
    }

    public boolean isPlatformAdmin() {
        return identity.hasRole(Roles.PLATFORM_ADMIN);
    }

    public boolean isOperatorAdmin() {
        return identity.hasRole(Roles.OPERATOR_ADMIN);
    }

    public boolean isDriver() {
        return identity.hasRole(Roles.DRIVER);
    }

    /** The operator the caller acts for; empty for a platform admin without one. */
    public Optional<UUID> operatorId() {
        return uuidClaim(OPERATOR_CLAIM);
    }

    /**
     * The driver the caller is: the token's driver_id, while the registry links that driver to the token's
     * account; empty otherwise (no claim, an unlinked driver, a driver linked to another account).
     */
    public Optional<UUID> driverId() {
        if (driver == null) {
            driver = uuidClaim(DRIVER_CLAIM).filter(this::linkedToThisAccount);
        }
        return driver;
    }

    private boolean linkedToThisAccount(UUID driverId) {
        String subject = token.getSubject();
        return subject != null && accounts.isResolvable()
                && accounts.get().accountOf(driverId).filter(subject::equals).isPresent();
    }

    public String name() {
        return identity.getPrincipal().getName();
    }

    /**
     * The operator whose data an admin query covers: the caller's own for an operator admin, the
     * requested one (or all, when empty) for a platform admin.
     */
    public Optional<UUID> operatorScope(UUID requested) {
        if (isPlatformAdmin()) {
            return Optional.ofNullable(requested);
        }
        UUID own = requireOperatorId();
        if (requested != null && !requested.equals(own)) {
            throw DomainException.notFound("Operator", requested);
        }
        return Optional.of(own);
    }

    /**
     * May an admin (platform, or of this operator) see and manage this operator's data? Data that
     * belongs to no operator yet (null) is for platform admins only.
     */
    public boolean administers(UUID operatorId) {
        return isPlatformAdmin() || (isOperatorAdmin() && operatorId != null
                && operatorId.equals(operatorId().orElse(null)));
    }

    /** Throws the 404 that hides data of another operator. */
    public void requireAdministers(UUID operatorId, String what, Object id) {
        if (!administers(operatorId)) {
            throw DomainException.notFound(what, id);
        }
    }

    /**
     * The operator a path names ({@code /operators/{operatorId}/...}), as this service knows it, when the
     * caller administers it; 404 otherwise, whether it is another operator's or not known here at all.
     */
    public <T> T administeredOperator(UUID operatorId, Function<UUID, Optional<T>> known) {
        requireAdministers(operatorId, "Operator", operatorId);
        return known.apply(operatorId).orElseThrow(() -> DomainException.notFound("Operator", operatorId));
    }

    /** Whose data a list covers: one operator or all (null), one driver or all (null). */
    public record ListScope(UUID operatorId, UUID driverId) {
    }

    /**
     * The scope of a list of drivers' data filtered by operator and driver, by the one rule every list
     * follows: a filter can only narrow what the caller may see, and a filter naming an operator or a
     * driver the caller may not see answers 404, as that operator or driver would if asked for itself.
     * A platform admin gets the filters as given; an operator admin the own operator, and a driver of
     * it (operatorOfDriver tells whose a driver is, empty for one not known here); a driver only the own
     * data.
     */
    public ListScope listScope(UUID operatorId, UUID driverId, Function<UUID, Optional<UUID>> operatorOfDriver) {
        if (isPlatformAdmin()) {
            return new ListScope(operatorId, driverId);
        }
        UUID ownOperator = requireOperatorId();
        if (operatorId != null && !operatorId.equals(ownOperator)) {
            throw DomainException.notFound("Operator", operatorId);
        }
        if (isOperatorAdmin()) {
            if (driverId != null && !operatorOfDriver.apply(driverId).filter(ownOperator::equals).isPresent()) {
                throw DomainException.notFound("Driver", driverId);
            }
            return new ListScope(ownOperator, driverId);
        }
        UUID ownDriver = requireDriverId();
        if (driverId != null && !driverId.equals(ownDriver)) {
            throw DomainException.notFound("Driver", driverId);
        }
        return new ListScope(ownOperator, ownDriver);
    }

    /** May the caller see data that belongs to this driver of this operator? Either may be null (unknown). */
    public boolean maySeeDriver(UUID operatorId, UUID driverId) {
        return administers(operatorId) || (isDriver() && driverId != null && operatorId != null
                && driverId.equals(driverId().orElse(null)) && operatorId.equals(operatorId().orElse(null)));
    }

    public UUID requireOperatorId() {
        return operatorId().orElseThrow(() -> DomainException.notFound("Operator", "of this account"));
    }

    public UUID requireDriverId() {
        return driverId().orElseThrow(() -> DomainException.notFound("Driver", "of this account"));
    }

    private Optional<UUID> uuidClaim(String name) {
        Object value = token.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.toString().replace("\"", "")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
