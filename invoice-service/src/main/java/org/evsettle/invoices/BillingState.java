package org.evsettle.invoices;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * How far each operator has been billed. A session that started on or before that date goes on the
 * invoice of the next period that is still open, labelled with its own dates. Placing a session reads
 * the row FOR SHARE and a billing run raises it FOR UPDATE before it issues anything, so once a run has
 * begun no line can reach an invoice of the periods it bills.
 */
@ApplicationScoped
public class BillingState {

    private final EntityManager entityManager;

    public BillingState(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The last billed day, read under a share lock held to the end of the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<LocalDate> billedThrough(UUID operatorId) {
        entityManager.createNativeQuery("INSERT INTO billing_state (operator_id) VALUES (?1) ON CONFLICT DO NOTHING")
                .setParameter(1, operatorId)
                .executeUpdate();
        List<?> rows = entityManager.createNativeQuery(
                        "SELECT billed_through FROM billing_state WHERE operator_id = ?1 FOR SHARE")
                .setParameter(1, operatorId)
                .getResultList();
        return rows.stream().filter(Objects::nonNull).findFirst().map(BillingState::date);
    }

    /** The last billed day without a lock, for reading. */
    public Optional<LocalDate> peek(UUID operatorId) {
        List<?> rows = entityManager.createNativeQuery("SELECT billed_through FROM billing_state WHERE operator_id = ?1")
                .setParameter(1, operatorId)
                .getResultList();
        return rows.stream().filter(Objects::nonNull).findFirst().map(BillingState::date);
    }

    /** Moves the billed date forward to through (never back); waits for sessions being placed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void advance(UUID operatorId, LocalDate through) {
        entityManager.createNativeQuery("""
                        INSERT INTO billing_state (operator_id, billed_through) VALUES (?1, ?2)
                        ON CONFLICT (operator_id) DO UPDATE
                        SET billed_through = GREATEST(COALESCE(billing_state.billed_through, EXCLUDED.billed_through),
                                                      EXCLUDED.billed_through)""")
                .setParameter(1, operatorId)
                .setParameter(2, Date.valueOf(through))
                .executeUpdate();
    }

    private static LocalDate date(Object value) {
        return value instanceof Date sql ? sql.toLocalDate() : (LocalDate) value;
    }
}
