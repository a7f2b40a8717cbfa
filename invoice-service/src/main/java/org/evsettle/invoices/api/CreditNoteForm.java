package org.evsettle.invoices.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** A credit an operator grants on an invoice: why, and which sessions (all not yet credited when left out). */
public record CreditNoteForm(@NotBlank @Size(max = 500) String reason, List<UUID> sessionIds) {
}
