package org.evsettle.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.evsettle.events.registry.CardRecord;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.OperatorRecord;

/**
 * The one rule for whether an idTag may charge at a charger, used by Authorize and again by
 * StartTransaction (the charger may have authorized from a stale local cache): the normalized idTag
 * must be a card of the charger's operator; ACTIVE and not past its validUntil (inclusive, a date in
 * the operator's time zone) is Accepted, BLOCKED or LOST is Blocked, EXPIRED or past validUntil is
 * Expired, anything else (unknown, another operator's card) is Invalid.
 */
@ApplicationScoped
public class CardAuthorizer {

    static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Amsterdam");

    private final RegistryProjection registry;
    private final Clock clock;

    public CardAuthorizer(RegistryProjection registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    public CardAuthorization authorize(Optional<ChargerRecord> charger, String idTag) {
        if (charger.isEmpty() || idTag == null || idTag.isBlank()) {
            return CardAuthorization.invalid();
        }
        Optional<CardRecord> found = registry.card(charger.get().operatorId(), idTag);
        if (found.isEmpty()) {
            return CardAuthorization.invalid();
        }
        return switch (found.get().status()) {
            case "ACTIVE" -> active(found.get());
            case "BLOCKED", "LOST" -> new CardAuthorization(AuthorizationStatus.BLOCKED, found, null);
            case "EXPIRED" -> new CardAuthorization(AuthorizationStatus.EXPIRED, found, null);
            default -> new CardAuthorization(AuthorizationStatus.INVALID, found, null);
        };
    }

    /** Accepted until the end of validUntil in the operator's zone, which is also when the charger's cache should drop it. */
    private CardAuthorization active(CardRecord card) {
        ZoneId zone = zoneOf(card);
        if (card.validUntil() == null) {
            return new CardAuthorization(AuthorizationStatus.ACCEPTED, Optional.of(card), null);
        }
        if (LocalDate.now(clock.withZone(zone)).isAfter(card.validUntil())) {
            return new CardAuthorization(AuthorizationStatus.EXPIRED, Optional.of(card), null);
        }
        return new CardAuthorization(AuthorizationStatus.ACCEPTED, Optional.of(card),
                card.validUntil().plusDays(1).atStartOfDay(zone).toInstant());
    }

    private ZoneId zoneOf(CardRecord card) {
        return registry.operator(card.operatorId())
                .map(OperatorRecord::timeZone)
                .flatMap(CardAuthorizer::zone)
                .orElse(DEFAULT_ZONE);
    }

    private static Optional<ZoneId> zone(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
