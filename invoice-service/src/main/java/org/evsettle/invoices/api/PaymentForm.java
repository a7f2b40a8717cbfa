package org.evsettle.invoices.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A payment an admin registers: how much, when it came in (not after today), and the bank's reference. */
@Schema(description = "A payment received",
        example = "{\"amount\": 12.10, \"paidOn\": \"2026-03-05\", \"reference\": \"NL44RABO0123456789 / 2026-03-05\"}")
public record PaymentForm(
        @NotNull @DecimalMin(value = "0.01", message = "must be at least 0.01") @Digits(integer = 12, fraction = 2)
        @Schema(description = "The amount received, in the invoice's currency, at most what is outstanding",
                example = "12.10")
        BigDecimal amount,
        @NotNull
        @Schema(description = "The day the money came in, not after the operator's today", example = "2026-03-05")
        LocalDate paidOn,
        @Size(max = 200)
        @Schema(description = "The bank's reference of the transfer", example = "NL44RABO0123456789 / 2026-03-05")
        String reference) {
}
