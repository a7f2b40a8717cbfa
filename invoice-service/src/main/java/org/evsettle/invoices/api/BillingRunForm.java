package org.evsettle.invoices.api;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** The period to bill, by its first day (1 March for March with a monthly interval, a Monday for a week). */
public record BillingRunForm(@NotNull LocalDate periodStart) {
}
