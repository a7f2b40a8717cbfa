package org.evsettle.kit.security;

import java.util.Optional;
import java.util.UUID;

/**
 * The Keycloak account the registry links a driver to, as this service's copy of the registry knows it
 * (the DriverRecord's accountId). {@link Caller} asks it before it takes a token's driver_id claim for
 * the driver: every service that serves drivers' data provides one from its own copy.
 */
public interface DriverAccounts {

    /** The account (Keycloak user id) linked to this driver; empty for a driver not linked or not known here. */
    Optional<String> accountOf(UUID driverId);
}
