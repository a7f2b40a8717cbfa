package org.evsettle.invoices;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * What an operator's drivers owe on the operator's today, per currency: the invoices that wait for
 * money and what is outstanding on them, of which overdue, and the open invoices not issued yet.
 */
@ApplicationScoped
public class Receivables {

    /** The amounts of one currency. */
    public record CurrencyTotal(String currency, long receivableInvoices, BigDecimal outstandingAmount,
                                long overdueInvoices, BigDecimal overdueAmount, long openInvoices,
                                BigDecimal openGrossAmount) {
    }

    /** The operator's totals as of a day, one per currency. */
    public record Totals(LocalDate asOf, List<CurrencyTotal> byCurrency) {
    }

    private final EntityManager entityManager;
    private final Clock clock;

    public Receivables(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional
    public Totals of(Operator operator) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT currency,
                               count(*) FILTER (WHERE status IN ('ISSUED', 'PARTIALLY_PAID', 'OVERDUE')),
                               COALESCE(sum(gross_amount - credited_amount - paid_amount)
                                   FILTER (WHERE status IN ('ISSUED', 'PARTIALLY_PAID', 'OVERDUE')), 0),
                               count(*) FILTER (WHERE status = 'OVERDUE'),
                               COALESCE(sum(gross_amount - credited_amount - paid_amount) FILTER (WHERE status = 'OVERDUE'), 0),
                               count(*) FILTER (WHERE status = 'OPEN'),
                               COALESCE(sum(gross_amount) FILTER (WHERE status = 'OPEN'), 0)
                        FROM invoice WHERE operator_id = ?1 AND kind = 'INVOICE' GROUP BY currency ORDER BY currency""")
                .setParameter(1, operator.id)
                .getResultList();
        List<CurrencyTotal> totals = rows.stream().map(row -> new CurrencyTotal((String) row[0],
                ((Number) row[1]).longValue(), money(row[2]), ((Number) row[3]).longValue(), money(row[4]),
                ((Number) row[5]).longValue(), money(row[6]))).toList();
        return new Totals(operator.today(clock), totals);
    }

    private static BigDecimal money(Object value) {
        return value == null ? InvoiceTotals.ZERO : InvoiceTotals.cents(new BigDecimal(value.toString()));
    }
}
