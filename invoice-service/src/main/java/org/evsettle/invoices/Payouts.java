package org.evsettle.invoices;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.evsettle.invoices.documents.Pain001;
import org.evsettle.invoices.messaging.InvoicePublisher;
import org.evsettle.kit.api.DomainException;

/**
 * Pays reimbursement statements out (docs/companies.md): a batch takes every ISSUED reimbursement statement of the
 * operator that no batch holds yet, with an amount above zero and the employee's payout IBAN (the others are named
 * as skipped, with why), into one pain.001.001.09 credit transfer from the operator's account, the statement's
 * number as remittance. Statements are picked with SKIP LOCKED and a statement is paid out once (unique), so
 * concurrent batches never share one. A batch marked executed makes its statements PAID; marking it again changes
 * nothing.
 */
@ApplicationScoped
public class Payouts {

    private final EntityManager entityManager;
    private final InvoicePublisher publisher;
    private final Clock clock;

    public Payouts(EntityManager entityManager, InvoicePublisher publisher, Clock clock) {
        this.entityManager = entityManager;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** A statement left out of a batch, and why. */
    public record Skipped(UUID invoiceId, String number, String reason) {
    }

    /** A new batch and the statements it left out. */
    public record Created(PayoutBatch batch, List<Skipped> skipped) {
    }

    @Transactional
    public Created create(UUID operatorId, LocalDate executionDate) {
        Operator operator = Operator.<Operator>findByIdOptional(operatorId)
                .orElseThrow(() -> DomainException.notFound("Operator", operatorId));
        if (operator.iban == null || operator.iban.isBlank()) {
            throw DomainException.conflict("The operator has no IBAN to pay from");
        }
        @SuppressWarnings("unchecked")
        List<Object> picked = entityManager.createNativeQuery("""
                        SELECT i.id FROM invoice i
                        WHERE i.operator_id = ?1 AND i.kind = 'REIMBURSEMENT' AND i.status = 'ISSUED'
                          AND NOT EXISTS (SELECT 1 FROM payout p WHERE p.invoice_id = i.id)
                        ORDER BY i.issue_date, i.number
                        FOR UPDATE OF i SKIP LOCKED""")
                .setParameter(1, operatorId)
                .getResultList();
        List<UUID> ids = picked.stream().map(id -> id instanceof UUID uuid ? uuid : UUID.fromString(id.toString()))
                .toList();
        List<Invoice> statements = ids.isEmpty() ? List.of() : Invoice.<Invoice>list("id in ?1 order by issueDate, number", ids);
        Map<UUID, Driver> drivers = statements.isEmpty() ? Map.of() : Driver.<Driver>list("id in ?1",
                statements.stream().map(s -> s.driverId).distinct().toList()).stream()
                .collect(Collectors.toMap(d -> d.id, Function.identity()));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        PayoutBatch batch = new PayoutBatch();
        batch.id = UUID.randomUUID();
        batch.operatorId = operatorId;
        batch.messageId = "PAYOUT-" + batch.id.toString().replace("-", "").substring(0, 20).toUpperCase();
        batch.status = PayoutBatch.Status.CREATED;
        batch.currency = "EUR";
        batch.createdAt = now;
        batch.executionDate = executionDate != null ? executionDate : operator.today(now).plusDays(1);
        List<Skipped> skipped = new ArrayList<>();
        for (Invoice statement : statements) {
            Driver driver = drivers.get(statement.driverId);
            String reason = statement.grossAmount.signum() <= 0 ? "nothing to pay out"
                    : !"EUR".equals(statement.currency) ? "not in euro"
                    : driver == null || driver.payoutIban == null || driver.payoutIban.isBlank()
                    ? "the employee has no payout IBAN" : null;
            if (reason != null) {
                skipped.add(new Skipped(statement.id, statement.number, reason));
                continue;
            }
            Payout payout = new Payout();
            payout.id = UUID.randomUUID();
            payout.batch = batch;
            payout.invoiceId = statement.id;
            payout.position = batch.payouts.size() + 1;
            payout.driverId = driver.id;
            payout.number = statement.number;
            payout.name = driver.name;
            payout.iban = driver.payoutIban;
            payout.amount = statement.grossAmount;
            payout.endToEndId = statement.number;
            batch.payouts.add(payout);
        }
        if (batch.payouts.isEmpty()) {
            throw DomainException.conflict("No issued reimbursement statement of the operator is waiting to be paid out"
                    + (skipped.isEmpty() ? "" : " (" + skipped.size() + " cannot be: " + skipped.get(0).reason() + ")"));
        }
        batch.transactionCount = batch.payouts.size();
        batch.controlSum = batch.payouts.stream().map(p -> p.amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        batch.document = Pain001.write(new Pain001.Batch(batch.messageId, now, operator.legalName, operator.iban,
                operator.bic, batch.executionDate, batch.payouts.stream()
                .map(p -> new Pain001.Transfer(p.endToEndId, p.amount, p.name, p.iban,
                        "Reimbursement statement " + p.number))
                .toList()));
        batch.persist();
        Log.infof("Payout batch %s of operator %s: %d statements, %s EUR, %d skipped", batch.messageId, operatorId,
                batch.transactionCount, batch.controlSum, skipped.size());
        return new Created(batch, skipped);
    }

    /** The batch was carried out by the bank on that day: its statements are PAID. Idempotent. */
    @Transactional
    public PayoutBatch executed(UUID batchId, java.util.function.Predicate<UUID> administers, LocalDate on) {
        PayoutBatch batch = of(batchId, administers, LockModeType.PESSIMISTIC_WRITE);
        if (batch.status == PayoutBatch.Status.EXECUTED) {
            return batch;
        }
        batch.status = PayoutBatch.Status.EXECUTED;
        batch.executedOn = on;
        for (Payout payout : batch.payouts) {
            Invoice statement = Invoice.lock(payout.invoiceId).orElseThrow();
            if (statement.status == InvoiceStatus.ISSUED) {
                statement.paidOut(on);
                publisher.changed(statement);
            }
        }
        return batch;
    }

    /** A batch the caller may administer, else 404. */
    public static PayoutBatch of(UUID batchId, java.util.function.Predicate<UUID> administers, LockModeType lock) {
        return PayoutBatch.<PayoutBatch>findByIdOptional(batchId, lock).filter(b -> administers.test(b.operatorId))
                .orElseThrow(() -> DomainException.notFound("Payout batch", batchId));
    }
}
