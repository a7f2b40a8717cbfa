package org.evsettle.invoices;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.evsettle.events.registry.SepaMandate;
import org.evsettle.invoices.documents.Pain008;
import org.evsettle.kit.api.DomainException;

/**
 * Collects invoices by SEPA Core direct debit: a batch per operator and collection date holds every
 * EUR invoice due by that date of a driver with a mandate, at what is outstanding, FRST for a mandate's
 * first collection and RCUR after. A mandate unused for 36 months has lapsed and is not collected on. An
 * invoice is in one pending batch at most; when the operator reports the outcome, the collected invoices
 * are paid and the returned ones are chased again.
 */
@ApplicationScoped
public class DirectDebits {

    /** A mandate lapses when it was not used for this long (EPC SDD Core rulebook). */
    static final int LAPSE_MONTHS = 36;

    private final Payments payments;
    private final Clock clock;

    public DirectDebits(Payments payments, Clock clock) {
        this.payments = payments;
        this.clock = clock;
    }

    /** An invoice that could have been collected but was not, and why. */
    public record Skipped(UUID invoiceId, String number, String reason) {
    }

    /** A new batch, its debits and what it left out. */
    public record Created(DirectDebitBatch batch, List<DirectDebit> debits, List<Skipped> skipped) {
    }

