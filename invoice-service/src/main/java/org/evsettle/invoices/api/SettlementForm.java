package org.evsettle.invoices.api;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The outcome of a collection: the invoices whose debit the debtor's bank returned (none when left out). */
public record SettlementForm(
        @Schema(description = "The invoices of the batch whose debit came back; none when left out",
                example = "[\"5b1d3f5a-7c9e-4b2d-8f6a-1e3c5a7b9d0f\"]")
        List<UUID> returned) {
}
