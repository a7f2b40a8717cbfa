package org.evsettle.events.invoices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** An invoice was paid in full (or settled by a credit note): what blocked the driver's cards ends. */
public record InvoicePaid(
        UUID invoiceId,
        UUID operatorId,
        UUID driverId,
        String number,
        LocalDate paidOn,
        BigDecimal amountPaid) implements InvoiceEvent {
}
