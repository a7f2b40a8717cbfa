package org.evsettle.users;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.evsettle.kit.api.DomainException;
import org.evsettle.users.messaging.RegistryPublisher;

/**
 * An operator's drivers as admins keep them: registered and replaced with an e-mail unique per operator,
 * made inactive (which blocks their cards) or active again, linked to the one Keycloak account they log
 * in with, billed to an employer ({@link Employers}). A driver who owns a HOME site with chargers in service
 * stays active ({@link HomeSites}). Every change is published.
 */
@ApplicationScoped
public class DriverRegistration {

    private final RegistryPublisher registry;
    private final CardBlocking cardBlocking;

    public DriverRegistration(RegistryPublisher registry, CardBlocking cardBlocking) {
        this.registry = registry;
        this.cardBlocking = cardBlocking;
    }

    /** A new driver of the operator; details writes what the admin sent, email as it is stored. */
    @Transactional
    public Driver register(Operator operator, String email, Consumer<Driver> details) {
        requireFreeEmail(operator.id, email, null);
        Driver driver = new Driver();
        driver.id = UUID.randomUUID();
        driver.operatorId = operator.id;
        details.accept(driver);
        Employers.require(operator, driver);
        driver.persist();
        registry.changed(driver);
        return driver;
    }

    /** Replaces the driver's details; a change of status blocks their cards, or lifts what inactivity blocked. */
    @Transactional
    public Driver replace(Driver driver, String email, Consumer<Driver> details) {
        requireNotErased(driver);
        requireFreeEmail(driver.operatorId, email, driver.id);
        boolean wasActive = driver.isActive();
        details.accept(driver);
        Employers.require(Operator.byId(driver.operatorId).orElseThrow(), driver);
        Employers.requireStillBusinessCustomer(driver);
        if (wasActive && !driver.isActive()) {
            HomeSites.requireNoneInService(driver, "deactivating the driver");
        }
        registry.changed(driver);
        if (wasActive != driver.isActive()) {
            cardBlocking.driverStatusChanged(driver);
        }
        return driver;
    }

    /** From now on only tokens of this account are the driver; an account is one driver's. */
    @Transactional
    public Driver linkAccount(Driver driver, String accountId) {
        requireNotErased(driver);
        Driver.byAccountId(accountId).filter(other -> !other.id.equals(driver.id)).ifPresent(other -> {
            throw RegistryUniqueness.accountTaken(accountId);
        });
        if (!accountId.equals(driver.accountId)) {
            driver.accountId = accountId;
            registry.changed(driver);
        }
        return driver;
    }

    @Transactional
    public Driver unlinkAccount(Driver driver) {
        if (driver.accountId != null) {
            driver.accountId = null;
            registry.changed(driver);
        }
        return driver;
    }

    /** An erased driver's data is gone: nothing brings it back, nor gives the pseudonym new data. */
    private static void requireNotErased(Driver driver) {
        if (driver.isErased()) {
            throw DomainException.conflict("Driver " + driver.id + " is erased; register the person as a new driver");
        }
    }

    private static void requireFreeEmail(UUID operatorId, String email, UUID except) {
        Driver.<Driver>find("operatorId = ?1 and email = ?2", operatorId, email).firstResultOptional()
                .filter(other -> !Objects.equals(other.id, except))
                .ifPresent(other -> {
                    throw RegistryUniqueness.emailTaken(email);
                });
    }
}
