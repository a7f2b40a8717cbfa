package org.evsettle.events.tariffs;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The price of a session under a tariff version: a line per component, net (sum of lines), VAT at
 * vatRate (a fraction, 0.21 for 21%) and gross, all in currency.
 */
public record SessionPriced(
        UUID sessionId,
        UUID operatorId,
        UUID driverId,
        PricedSession session,
        UUID tariffId,
        int tariffVersion,
        String currency,
        List<PriceLine> lines,
        BigDecimal netAmount,
        BigDecimal vatRate,
        BigDecimal vatAmount,
        BigDecimal grossAmount) implements TariffEvent {
}
