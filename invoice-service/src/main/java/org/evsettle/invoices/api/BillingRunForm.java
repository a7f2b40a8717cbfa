package org.evsettle.invoices.api;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The period to bill, by its first day (1 March for March with a monthly interval, a Monday for a week). */
@Schema(description = "The period to bill", example = "{\"periodStart\": \"2026-03-01\"}")
public record BillingRunForm(
        @NotNull
        @Schema(description = "The first day of one of the operator's billing periods", example = "2026-03-01")
        LocalDate periodStart) {
}
