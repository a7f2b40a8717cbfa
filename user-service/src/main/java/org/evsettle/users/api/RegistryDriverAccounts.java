package org.evsettle.users.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.kit.security.DriverAccounts;
import org.evsettle.users.Driver;

/** The accounts of drivers as the registry links them (the source the other services copy), for the Caller. */
@ApplicationScoped
public class RegistryDriverAccounts implements DriverAccounts {

    @Override
    public Optional<String> accountOf(UUID driverId) {
        return Driver.byId(driverId).map(driver -> driver.accountId);
    }
}
