package org.evsettle.tariffs.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evsettle.kit.api.DomainException;
import org.evsettle.tariffs.RuleViolation;
import org.evsettle.tariffs.TariffBook;
import org.evsettle.tariffs.TariffComponent;
import org.evsettle.tariffs.TariffTerms;

/**
 * A tariff (or its next version) as a client sends it. Left out: userTypes all, siteId and chargerId
 * (the tariff is for all the operator's chargers), vatRate 0.21, effectiveFrom now.
 */
public record TariffForm(
        @NotBlank @Size(max = 200) @Schema(example = "Standaard laden") String name,
        @Schema(example = "[\"RESIDENT\", \"EMPLOYEE\"]") List<String> userTypes,
        @Schema(example = "6e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b") UUID siteId,
        @Schema(example = "7f2a3b4c-5d6e-4f7a-9b0c-1d2e3f4a5b6c") UUID chargerId,
        @DecimalMin(value = "0", message = "must be a fraction between 0 and 1, such as 0.21")
        @DecimalMax(value = "1", message = "must be a fraction between 0 and 1, such as 0.21")
        @Digits(integer = 1, fraction = 4, message = "must have at most 4 decimals")
        @Schema(example = "0.21") BigDecimal vatRate,
        @NotEmpty @Size(max = 50) List<TariffComponent> components,
        @Schema(example = "2027-01-01T00:00:00Z") Instant effectiveFrom) {

    public static final BigDecimal DEFAULT_VAT_RATE = new BigDecimal("0.21");
    private static final Pattern USER_TYPE = Pattern.compile("[A-Z][A-Z_]{1,29}");

    /** The user types, distinct; throws for one that is not upper case or not one of the operator's. */
    public List<String> userTypesChecked(List<String> operatorsUserTypes) {
        List<String> types = Optional.ofNullable(userTypes).orElse(List.of());
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i) == null || !USER_TYPE.matcher(types.get(i)).matches()) {
                throw DomainException.invalid("userTypes[" + i + "]",
                        "must be upper case, such as RESIDENT, EMPLOYEE or GUEST");
            }
            if (!operatorsUserTypes.contains(types.get(i))) {
                throw DomainException.invalid("userTypes[" + i + "]",
                        "is not a user type of this operator " + operatorsUserTypes);
            }
        }
        return types.stream().distinct().toList();
    }

    /**
     * The components; throws for the first broken rule, naming the field as a client wrote it
     * ({@code components[1].restrictions.endTime}): a missing type or price, a negative price, more
     * than 5 decimals, an option of another type, invalid restrictions, or two components of one
     * type that would apply at the same moment.
     */
    public List<TariffComponent> componentsChecked() {
        for (int i = 0; i < components.size(); i++) {
            TariffComponent component = components.get(i);
            String field = "components[" + i + "]";
            if (component == null) {
                throw DomainException.invalid(field, "must not be null");
            }
            Optional<RuleViolation> broken = component.violation();
            if (broken.isPresent()) {
                throw invalid(broken.get().under(field));
            }
        }
        TariffTerms.violation(components).ifPresent(broken -> {
            throw invalid(broken);
        });
        return List.copyOf(components);
    }

    private static DomainException invalid(RuleViolation violation) {
        return DomainException.invalid(violation.field(), violation.rule());
    }

    /** The VAT rate as a fraction with at least 2 decimals (0.21, 0.055), 0.21 when left out. */
    public BigDecimal vatRateOrDefault() {
        BigDecimal rate = Optional.ofNullable(vatRate).orElse(DEFAULT_VAT_RATE).stripTrailingZeros();
        return rate.scale() < 2 ? rate.setScale(2) : rate;
    }

    public Instant effectiveFromOrNow() {
        return Optional.ofNullable(effectiveFrom).orElseGet(Instant::now);
    }

    /** The terms of a new tariff of an operator with these user types, checked; throws naming a broken field. */
    public TariffBook.Terms terms(List<String> operatorsUserTypes) {
        return new TariffBook.Terms(name.trim(), userTypesChecked(operatorsUserTypes), siteId, chargerId,
                vatRateOrDefault(), componentsChecked(), effectiveFromOrNow());
    }

    /** The terms of a tariff's next version, checked; user types null when left out (kept). */
    public TariffBook.Terms revisedTerms(List<String> operatorsUserTypes) {
        return new TariffBook.Terms(name.trim(), userTypes == null ? null : userTypesChecked(operatorsUserTypes),
                siteId, chargerId, vatRateOrDefault(), componentsChecked(), effectiveFromOrNow());
    }
}
