package org.evsettle.invoices;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.evsettle.invoices.config.RetentionConfig;

/**
 * Removes issued documents once the law no longer asks to keep them (docs/privacy.md): an invoice or
 * statement, together with the credit notes of it, with their lines, payments, reminders, mails,
 * direct debits and audit entries. A document is kept for the years of its supplier's country, counted from the end of
 * the year it was issued in: 7 in the Netherlands (AWR art. 52), 10 in Belgium (WBTW art. 60) and,
 * to be safe, anywhere else; an invoice goes only when every credit note of it is due too. Safe on
 * several replicas: each batch is claimed with FOR UPDATE SKIP LOCKED; idempotent: what is gone is
 * not found again.
 */
@ApplicationScoped
public class InvoiceRetention {

    /** Years an issued document is kept after the end of its year of issue, by the supplier's country. */
    static final Map<String, Integer> YEARS_BY_COUNTRY = Map.of("NL", 7, "BE", 10);
    static final int YEARS_ELSEWHERE = 10;

    private final EntityManager entityManager;
    private final RetentionConfig config;
    private final Clock clock;

    public InvoiceRetention(EntityManager entityManager, RetentionConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "invoice-retention", every = "${evsettle.retention.every}", delayed = "90s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        removeExpired();
    }

    /** The first day a document issued on this date in this supplier country may be removed. */
    public static LocalDate removableFrom(LocalDate issueDate, String countryCode) {
        int years = countryCode == null ? YEARS_ELSEWHERE : YEARS_BY_COUNTRY.getOrDefault(countryCode, YEARS_ELSEWHERE);
        return LocalDate.of(issueDate.getYear() + 1 + years, 1, 1);
    }

    /** Removes every document past its retention now, a batch per transaction; returns how many it removed. */
    public int removeExpired() {
        // UTC's date is never ahead of Amsterdam's or Brussels': nothing goes before its day in the supplier's zone
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        int removed = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> removeBatch(today));
            removed += batch;
        } while (batch > 0);
        if (removed > 0) {
            Log.infof("Retention removed %d documents past their retention period", removed);
        }
        return removed;
    }

    private int removeBatch(LocalDate today) {
        List<UUID> roots = ids(entityManager.createNativeQuery("""
                        SELECT i.id FROM invoice i
                        WHERE i.issue_date IS NOT NULL AND i.credits_invoice_id IS NULL AND %1$s <= ?1
                          AND NOT EXISTS (SELECT 1 FROM invoice c WHERE c.credits_invoice_id = i.id
                                          AND (c.issue_date IS NULL OR %2$s > ?1))
                        ORDER BY i.issue_date LIMIT ?2 FOR UPDATE SKIP LOCKED"""
                        .formatted(removableFrom("i"), removableFrom("c")))
                .setParameter(1, Date.valueOf(today))
                .setParameter(2, config.batchSize())
                .getResultList());
        if (roots.isEmpty()) {
            return 0;
        }
        List<UUID> documents = ids(entityManager.createNativeQuery(
                        "SELECT id FROM invoice WHERE id IN (?1) OR credits_invoice_id IN (?1) FOR UPDATE")
                .setParameter(1, roots).getResultList());
        String lines = "SELECT id FROM invoice_line WHERE invoice_id IN (?1)";
        execute("DELETE FROM invoice_line_component WHERE invoice_line_id IN (" + lines + ")", documents);
        execute("DELETE FROM invoice_line WHERE invoice_id IN (?1) AND credits_line_id IS NOT NULL", documents);
        execute("DELETE FROM invoice_line WHERE invoice_id IN (?1)", documents);
        execute("DELETE FROM invoice_vat_subtotal WHERE invoice_id IN (?1)", documents);
        execute("DELETE FROM invoice_reminder WHERE invoice_id IN (?1)", documents);
        execute("DELETE FROM document_mail WHERE invoice_id IN (?1)", documents);
        // the audit trail's entries of these documents and their payments go with them
        execute("""
                DELETE FROM audit_entry WHERE (entity_type IN ('Invoice', 'CreditNote') AND entity_id IN
                    (SELECT id::text FROM invoice WHERE id IN (?1)))
                 OR (entity_type = 'Payment' AND entity_id IN (SELECT id::text FROM payment WHERE invoice_id IN (?1)))""", documents);
        execute("DELETE FROM payment WHERE invoice_id IN (?1)", documents);
        execute("DELETE FROM direct_debit WHERE invoice_id IN (?1)", documents);
        execute("DELETE FROM payout WHERE invoice_id IN (?1)", documents);
        entityManager.createNativeQuery("""
                DELETE FROM payout_batch b WHERE NOT EXISTS (SELECT 1 FROM payout p WHERE p.batch_id = b.id)""")
                .executeUpdate();
        entityManager.createNativeQuery("""
                DELETE FROM direct_debit_batch b WHERE NOT EXISTS (SELECT 1 FROM direct_debit d WHERE d.batch_id = b.id)""")
                .executeUpdate();
        execute("DELETE FROM invoice WHERE id IN (?1) AND credits_invoice_id IS NOT NULL", documents);
        execute("DELETE FROM invoice WHERE id IN (?1)", documents);
        Log.debugf("Retention removed documents %s", documents);
        return documents.size();
    }

    /** The SQL of the first day the document aliased so may be removed, by {@link #YEARS_BY_COUNTRY}. */
    private static String removableFrom(String alias) {
        String country = "(%s.supplier::jsonb #>> '{address,countryCode}')".formatted(alias);
        String years = YEARS_BY_COUNTRY.entrySet().stream()
                .map(entry -> "WHEN '" + entry.getKey() + "' THEN " + entry.getValue())
                .collect(Collectors.joining(" ", "CASE " + country + " ", " ELSE " + YEARS_ELSEWHERE + " END"));
        return "make_date(extract(year FROM %s.issue_date)::int + 1 + %s, 1, 1)".formatted(alias, years);
    }

    private void execute(String sql, List<UUID> documents) {
        entityManager.createNativeQuery(sql).setParameter(1, documents).executeUpdate();
    }

    private static List<UUID> ids(List<?> rows) {
        return rows.stream().map(id -> id instanceof UUID uuid ? uuid : UUID.fromString(id.toString())).toList();
    }
}
