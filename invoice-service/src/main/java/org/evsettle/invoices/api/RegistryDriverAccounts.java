package org.evsettle.invoices.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.kit.security.DriverAccounts;
import org.evsettle.invoices.Driver;

/** The accounts of drivers as this service's copy of the registry links them, for the Caller's driver rule. */
@ApplicationScoped
public class RegistryDriverAccounts implements DriverAccounts {

    @Override
    public Optional<String> accountOf(UUID driverId) {
        return Driver.<Driver>findByIdOptional(driverId).map(driver -> driver.accountId);
    }
}
