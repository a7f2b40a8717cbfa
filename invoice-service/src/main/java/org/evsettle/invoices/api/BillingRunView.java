package org.evsettle.invoices.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.evsettle.invoices.BillingRun;

/**
 * A billing run and what it issued: invoices (with their first and last number and gross total),
 * statements, periods closed without a document, and invoices held because their driver is unknown.
 */
public record BillingRunView(UUID id, UUID operatorId, LocalDate periodStart, LocalDate periodEnd,
                             BillingRun.Trigger trigger, BillingRun.Status status, Instant startedAt,
                             Instant completedAt, int invoicesIssued, int statementsIssued, int closedUnbilled,
                             int held, BigDecimal grossAmount, String firstNumber, String lastNumber) {

    static BillingRunView of(BillingRun r) {
        return new BillingRunView(r.id, r.operatorId, r.periodStart, r.periodEnd, r.trigger, r.status, r.startedAt,
                r.completedAt, r.invoicesIssued, r.statementsIssued, r.closedUnbilled, r.held, r.grossAmount,
                r.firstNumber, r.lastNumber);
    }
}
