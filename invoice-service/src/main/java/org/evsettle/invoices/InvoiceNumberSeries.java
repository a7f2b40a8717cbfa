package org.evsettle.invoices;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.UUID;

/**
 * The gap-free numbering of an operator's documents, one counter per series and year of issue
 * (PREFIX-2026-000123; statements PREFIX-S-2026-000007; reimbursement statements PREFIX-R-2026-000002). Numbers are taken by raising the counter row in
 * the transaction that stores the numbered documents: the row lock makes concurrent issuers wait their
 * turn, and a rollback (a crash, a conflict) hands the numbers back, so none is skipped or used twice.
 */
@ApplicationScoped
public class InvoiceNumberSeries {

    /** The series of an operator: invoices and credit notes share one, as the law asks of corrections. */
    public enum Series {
        INVOICE(""), STATEMENT("S-"), REIMBURSEMENT("R-");

        private final String marker;

        Series(String marker) {
            this.marker = marker;
        }
    }

    private final EntityManager entityManager;

    public InvoiceNumberSeries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Takes the next count numbers of the series for the year; returns the first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long take(UUID operatorId, Series series, int year, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("Take at least one number, not " + count);
        }
        Number last = (Number) entityManager.createNativeQuery("""
                        INSERT INTO number_series (operator_id, series, year, last_value) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (operator_id, series, year)
                        DO UPDATE SET last_value = number_series.last_value + EXCLUDED.last_value
                        RETURNING last_value""")
                .setParameter(1, operatorId)
                .setParameter(2, series.name())
                .setParameter(3, year)
                .setParameter(4, (long) count)
                .getSingleResult();
        return last.longValue() - count + 1;
    }

    /** The printed number: prefix, series marker, year and the sequence in at least six digits. */
    public static String format(String prefix, Series series, int year, long sequence) {
        return prefix + "-" + series.marker + year + "-" + String.format(Locale.ROOT, "%06d", sequence);
    }
}
