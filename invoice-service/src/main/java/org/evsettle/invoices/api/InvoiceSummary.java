package org.evsettle.invoices.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.evsettle.invoices.DocumentKind;
import org.evsettle.invoices.Invoice;
import org.evsettle.invoices.InvoiceStatus;

/**
 * A document in a list: who, which period, its totals and where its money stands; number, dates and
 * reference are null until it is issued.
 */
public record InvoiceSummary(UUID id, DocumentKind kind, UUID operatorId, UUID driverId, InvoiceStatus status,
                             String number, LocalDate periodStart, LocalDate periodEnd, LocalDate issueDate,
                             LocalDate dueDate, String currency, int lineCount, BigDecimal netAmount,
                             BigDecimal vatAmount, BigDecimal grossAmount, BigDecimal paidAmount,
                             BigDecimal creditedAmount, BigDecimal outstandingAmount, String paymentReference,
                             UUID creditsInvoiceId, String creditsInvoiceNumber) {

    static InvoiceSummary of(Invoice i) {
        return new InvoiceSummary(i.id, i.kind, i.operatorId, i.driverId, i.status, i.number, i.periodStart, i.periodEnd,
                i.issueDate, i.dueDate, i.currency, i.lineCount, i.netAmount, i.vatAmount, i.grossAmount, i.paidAmount,
                i.creditedAmount, i.outstanding(), i.paymentReference, i.creditsInvoiceId, i.creditsInvoiceNumber);
    }
}
