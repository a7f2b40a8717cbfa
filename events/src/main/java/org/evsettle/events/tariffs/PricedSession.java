package org.evsettle.events.tariffs;

import java.time.Instant;
import java.util.UUID;

/** The facts of the priced session that an invoice line shows. */
public record PricedSession(
        String chargePointId,
        int transactionId,
        UUID siteId,
        UUID chargerId,
        UUID cardId,
        String idTag,
        Instant startedAt,
        Instant stoppedAt,
        long energyWh) {
}
