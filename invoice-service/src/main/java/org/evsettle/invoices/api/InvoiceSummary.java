package org.evsettle.invoices.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.evsettle.invoices.Invoice;
import org.evsettle.invoices.InvoiceStatus;

/** An invoice in a list: who, which period, and its totals; number is null until it is issued. */
public record InvoiceSummary(UUID id, UUID operatorId, UUID driverId, InvoiceStatus status, String number,
                             LocalDate periodStart, LocalDate periodEnd, String currency, int lineCount,
                             BigDecimal netAmount, BigDecimal vatAmount, BigDecimal grossAmount) {

    static InvoiceSummary of(Invoice i) {
        return new InvoiceSummary(i.id, i.operatorId, i.driverId, i.status, i.number, i.periodStart, i.periodEnd,
                i.currency, i.lineCount, i.netAmount, i.vatAmount, i.grossAmount);
    }
}
