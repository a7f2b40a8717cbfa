package org.evsettle.tariffs;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import org.evsettle.kit.api.DomainException;

/**
 * The tariff a driver meets at a charger, found exactly as a session there would be priced: by the
 * charger's operator, site and id, the driver's user type and the instant.
 */
@ApplicationScoped
public class ChargerTariffs {

    public static final String GUEST = "GUEST";

    private final TariffResolver resolver;

    public ChargerTariffs(TariffResolver resolver) {
        this.resolver = resolver;
    }

    /** A charger, the user type asked for, and the tariff and version that apply there at an instant. */
    public record Offer(Charger charger, String userType, Tariff tariff, TariffVersion version,
                        Optional<TariffVersion> next) {
    }

    /**
     * The charger in service under this id, or 404: the same words as for a charger without a tariff, so
     * that anyone may ask for any id without learning which ids another operator has registered.
     */
    public Charger charger(String chargePointId) {
        return Charger.inService(chargePointId).orElseThrow(() -> noTariffAt(chargePointId));
    }

    /** The tariff for this user type at the charger at an instant, or 404 when none applies (sessions would wait unpriced). */
    public Offer offer(Charger charger, String userType, Instant at) {
        return resolver.resolve(new TariffResolver.Place(charger.operatorId, charger.siteId, charger.id, userType), at)
                .map(r -> new Offer(charger, userType, r.tariff(), r.version(), r.tariff().versionAfter(at)))
                .orElseThrow(() -> noTariffAt(charger.chargePointId));
    }

    private static DomainException noTariffAt(String chargePointId) {
        return DomainException.notFound("Tariff at charger", chargePointId);
    }
}
