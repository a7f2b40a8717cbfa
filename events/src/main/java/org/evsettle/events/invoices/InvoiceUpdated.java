package org.evsettle.events.invoices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The state of an invoice after a change: status OPEN while sessions are still added for the period,
 * later ISSUED, PARTIALLY_PAID, PAID, OVERDUE, CREDITED or WRITTEN_OFF; number is set once issued. Amounts are totals in currency;
 * the period is inclusive, in the operator's time zone. revision rises with every change.
 */
public record InvoiceUpdated(
        UUID invoiceId,
        long revision,
        UUID operatorId,
        UUID driverId,
        String status,
        String number,
        LocalDate periodStart,
        LocalDate periodEnd,
        String currency,
        int lineCount,
        BigDecimal netAmount,
        BigDecimal vatAmount,
        BigDecimal grossAmount) implements InvoiceEvent {
}
