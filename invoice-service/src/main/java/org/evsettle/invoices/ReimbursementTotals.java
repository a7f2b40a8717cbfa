package org.evsettle.invoices;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * What an operator reimbursed per employee and calendar month (in its zone), for its payroll or bookkeeping: the
 * sessions, energy and amount on its reimbursement statements, after monthly caps and with corrections netted (a
 * session taken back and paid again counts once).
 */
@ApplicationScoped
public class ReimbursementTotals {

    private final EntityManager entityManager;

    public ReimbursementTotals(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One employee's month. */
    public record Total(UUID driverId, String driverName, String month, long sessions, long energyWh,
                        BigDecimal amount, String currency) {
    }

    /** The months from..to (both inclusive), by month then employee name. */
    @SuppressWarnings("unchecked")
    public List<Total> of(UUID operatorId, YearMonth from, YearMonth to) {
        String zone = Operator.zoneOf(operatorId).getId();
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT i.driver_id, d.name, to_char(l.started_at AT TIME ZONE ?2, 'YYYY-MM') AS month,
                               count(*) FILTER (WHERE l.kind = 'CHARGE')
                                 - count(*) FILTER (WHERE l.kind = 'ADJUSTMENT' AND l.session_id IS NOT NULL),
                               coalesce(sum(l.energy_wh), 0), sum(l.gross_amount), i.currency
                        FROM invoice i JOIN invoice_line l ON l.invoice_id = i.id LEFT JOIN driver d ON d.id = i.driver_id
                        WHERE i.operator_id = ?1 AND i.kind = 'REIMBURSEMENT'
                          AND to_char(l.started_at AT TIME ZONE ?2, 'YYYY-MM') BETWEEN ?3 AND ?4
                        GROUP BY i.driver_id, d.name, month, i.currency
                        ORDER BY month, d.name, i.driver_id""")
                .setParameter(1, operatorId)
                .setParameter(2, zone)
                .setParameter(3, from.toString())
                .setParameter(4, to.toString())
                .getResultList();
        return rows.stream().map(r -> new Total(r[0] instanceof UUID id ? id : UUID.fromString(r[0].toString()),
                (String) r[1], (String) r[2], ((Number) r[3]).longValue(), ((Number) r[4]).longValue(),
                InvoiceTotals.cents((BigDecimal) r[5]), (String) r[6])).toList();
    }
}
