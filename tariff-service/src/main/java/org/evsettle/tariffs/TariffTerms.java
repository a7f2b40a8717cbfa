package org.evsettle.tariffs;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link PricingEngine} needs of a tariff version: the currency, the VAT rate (a fraction,
 * 0.21 for 21%), the time zone its times and days are read in, and the components, free of any
 * database type.
 */
public record TariffTerms(String currency, BigDecimal vatRate, ZoneId zone, List<TariffComponent> components) {

    public TariffTerms {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(vatRate, "vatRate");
        Objects.requireNonNull(zone, "zone");
        components = List.copyOf(components);
    }

    /**
     * The first rule the components break together, with the field named from the list
     * ({@code components[2].restrictions}): two components of one type must never both apply at one
     * moment. One component of a type may go without restrictions: it applies wherever no restricted
     * component of its type does (a base price beside a peak price). A minimum must not exceed a
     * maximum that can apply to the same session.
     */
    public static Optional<RuleViolation> violation(List<TariffComponent> components) {
        for (int j = 0; j < components.size(); j++) {
            TariffComponent later = components.get(j);
            for (int i = 0; i < j; i++) {
                TariffComponent earlier = components.get(i);
                if (earlier.type() == later.type()) {
                    Optional<RuleViolation> clash = clash(i, earlier, j, later);
                    if (clash.isPresent()) {
                        return clash;
                    }
                }
                if (earlier.type().isBound() && later.type().isBound() && earlier.type() != later.type()
                        && earlier.restrictionsOrNone().overlaps(later.restrictionsOrNone())) {
                    TariffComponent min = earlier.type() == ComponentType.MIN_PRICE ? earlier : later;
                    TariffComponent max = earlier.type() == ComponentType.MAX_PRICE ? earlier : later;
                    if (min.unitPrice().compareTo(max.unitPrice()) > 0) {
                        return Optional.of(new RuleViolation("components[" + j + "].unitPrice",
                                "a minimum price must not exceed the maximum price (components[" + i + "]) "
                                        + "that applies to the same sessions"));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<RuleViolation> clash(int i, TariffComponent earlier, int j, TariffComponent later) {
        if (!earlier.isRestricted() && !later.isRestricted()) {
            return Optional.of(new RuleViolation("components[" + j + "]", "is a second " + later.type()
                    + " component without restrictions, like components[" + i + "]; restrict one of them"));
        }
        if (earlier.isRestricted() && later.isRestricted()
                && earlier.restrictionsOrNone().overlaps(later.restrictionsOrNone())) {
            return Optional.of(new RuleViolation("components[" + j + "].restrictions", "overlap those of components["
                    + i + "]: both " + later.type() + " components would apply at the same moment"));
        }
        return Optional.empty();
    }
}
