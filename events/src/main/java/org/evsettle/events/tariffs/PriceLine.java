package org.evsettle.events.tariffs;

import java.math.BigDecimal;

/**
 * One tariff component applied to a session: quantity in unit (kWh, session, hour, minute) times
 * unitPrice, rounded half-up to cents as amount (net, before VAT).
 */
public record PriceLine(
        String component,
        String description,
        BigDecimal quantity,
        String unit,
        BigDecimal unitPrice,
        BigDecimal amount) {
}
