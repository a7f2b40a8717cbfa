package org.evsettle.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.evsettle.events.registry.ChargerRecord;

/**
 * The passwords of their own that enrolled chargers accepted (ChangeConfiguration AuthorizationKey),
 * as hashes, until the registry carries them. A charger reconnects with its new password at once,
 * while user-service's update of its record is still on its way: in that window this replica (each
 * replica learns them from {@code ocpp.events}) admits it with the new password and no longer with the
 * enrollment key, so that it is neither locked out nor left open to every holder of the key.
 */
@ApplicationScoped
public class IssuedPasswords {

    /** A password a charger accepted: the operator it enrolled with and the password's hash. */
    public record Issued(UUID operatorId, String ocppPasswordHash) {
    }

    private final Map<String, Issued> confirmed = new ConcurrentHashMap<>();

    public void confirmed(String chargePointId, UUID operatorId, String ocppPasswordHash) {
        confirmed.put(chargePointId, new Issued(operatorId, ocppPasswordHash));
    }

    public Optional<Issued> of(String chargePointId) {
        return Optional.ofNullable(confirmed.get(chargePointId));
    }

    /** Forgets the issued password once the registry no longer holds the charger on its enrollment key. */
    public void registryChanged(String chargePointId, ChargerRecord now) {
        if (now == null || !now.onEnrollmentKey()) {
            confirmed.remove(chargePointId);
        }
    }
}
