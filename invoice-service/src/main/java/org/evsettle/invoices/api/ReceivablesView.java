package org.evsettle.invoices.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evsettle.invoices.Receivables;

/**
 * What an operator's drivers owe on a day, per currency: invoices waiting for money and their
 * outstanding total, of which overdue; plus what is still open (not issued yet).
 */
public record ReceivablesView(UUID operatorId,
                              @Schema(description = "The operator's today, in its time zone") LocalDate asOf,
                              List<CurrencyTotal> totals) {

    /** The amounts of one currency. */
    public record CurrencyTotal(String currency, long receivableInvoices, BigDecimal outstandingAmount,
                                long overdueInvoices, BigDecimal overdueAmount, long openInvoices,
                                BigDecimal openGrossAmount) {
        static CurrencyTotal of(Receivables.CurrencyTotal t) {
            return new CurrencyTotal(t.currency(), t.receivableInvoices(), t.outstandingAmount(), t.overdueInvoices(),
                    t.overdueAmount(), t.openInvoices(), t.openGrossAmount());
        }
    }

    static ReceivablesView of(UUID operatorId, Receivables.Totals totals) {
        return new ReceivablesView(operatorId, totals.asOf(), totals.byCurrency().stream().map(CurrencyTotal::of).toList());
    }
}
