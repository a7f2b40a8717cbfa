package org.evsettle.gateway;

import java.time.Instant;
import java.util.Optional;
import org.evsettle.events.registry.CardRecord;

/**
 * The verdict on an idTag at a charger: its status, the card it matched (if any) and, for an
 * accepted card with an end date, the instant it stops being valid.
 */
public record CardAuthorization(AuthorizationStatus status, Optional<CardRecord> card, Instant expiryDate) {

    public static CardAuthorization invalid() {
        return new CardAuthorization(AuthorizationStatus.INVALID, Optional.empty(), null);
    }
}
