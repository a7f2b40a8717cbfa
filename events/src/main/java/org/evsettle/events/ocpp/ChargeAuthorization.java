package org.evsettle.events.ocpp;

import java.util.UUID;

/**
 * Who the gateway found behind a transaction when it answered StartTransaction: the idTag's status
 * and, where known, the registry ids of the operator, the charger's site and the charger, and of the
 * card and its driver. Downstream services use these ids rather than resolve the idTag again.
 * operatorId is the operator that bills the session: the card's operator when a card matched (at a
 * partner's charger, see {@link org.evsettle.events.registry.OperatorRecord}, not the charger's),
 * otherwise the charger's operator; siteId and chargerId are always the charger's.
 */
public record ChargeAuthorization(
        String status,
        UUID operatorId,
        UUID siteId,
        UUID chargerId,
        UUID cardId,
        UUID driverId) {
}
