package org.evsettle.tariffs.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.evsettle.kit.api.DomainException;
import org.evsettle.tariffs.ComponentType;
import org.evsettle.tariffs.TariffComponent;

/**
 * A tariff (or its next version) as a client sends it. Left out: userTypes all, vatRate 0.21,
 * effectiveFrom now.
 */
public record TariffForm(
        @NotBlank @Size(max = 200) String name,
        List<String> userTypes,
        @DecimalMin(value = "0", message = "must be a fraction between 0 and 1, such as 0.21")
        @DecimalMax(value = "1", message = "must be a fraction between 0 and 1, such as 0.21")
        @Digits(integer = 1, fraction = 4, message = "must have at most 4 decimals")
        BigDecimal vatRate,
        @NotEmpty List<ComponentForm> components,
        Instant effectiveFrom) {

    public static final BigDecimal DEFAULT_VAT_RATE = new BigDecimal("0.21");
    private static final Pattern USER_TYPE = Pattern.compile("[A-Z][A-Z_]{1,29}");
    private static final int MAX_UNIT_PRICE_DIGITS = 7;

    /** One component: its type and net price per unit (checked in {@link #componentsChecked()}). */
    public record ComponentForm(ComponentType type, BigDecimal unitPrice) {
    }

    /** The user types, distinct; throws for one that is not upper case. */
    public List<String> userTypesChecked() {
        List<String> types = Optional.ofNullable(userTypes).orElse(List.of());
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i) == null || !USER_TYPE.matcher(types.get(i)).matches()) {
                throw DomainException.invalid("userTypes[" + i + "]",
                        "must be upper case, such as RESIDENT, EMPLOYEE or GUEST");
            }
        }
        return types.stream().distinct().toList();
    }

    /**
     * The components; throws for a missing type or price, a negative price, more than 5 decimals, or
     * a type named twice. Checked here rather than by annotations so that the problem names the
     * field as a client wrote it ({@code components[1].unitPrice}).
     */
    public List<TariffComponent> componentsChecked() {
        Set<ComponentType> seen = EnumSet.noneOf(ComponentType.class);
        for (int i = 0; i < components.size(); i++) {
            ComponentForm component = components.get(i);
            String field = "components[" + i + "]";
            if (component == null) {
                throw DomainException.invalid(field, "must not be null");
            }
            if (component.type() == null) {
                throw DomainException.invalid(field + ".type", "must be one of " + EnumSet.allOf(ComponentType.class));
            }
            BigDecimal unitPrice = component.unitPrice();
            if (unitPrice == null || unitPrice.signum() < 0) {
                throw DomainException.invalid(field + ".unitPrice", "must be a price of 0 or more");
            }
            if (unitPrice.stripTrailingZeros().scale() > TariffComponent.UNIT_PRICE_SCALE) {
                throw DomainException.invalid(field + ".unitPrice", "must have at most "
                        + TariffComponent.UNIT_PRICE_SCALE + " decimals");
            }
            if (unitPrice.precision() - unitPrice.scale() > MAX_UNIT_PRICE_DIGITS) {
                throw DomainException.invalid(field + ".unitPrice", "must be below 10^" + MAX_UNIT_PRICE_DIGITS);
            }
            if (!seen.add(component.type())) {
                throw DomainException.invalid("components", "must not name component type " + component.type()
                        + " twice");
            }
        }
        return components.stream().map(c -> new TariffComponent(c.type(), c.unitPrice())).toList();
    }

    /** The VAT rate as a fraction with at least 2 decimals (0.21, 0.055), 0.21 when left out. */
    public BigDecimal vatRateOrDefault() {
        BigDecimal rate = Optional.ofNullable(vatRate).orElse(DEFAULT_VAT_RATE).stripTrailingZeros();
        return rate.scale() < 2 ? rate.setScale(2) : rate;
    }

    public Instant effectiveFromOrNow() {
        return Optional.ofNullable(effectiveFrom).orElseGet(Instant::now);
    }
}
