package org.evsettle.invoices.api;

import java.util.List;
import java.util.UUID;

/** The outcome of a collection: the invoices whose debit the debtor's bank returned (none when left out). */
public record SettlementForm(List<UUID> returned) {
}
