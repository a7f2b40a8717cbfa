package org.evsettle.gateway;

import java.util.UUID;

/**
 * Why the handshake let a charger in: it is registered (ACTIVE, or PENDING_APPROVAL and answered
 * Pending), or it is unknown and presented an operator's enrollment key, so it enrolls with that
 * operator as Pending. For an enrolling charger it keeps the SHA-256 of the key (to notice a key
 * the operator has since replaced) and the stored hash of the presented password, never the password.
 */
public record Admission(String chargePointId, boolean enrolling, UUID enrollmentOperatorId, String enrollmentKeySha256,
                        String presentedPasswordHash) {

    public static Admission registered(String chargePointId) {
        return new Admission(chargePointId, false, null, null, null);
    }

    public static Admission enrolling(String chargePointId, UUID operatorId, String keySha256, String passwordHash) {
        return new Admission(chargePointId, true, operatorId, keySha256, passwordHash);
    }
}
