package org.evsettle.gateway;

import java.time.Instant;
import java.util.Optional;
import org.evsettle.events.ocpp.ChargeAuthorization;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.CardRecord;

/**
 * The verdict on an idTag at a charger: its status, the card it matched (if any), for an accepted
 * card with an end date the instant it stops being valid, and the parentIdTag that groups the
 * cards of one driver (so that any of them may stop the driver's transaction).
 */
public record CardAuthorization(AuthorizationStatus status, Optional<CardRecord> card, Instant expiryDate,
                                String parentIdTag) {

    public static CardAuthorization invalid() {
        return new CardAuthorization(AuthorizationStatus.INVALID, Optional.empty(), null, null);
    }

    /**
     * The ids behind a start, for TransactionStarted. The operator is the card's, who bills its driver
     * (a partner's card at this charger), and the charger's when no card matched; site and charger are
     * always the charger's.
     */
    public ChargeAuthorization toEvent(Optional<ChargerRecord> charger) {
        return new ChargeAuthorization(status.ocpp(),
                card.map(CardRecord::operatorId).or(() -> charger.map(ChargerRecord::operatorId)).orElse(null),
                charger.map(ChargerRecord::siteId).orElse(null),
                charger.map(ChargerRecord::id).orElse(null),
                card.map(CardRecord::id).orElse(null),
                card.map(CardRecord::driverId).orElse(null));
    }

    public boolean isAccepted() {
        return status == AuthorizationStatus.ACCEPTED;
    }

    /** The same card, refused because the connector is reserved for another card (Reservations). */
    public CardAuthorization reservedForAnother() {
        return new CardAuthorization(AuthorizationStatus.INVALID, card, null, parentIdTag);
    }

    /** The same card, refused because it is charging elsewhere already. */
    public CardAuthorization concurrent() {
        return new CardAuthorization(AuthorizationStatus.CONCURRENT_TX, card, null, parentIdTag);
    }
}
