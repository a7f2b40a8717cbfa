package org.evsettle.invoices.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What an operator's drivers owe on a day, per currency: invoices waiting for money and their
 * outstanding total, of which overdue; plus what is still open (not issued yet).
 */
public record ReceivablesView(UUID operatorId, LocalDate asOf, List<CurrencyTotal> totals) {

    /** The amounts of one currency. */
    public record CurrencyTotal(String currency, long receivableInvoices, BigDecimal outstandingAmount,
                                long overdueInvoices, BigDecimal overdueAmount, long openInvoices,
                                BigDecimal openGrossAmount) {
    }
}
