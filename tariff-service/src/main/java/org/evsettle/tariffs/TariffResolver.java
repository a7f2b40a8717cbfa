package org.evsettle.tariffs;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which tariff prices a session: among the operator's tariffs that apply where it charged (the
 * operator's, its site's or its charger's) and to its user type, with a version in force at its
 * start, the most specific wins: a charger's tariff beats a site's, a site's beats the operator's;
 * at one place, a tariff naming the user type beats one for all user types; between equals the most
 * recently created wins, so a new tariff supersedes an older one from its effectiveFrom. When none
 * applies the session stays unpriced. Reimbursement rates are no tariffs here ({@link HomePricing}).
 */
@ApplicationScoped
public class TariffResolver {

    /** A tariff and the version of it that prices the session. */
    public record Resolution(Tariff tariff, TariffVersion version) {
    }

    /** Where and by whom a session was charged, as far as tariffs care. */
    public record Place(UUID operatorId, UUID siteId, UUID chargerId, String userType) {
    }

    private static final Comparator<Resolution> PREFERENCE = Comparator
            .comparingInt((Resolution r) -> -r.tariff().placeSpecificity())
            .thenComparing((Resolution r) -> r.tariff().userTypes.isEmpty())
            .thenComparing(r -> r.tariff().createdAt, Comparator.reverseOrder())
            .thenComparing(r -> r.tariff().id, Comparator.reverseOrder());

    public Optional<Resolution> resolve(Place place, Instant startedAt) {
        return choose(Tariff.ofOperator(place.operatorId()), place, startedAt);
    }

    static Optional<Resolution> choose(List<Tariff> tariffs, Place place, Instant startedAt) {
        return tariffs.stream()
                .filter(Tariff::isCharge)
                .filter(tariff -> tariff.appliesTo(place.userType()))
                .filter(tariff -> tariff.appliesAt(place.siteId(), place.chargerId()))
                .flatMap(tariff -> tariff.versionAt(startedAt).map(v -> new Resolution(tariff, v)).stream())
                .min(PREFERENCE);
    }
}
