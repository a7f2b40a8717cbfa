package org.evsettle.tariffs;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which tariff prices a session: among the operator's tariffs that apply to the session's user
 * type and have a version in force at its start, one naming the user type beats one for all user
 * types, and between equals the most recently created wins.
 */
@ApplicationScoped
public class TariffResolver {

    /** A tariff and the version of it that prices the session. */
    public record Resolution(Tariff tariff, TariffVersion version) {
    }

    private static final Comparator<Resolution> PREFERENCE = Comparator
            .comparing((Resolution r) -> r.tariff().userTypes.isEmpty())
            .thenComparing(r -> r.tariff().createdAt, Comparator.reverseOrder())
            .thenComparing(r -> r.tariff().id, Comparator.reverseOrder());

    public Optional<Resolution> resolve(UUID operatorId, String userType, Instant startedAt) {
        return choose(Tariff.ofOperator(operatorId), userType, startedAt);
    }

    static Optional<Resolution> choose(List<Tariff> tariffs, String userType, Instant startedAt) {
        return tariffs.stream()
                .filter(tariff -> tariff.appliesTo(userType))
                .flatMap(tariff -> tariff.versionAt(startedAt).map(v -> new Resolution(tariff, v)).stream())
                .min(PREFERENCE);
    }
}
