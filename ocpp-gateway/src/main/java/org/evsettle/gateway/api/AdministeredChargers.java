package org.evsettle.gateway.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.gateway.RegistryProjection;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.security.Caller;

/**
 * The charger an API path names, for a caller who administers it (a platform admin, or an admin of
 * the charger's operator); anyone else gets 404, exactly as for a chargePointId nobody registered.
 */
@ApplicationScoped
public class AdministeredChargers {

    private final RegistryProjection registry;

    public AdministeredChargers(RegistryProjection registry) {
        this.registry = registry;
    }

    public ChargerRecord require(String chargePointId, Caller caller) {
        return find(chargePointId, caller).orElseThrow(() -> DomainException.notFound("Charger", chargePointId));
    }

    /** The charger, if the caller administers it; by its own chargePointId (an alias names no charger here). */
    public Optional<ChargerRecord> find(String chargePointId, Caller caller) {
        return registry.charger(chargePointId).filter(charger -> charger.chargePointId().equals(chargePointId))
                .filter(charger -> caller.administers(charger.operatorId()));
    }
}
