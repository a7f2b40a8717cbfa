package org.evsettle.events.invoices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A credit note that cancels (all or part of) an issued invoice; keyed by the credited invoice so it
 * stays in order with that invoice's events. Amounts are positive and credited.
 */
public record CreditNoteIssued(
        UUID invoiceId,
        UUID creditNoteId,
        UUID operatorId,
        UUID driverId,
        String number,
        String creditedInvoiceNumber,
        LocalDate issueDate,
        BigDecimal netAmount,
        BigDecimal vatAmount,
        BigDecimal grossAmount,
        String reason) implements InvoiceEvent {
}
