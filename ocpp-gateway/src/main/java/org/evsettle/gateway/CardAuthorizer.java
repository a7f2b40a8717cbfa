package org.evsettle.gateway;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.events.registry.CardRecord;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.IdTags;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.events.registry.OperatorZone;

/**
 * The one rule for whether an idTag may charge at a charger, used by Authorize and again by
 * StartTransaction (the charger may have authorized from a stale local cache): the charger must be
 * ACTIVE (a charger awaiting approval starts nothing) and the normalized idTag a card of the
 * charger's operator or, failing that, of a partner: an operator B whose cards are valid here because
 * B lists the charger's operator A in cardsValidAt and A lists B in acceptsCardsOf. A card of A
 * always wins; an idTag that several partners have a card with is refused as Invalid, because
 * picking one could charge a stranger's contract. The card's status then decides: ACTIVE and not
 * past its validUntil (inclusive, a date in the card operator's time zone) is Accepted, BLOCKED or
 * LOST is Blocked, EXPIRED or past validUntil is Expired, anything else (unknown, a card of an
 * operator without consent of both sides) is Invalid. Whether the card is busy elsewhere
 * (ConcurrentTx) needs the transactions and is decided by the caller.
 */
@ApplicationScoped
public class CardAuthorizer {

    private final RegistryProjection registry;
    private final Clock clock;

    public CardAuthorizer(RegistryProjection registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    public CardAuthorization authorize(Optional<ChargerRecord> charger, String idTag) {
        if (charger.isEmpty() || !ChargerStatus.ACTIVE.name().equals(charger.get().status())
                || idTag == null || idTag.isBlank()) {
            return CardAuthorization.invalid();
        }
        UUID operatorId = charger.get().operatorId();
        Optional<CardRecord> found = registry.card(operatorId, idTag).or(() -> partnerCard(operatorId, idTag));
        if (found.isEmpty()) {
            return CardAuthorization.invalid();
        }
        CardRecord card = found.get();
        String parent = parentIdTag(card.driverId());
        return switch (card.status()) {
            case "ACTIVE" -> active(card, parent);
            case "BLOCKED", "LOST" -> new CardAuthorization(AuthorizationStatus.BLOCKED, found, null, parent);
            case "EXPIRED" -> new CardAuthorization(AuthorizationStatus.EXPIRED, found, null, parent);
            default -> new CardAuthorization(AuthorizationStatus.INVALID, found, null, parent);
        };
    }

    /**
     * The card with this idTag of the one partner operator whose cards are valid at this operator's
     * chargers; empty when no partner, or more than one, has such a card. Only an own-card miss
     * comes here, and the index by idTag answers in one lookup.
     */
    private Optional<CardRecord> partnerCard(UUID chargerOperatorId, String idTag) {
        List<CardRecord> sameIdTag = registry.cardsOfAnyOperator(idTag);
        if (sameIdTag.isEmpty()) {
            return Optional.empty();
        }
        Optional<OperatorRecord> host = registry.operator(chargerOperatorId);
        if (host.isEmpty() || host.get().acceptsCardsOf().isEmpty()) {
            return Optional.empty();
        }
        List<UUID> partners = sameIdTag.stream()
                .map(CardRecord::operatorId)
                .filter(cardOperatorId -> !cardOperatorId.equals(chargerOperatorId))
                .distinct()
                .filter(cardOperatorId -> bothConsent(cardOperatorId, host.get()))
                .toList();
        if (partners.size() > 1) {
            Log.warnf("Refused idTag %s at a charger of operator %s: partner operators %s all have a card with it",
                    IdTags.normalize(idTag), chargerOperatorId, partners);
            return Optional.empty();
        }
        return partners.stream().findFirst().flatMap(partner -> registry.card(partner, idTag));
    }

    /** The card operator lets its cards be used at the host's chargers, and the host accepts them. */
    private boolean bothConsent(UUID cardOperatorId, OperatorRecord host) {
        return host.acceptsCardsOf().contains(cardOperatorId)
                && registry.operator(cardOperatorId).map(o -> o.cardsValidAt().contains(host.id())).orElse(false);
    }

    /**
     * The parentIdTag of a driver's cards: the same for all of them, so that a charger lets any card
     * of the driver stop the driver's transaction. 20 characters at most, as OCPP's IdToken.
     */
    static String parentIdTag(UUID driverId) {
        return driverId == null ? null
                : "DRV" + driverId.toString().replace("-", "").substring(0, 17).toUpperCase(Locale.ROOT);
    }

    /** Accepted until the end of validUntil in the card operator's zone, which is also when the charger's cache should drop it. */
    private CardAuthorization active(CardRecord card, String parent) {
        ZoneId zone = zoneOf(card);
        if (card.validUntil() == null) {
            return new CardAuthorization(AuthorizationStatus.ACCEPTED, Optional.of(card), null, parent);
        }
        if (OperatorZone.today(zone, clock).isAfter(card.validUntil())) {
            return new CardAuthorization(AuthorizationStatus.EXPIRED, Optional.of(card), null, parent);
        }
        return new CardAuthorization(AuthorizationStatus.ACCEPTED, Optional.of(card),
                card.validUntil().plusDays(1).atStartOfDay(zone).toInstant(), parent);
    }

    private ZoneId zoneOf(CardRecord card) {
        return OperatorZone.of(registry.operator(card.operatorId()).map(OperatorRecord::timeZone).orElse(null));
    }
}
