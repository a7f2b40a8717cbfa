package org.evsettle.events.tariffs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.evsettle.events.Event;

/**
 * The cost so far of a session still charging at an OCPP 2.0.1 station, VAT included, in currency, as if it had
 * stopped at its latest reading (asOf), on {@code tariffs.running-costs} (key chargePointId) for the gateway to
 * show on the station's display with CostUpdated. Nothing is billed from it. costId is named by the session and
 * the reading, so a redelivery repeats it; the gateway shows it only on a charger of operatorId.
 */
public record RunningCostCalculated(
        UUID costId,
        UUID sessionId,
        UUID operatorId,
        String chargePointId,
        String stationTransactionId,
        BigDecimal totalCost,
        String currency,
        Instant asOf) implements Event {

    @Override
    public String subject() {
        return chargePointId;
    }
}
