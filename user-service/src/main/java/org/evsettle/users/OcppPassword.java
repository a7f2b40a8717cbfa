package org.evsettle.users;

import org.evsettle.events.registry.OcppPasswordHash;

/**
 * A charger's new OCPP password, shown once: the one an operator typed (what the charger was
 * configured with), stored with the slow hash because its strength is unknown, or one generated
 * here (160 random bits), stored with the fast hash that lets a whole fleet reconnect at once.
 */
public record OcppPassword(String plain, boolean generated) {

    public static OcppPassword givenOrGenerated(String given) {
        return given == null ? new OcppPassword(OcppPasswordHash.generatePassword(), true) : new OcppPassword(given, false);
    }

    /** The stored form the gateway checks the password against. */
    public String hash() {
        return generated ? OcppPasswordHash.hashGenerated(plain) : OcppPasswordHash.hash(plain);
    }
}