    /**
     * Makes the batch for a collection date after the operator's today (400 otherwise: a SEPA Core debit
     * reaches the bank at least a business day ahead); 422 without a creditor identifier, an IBAN to
     * collect into, or anything to collect.
     */
    @Transactional
    public Created create(Operator operator, LocalDate collectionDate) {
        if (!collectionDate.isAfter(operator.today(clock))) {
            throw DomainException.invalid("collectionDate", "must be a future date: a SEPA Core debit reaches the bank"
                    + " at least one business day ahead");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        CollectionSettings settings = CollectionSettings.<CollectionSettings>findByIdOptional(operator.id)
                .orElseThrow(() -> DomainException.unprocessable(
                        "Operator " + operator.id + " has no SEPA creditor identifier; set it in its collection settings"));
        if (operator.iban == null || operator.iban.isBlank()) {
            throw DomainException.unprocessable("Operator " + operator.id + " has no IBAN to collect into");
        }
        Set<UUID> pending = new HashSet<>(DirectDebit.<DirectDebit>list("state", DirectDebit.State.PENDING).stream()
                .map(d -> d.invoiceId).toList());
        List<Invoice> due = Invoice.list("operatorId = ?1 and kind = ?2 and status in ?3 and currency = 'EUR'"
                        + " and dueDate <= ?4 order by number", operator.id, DocumentKind.INVOICE, InvoiceStatus.RECEIVABLE,
                collectionDate);
        UUID batchId = UUID.randomUUID();
        String messageId = "EVS" + batchId.toString().replace("-", "");
        List<DirectDebit> debits = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        List<Pain008.Debit> instructions = new ArrayList<>();
        for (Invoice candidate : due) {
            Optional<SepaMandate> mandate = Optional.ofNullable(Driver.<Driver>findById(candidate.driverId))
                    .flatMap(Driver::mandate);
            if (mandate.isEmpty() || pending.contains(candidate.id)) {
                continue;
            }
            Invoice invoice = Invoice.lock(candidate.id).orElseThrow();
            String refusal = refusal(operator.id, invoice, mandate.get(), collectionDate);
            if (refusal != null) {
                skipped.add(new Skipped(invoice.id, invoice.number, refusal));
                continue;
            }
            DirectDebit debit = new DirectDebit();
            debit.batchId = batchId;
            debit.invoiceId = invoice.id;
            debit.endToEndId = Pain008.sepaId(invoice.number);
            debit.mandateId = mandate.get().mandateId();
            debit.mandateSignedOn = mandate.get().signedOn();
            Driver driver = Driver.findById(invoice.driverId);
            debit.debtorName = invoice.customer != null ? invoice.customer.billedName() : driver.name;
            debit.debtorIban = mandate.get().iban();
            debit.amount = invoice.outstanding();
            debit.sequenceType = usedBefore(operator.id, debit.mandateId) ? DirectDebit.Sequence.RCUR
                    : DirectDebit.Sequence.FRST;
            debit.state = DirectDebit.State.PENDING;
            debits.add(debit);
            instructions.add(new Pain008.Debit(debit.endToEndId, debit.amount, debit.sequenceType.name(), debit.mandateId,
                    debit.mandateSignedOn, debit.debtorName, debit.debtorIban, mandate.get().bic(),
                    invoice.paymentReference, "Invoice " + invoice.number));
        }
        if (debits.isEmpty()) {
            throw DomainException.unprocessable("Nothing to collect on " + collectionDate + ": no EUR invoice due by then"
                    + " of a driver with a valid mandate" + (skipped.isEmpty() ? "" : " (" + skipped.size() + " skipped)"));
        }
        DirectDebitBatch batch = new DirectDebitBatch();
        batch.id = batchId;
        batch.operatorId = operator.id;
        batch.messageId = messageId;
        batch.collectionDate = collectionDate;
        batch.createdAt = now;
        batch.status = DirectDebitBatch.Status.SUBMITTED;
        batch.transactionCount = debits.size();
        batch.controlSum = debits.stream().map(d -> d.amount).reduce(InvoiceTotals.ZERO, BigDecimal::add);
        batch.document = Pain008.write(new Pain008.Batch(messageId, now, operator.legalName, operator.iban, operator.bic,
                CollectionSettings.normalize(settings.creditorId), collectionDate, instructions));
        batch.persist();
        debits.forEach(d -> d.persist());
        Log.infof("Direct debit batch %s for operator %s: %d debits, %s EUR, collected on %s", messageId, operator.id,
                debits.size(), batch.controlSum, collectionDate);
        return new Created(batch, debits, skipped);
    }

    /** Sets the creditor identifier the operator collects with; 400 when it is not a valid one. */
    @Transactional
    public CollectionSettings collectWith(UUID operatorId, String creditorId) {
        return CollectionSettings.save(operatorId, creditorId, clock.instant());
    }

    /** Books the outcome: every debit not returned is paid on the collection date. */
    @Transactional
    public List<Skipped> settle(DirectDebitBatch batch, Collection<UUID> returned) {
        if (batch.status != DirectDebitBatch.Status.SUBMITTED) {
            throw DomainException.conflict("Batch " + batch.messageId + " is settled already");
        }
        List<DirectDebit> debits = DirectDebit.of(batch.id);
        Set<UUID> inBatch = new HashSet<>(debits.stream().map(d -> d.invoiceId).toList());
        for (UUID id : returned) {
            if (!inBatch.contains(id)) {
                throw DomainException.invalid("returned", "names invoice " + id + ", which is not in this batch");
            }
        }
        List<Skipped> notBooked = new ArrayList<>();
        for (DirectDebit debit : debits) {
            if (returned.contains(debit.invoiceId)) {
                debit.state = DirectDebit.State.RETURNED;
                continue;
            }
            debit.state = DirectDebit.State.COLLECTED;
            Invoice invoice = Invoice.lock(debit.invoiceId).orElseThrow();
            String refusal = Payments.refusal(invoice, debit.amount);
            if (refusal != null) {
                // paid otherwise meanwhile: the money came in twice and is the operator's to refund
                notBooked.add(new Skipped(invoice.id, invoice.number, refusal));
                continue;
            }
            payments.book(invoice, debit.amount, batch.collectionDate, debit.endToEndId + " / mandate " + debit.mandateId,
                    PaymentMethod.DIRECT_DEBIT, null);
        }
        batch.status = DirectDebitBatch.Status.SETTLED;
        return notBooked;
    }

    private static String refusal(UUID operatorId, Invoice invoice, SepaMandate mandate, LocalDate collectionDate) {
        if (invoice.outstanding().signum() <= 0) {
            return "nothing outstanding";
        }
        if (mandate.signedOn().isAfter(collectionDate)) {
            return "mandate " + mandate.mandateId() + " is signed after the collection date";
        }
        LocalDate lastUse = DirectDebit.<DirectDebit>find("mandateId = ?1 and state <> ?2", mandate.mandateId(),
                        DirectDebit.State.RETURNED).stream()
                .map(d -> DirectDebitBatch.<DirectDebitBatch>findById(d.batchId))
                .filter(b -> b.operatorId.equals(operatorId))
                .map(b -> b.collectionDate)
                .max(LocalDate::compareTo)
                .orElse(mandate.signedOn());
        if (lastUse.plusMonths(LAPSE_MONTHS).isBefore(collectionDate)) {
            return "mandate " + mandate.mandateId() + " lapsed: not used since " + lastUse;
        }
        return null;
    }

    private static boolean usedBefore(UUID operatorId, String mandateId) {
        return DirectDebit.<DirectDebit>find("mandateId = ?1 and state <> ?2", mandateId, DirectDebit.State.RETURNED)
                .stream().anyMatch(d -> DirectDebitBatch.<DirectDebitBatch>findById(d.batchId).operatorId.equals(operatorId));
    }
}
