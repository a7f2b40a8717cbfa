package org.evsettle.invoices.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A credit an operator grants on an invoice: why, and which sessions (all not yet credited when left out). */
public record CreditNoteForm(
        @NotBlank @Size(max = 500)
        @Schema(description = "Why the credit is granted; printed on the credit note", example = "Charger out of order")
        String reason,
        @Schema(description = "The sessions of the invoice to credit; every session not credited yet when left out",
                example = "[\"3c1e5a7b-9d0f-4b2d-8f6a-1e3c5a7b9d0f\"]")
        List<UUID> sessionIds) {
}
