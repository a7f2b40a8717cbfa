package org.evsettle.invoices.api;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** The day the bank is to collect on (a future date): invoices due by then are collected. */
public record DirectDebitForm(@NotNull LocalDate collectionDate) {
}
