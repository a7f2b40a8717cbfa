package org.evsettle.invoices.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an operator stops collecting an invoice. */
public record WriteOffForm(@NotBlank @Size(max = 500) String reason) {
}
