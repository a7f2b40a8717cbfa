package org.evsettle.invoices.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why an operator stops collecting an invoice. */
public record WriteOffForm(
        @NotBlank @Size(max = 500)
        @Schema(description = "Why the invoice is given up", example = "Moved abroad, unreachable")
        String reason) {
}
