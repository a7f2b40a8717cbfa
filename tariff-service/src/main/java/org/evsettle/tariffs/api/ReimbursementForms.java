package org.evsettle.tariffs.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evsettle.tariffs.ReimbursementRates;

/** The bodies of the reimbursement rates' API: a new rate (for a driver or a user type) and a rate's next version. */
public final class ReimbursementForms {

    private ReimbursementForms() {
    }

    /** A new rate: for driverId or for userType, with its first version. */
    public record RateForm(
            @Schema(description = "The employee it reimburses; or give userType",
                    example = "7c9e6679-7425-40de-944b-e07fc1f90ae7") UUID driverId,
            @Schema(description = "The user type it reimburses (an employee's own rate wins); or give driverId",
                    example = "EMPLOYEE") String userType,
            @NotNull @Schema(example = "2026-12-01") LocalDate effectiveFrom,
            @NotNull @Schema(example = "FIXED") ReimbursementRates.Basis basis,
            @DecimalMin("0") @Digits(integer = 3, fraction = 5) @Schema(example = "0.30") BigDecimal pricePerKwh,
            @DecimalMin("0") @Digits(integer = 3, fraction = 5) @Schema(example = "0.35") BigDecimal capPerKwh,
            @DecimalMin("0") @Digits(integer = 7, fraction = 2) @Schema(example = "60.00") BigDecimal monthlyCap,
            @DecimalMin("0") @DecimalMax("1") @Schema(example = "0") BigDecimal vatRate,
            @Schema(example = "false") Boolean correction,
            @Size(max = 500) @Schema(example = "the rate agreed with the works council") String reason) {

        ReimbursementRates.Terms terms() {
            return new VersionForm(effectiveFrom, basis, pricePerKwh, capPerKwh, monthlyCap, vatRate, correction,
                    reason).terms();
        }
    }

    /**
     * A version: from effectiveFrom (a date in the operator's zone; not before today unless correction, with a
     * reason); FIXED at pricePerKwh, or CONTRACT at the prices of the employee's energy contract in force on the
     * session's day, each at most capPerKwh; monthlyCap caps an employee's month; vatRate
     * 0 (left out) unless the company bills itself for a VAT-registered employee.
     */
    public record VersionForm(
            @NotNull @Schema(example = "2026-12-01") LocalDate effectiveFrom,
            @NotNull @Schema(example = "FIXED") ReimbursementRates.Basis basis,
            @DecimalMin("0") @Digits(integer = 3, fraction = 5) @Schema(example = "0.30") BigDecimal pricePerKwh,
            @DecimalMin("0") @Digits(integer = 3, fraction = 5) @Schema(example = "0.35") BigDecimal capPerKwh,
            @DecimalMin("0") @Digits(integer = 7, fraction = 2) @Schema(example = "60.00") BigDecimal monthlyCap,
            @DecimalMin("0") @DecimalMax("1") @Schema(example = "0") BigDecimal vatRate,
            @Schema(example = "false") Boolean correction,
            @Size(max = 500) @Schema(example = "the rate agreed with the works council") String reason) {

        ReimbursementRates.Terms terms() {
            return new ReimbursementRates.Terms(effectiveFrom, basis, pricePerKwh, capPerKwh, monthlyCap, vatRate,
                    Boolean.TRUE.equals(correction), reason);
        }
    }
}
