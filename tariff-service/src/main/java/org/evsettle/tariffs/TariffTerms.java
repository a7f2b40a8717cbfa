package org.evsettle.tariffs;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What {@link PricingEngine} needs of a tariff version: the currency, the VAT rate (a fraction,
 * 0.21 for 21%) and the components, free of any database type.
 */
public record TariffTerms(String currency, BigDecimal vatRate, List<TariffComponent> components) {

    public TariffTerms {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(vatRate, "vatRate");
        components = List.copyOf(components);
    }
}
