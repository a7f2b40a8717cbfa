package org.evsettle.events.ocpp;

import java.util.UUID;

/**
 * Who the gateway found behind a transaction when it answered StartTransaction: the idTag's status
 * and, where known, the registry ids of the charger's operator, site and charger and of the card
 * and its driver. Downstream services use these ids rather than resolve the idTag again.
 */
public record ChargeAuthorization(
        String status,
        UUID operatorId,
        UUID siteId,
        UUID chargerId,
        UUID cardId,
        UUID driverId) {
}
