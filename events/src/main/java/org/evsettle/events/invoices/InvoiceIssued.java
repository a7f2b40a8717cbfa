package org.evsettle.events.invoices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An invoice got its number and was issued: from now on it never changes. paymentReference is the
 * structured reference the driver pays with.
 */
public record InvoiceIssued(
        UUID invoiceId,
        UUID operatorId,
        UUID driverId,
        String number,
        LocalDate issueDate,
        LocalDate dueDate,
        LocalDate periodStart,
        LocalDate periodEnd,
        String currency,
        BigDecimal netAmount,
        BigDecimal vatAmount,
        BigDecimal grossAmount,
        String paymentReference) implements InvoiceEvent {
}
