package org.evsettle.invoices.api;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The day the bank is to collect on (a future date): invoices due by then are collected. */
@Schema(description = "The collection date of a new batch", example = "{\"collectionDate\": \"2026-03-20\"}")
public record DirectDebitForm(
        @NotNull
        @Schema(description = "The collection date, after the operator's today; invoices due by then are collected",
                example = "2026-03-20")
        LocalDate collectionDate) {
}
