package org.evsettle.tariffs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One priced element of a tariff version: its type and the price per unit of that type (net,
 * before VAT, up to 5 decimals). Later kinds add their own optional fields (steps, grace periods,
 * restrictions by time of day) beside these two.
 */
public record TariffComponent(ComponentType type, BigDecimal unitPrice) {

    /** Unit prices carry up to 5 decimals; they are kept with exactly 5, as the events show them. */
    public static final int UNIT_PRICE_SCALE = 5;

    public TariffComponent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (unitPrice.signum() < 0) {
            throw new IllegalArgumentException("unitPrice must not be negative: " + unitPrice);
        }
        unitPrice = unitPrice.setScale(UNIT_PRICE_SCALE, RoundingMode.UNNECESSARY);
    }
}
