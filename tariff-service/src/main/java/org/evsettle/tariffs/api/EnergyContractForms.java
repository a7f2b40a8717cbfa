package org.evsettle.tariffs.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evsettle.tariffs.EnergyContracts;

/** The bodies of the energy contracts' API: a new contract, and a contract's end. */
public final class EnergyContractForms {

    private EnergyContractForms() {
    }

    /**
     * A contract as the energy bill states it: prices incl. VAT, at most 2 per kWh; a night price from nightStart
     * (default 23:00) to nightEnd (default 07:00), weekends wholly at it when weekendsAtNightPrice; valid from
     * validFrom to validTo, both included, open while validTo is left out.
     */
    public record ContractForm(
            @NotBlank @Size(max = 100) @Schema(example = "Vattenfall") String supplier,
            @NotNull @Schema(example = "2026-07-01") LocalDate validFrom,
            @Schema(example = "2027-06-30") LocalDate validTo,
            @NotNull @DecimalMin("0") @DecimalMax("2") @Digits(integer = 1, fraction = 5) @Schema(example = "0.31")
            BigDecimal dayPricePerKwh,
            @DecimalMin("0") @DecimalMax("2") @Digits(integer = 1, fraction = 5) @Schema(example = "0.24")
            BigDecimal nightPricePerKwh,
            @Schema(example = "23:00") LocalTime nightStart,
            @Schema(example = "07:00") LocalTime nightEnd,
            @Schema(example = "true") Boolean weekendsAtNightPrice) {

        EnergyContracts.Terms terms() {
            return new EnergyContracts.Terms(supplier, validFrom, validTo, dayPricePerKwh, nightPricePerKwh,
                    nightStart, nightEnd, Boolean.TRUE.equals(weekendsAtNightPrice));
        }
    }

    /** A contract's last day (included); null opens it again. */
    public record EndForm(@Schema(example = "2027-03-31") LocalDate validTo) {
    }
}
