package org.evsettle.invoices.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment an admin registers: how much, when it came in (not after today), and the bank's reference. */
public record PaymentForm(
        @NotNull @DecimalMin(value = "0.01", message = "must be at least 0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
        @NotNull LocalDate paidOn,
        @Size(max = 200) String reference) {
}
