package org.evsettle.events.registry;

/**
 * Where a registered charger's OCPP password came from: ASSIGNED by an admin over REST (given or
 * generated), ISSUED by the gateway to the charger itself (ChangeConfiguration AuthorizationKey after
 * its enrollment), or still its operator's ENROLLMENT_KEY (an enrolled charger that has not accepted a
 * password of its own yet, which any holder of the key could present).
 */
public enum OcppPasswordOrigin {
    ASSIGNED, ISSUED, ENROLLMENT_KEY
}
