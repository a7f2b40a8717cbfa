package org.evsettle.invoices;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.evsettle.events.registry.OperatorZone;
import org.evsettle.invoices.InvoiceNumberSeries.Series;
import org.evsettle.invoices.mail.DocumentMails;
import org.evsettle.invoices.mail.MailStep;
import org.evsettle.invoices.messaging.InvoicePublisher;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.api.Problem;
import org.evsettle.outbox.audit.AuditTrail;

/**
 * Corrects issued invoices the only lawful way: a credit note, numbered in the invoice series, that
 * names the invoice it credits and cancels some or all of its lines in full. The credit notes of an
 * invoice add up to at most the invoice, to the cent: the one that cancels its last lines takes exactly
 * what is left per VAT rate. An invoice whose outstanding amount a credit note clears counts as settled.
 */
@ApplicationScoped
public class CreditNotes {

    private final InvoiceNumberSeries numbers;
    private final InvoicePublisher publisher;
    private final Clock clock;
    private final MeterRegistry meters;
    private final DocumentMails mails;
    private final AuditTrail audit;

    public CreditNotes(InvoiceNumberSeries numbers, InvoicePublisher publisher, Clock clock, MeterRegistry meters,
                       DocumentMails mails, AuditTrail audit) {
        this.numbers = numbers;
        this.publisher = publisher;
        this.clock = clock;
        this.meters = meters;
        this.mails = mails;
        this.audit = audit;
    }

    /**
     * Grants credit on the (locked) invoice: a credit note for the named sessions, or for every session not
     * credited yet when none are named. Only an issued invoice is credited (422), each named session must
     * be one of its sessions not credited yet (400, naming the entry), and something must be left (422).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Invoice grant(Invoice invoice, List<UUID> sessionIds, String reason) {
        if (invoice.kind != DocumentKind.INVOICE || invoice.status == InvoiceStatus.OPEN) {
            throw DomainException.unprocessable("Only an issued invoice can be credited; " + invoice.describe()
                    + " is not");
        }
        List<InvoiceLine> creditable = invoice.lines.stream()
                .filter(l -> l.kind == InvoiceLine.Kind.CHARGE && !l.credited).toList();
        List<InvoiceLine> chosen = creditable;
        if (sessionIds != null && !sessionIds.isEmpty()) {
            Set<UUID> wanted = new HashSet<>(sessionIds);
            chosen = creditable.stream().filter(l -> wanted.contains(l.sessionId)).toList();
            Set<UUID> found = new HashSet<>(chosen.stream().map(l -> l.sessionId).toList());
            List<Problem.Violation> unknown = new ArrayList<>();
            for (int i = 0; i < sessionIds.size(); i++) {
                if (!found.contains(sessionIds.get(i))) {
                    unknown.add(new Problem.Violation("sessionIds[" + i + "]", "is not a session of " + invoice.number
                            + " that can still be credited"));
                }
            }
            if (!unknown.isEmpty()) {
                throw DomainException.invalid(unknown);
            }
        }
        if (chosen.isEmpty()) {
            throw DomainException.unprocessable("Every session of " + invoice.number + " is credited already");
        }
        return issue(invoice, chosen, reason);
    }

    /**
     * Issues a credit note for these charge lines of the (locked) invoice and books it on the invoice.
     * The lines must be the invoice's own, not credited yet.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Invoice issue(Invoice invoice, Collection<InvoiceLine> lines, String reason) {
        if (invoice.kind != DocumentKind.INVOICE || invoice.status == InvoiceStatus.OPEN) {
            throw new IllegalStateException("Only an issued invoice can be credited, not " + invoice.number);
        }
        if (lines.isEmpty() || lines.stream().anyMatch(l -> !l.invoice.id.equals(invoice.id)
                || l.kind != InvoiceLine.Kind.CHARGE || l.credited)) {
            throw new IllegalArgumentException("Credit only charge lines of invoice " + invoice.number
                    + " that are not credited yet");
        }
        Operator operator = Operator.findById(invoice.operatorId);
        Instant now = clock.instant();
        LocalDate today = operator == null ? OperatorZone.today(OperatorZone.DEFAULT, clock) : operator.today(clock);
        List<Invoice> earlier = Invoice.list("creditsInvoiceId", invoice.id);

        Invoice creditNote = Invoice.open(invoice.operatorId, invoice.driverId,
                new BillingPeriod(invoice.periodStart, invoice.periodEnd), invoice.currency, now);
        for (InvoiceLine line : lines) {
            InvoiceLine credit = line.credit();
            credit.invoice = creditNote;
            creditNote.lines.add(credit);
            line.credited = true;
        }
        if (invoice.fullyCredited()) {
            creditNote.setTotals(InvoiceTotals.remainder(
                    invoice.vatBreakdown.stream().map(VatSubtotal::toRateTotal).toList(),
                    earlier.stream().map(c -> c.vatBreakdown.stream().map(VatSubtotal::toRateTotal).toList()).toList()));
        } else {
            creditNote.recompute();
        }
        int year = today.getYear();
        long sequence = numbers.take(invoice.operatorId, Series.INVOICE, year, 1);
        String prefix = operator == null ? Operator.DEFAULT_PREFIX : operator.numberPrefix();
        creditNote.kind = DocumentKind.CREDIT_NOTE;
        creditNote.status = InvoiceStatus.ISSUED;
        creditNote.number = InvoiceNumberSeries.format(prefix, Series.INVOICE, year, sequence);
        creditNote.issueDate = today;
        creditNote.issuedAt = now;
        creditNote.creditsInvoiceId = invoice.id;
        creditNote.creditsInvoiceNumber = invoice.number;
        creditNote.reason = reason;
        creditNote.supplier = invoice.supplier;
        creditNote.customer = invoice.customer;
        creditNote.persist();

        boolean settled = invoice.credit(creditNote.grossAmount, today);
        publisher.creditNoteIssued(creditNote);
        mails.queue(creditNote, MailStep.ISSUED, operator);
        publisher.changed(invoice);
        if (settled) {
            publisher.paid(invoice);
        }
        meters.counter("evsettle.invoices.credit-notes.issued").increment();
        Map<String, Object> issued = new LinkedHashMap<>();
        issued.put("number", creditNote.number);
        issued.put("creditsInvoiceNumber", invoice.number);
        issued.put("lines", lines.size());
        issued.put("grossAmount", creditNote.grossAmount);
        issued.put("currency", creditNote.currency);
        issued.put("reason", reason);
        audit.record(invoice.operatorId, "CreditNote", creditNote.id, "ISSUED", null, issued);
        Log.debugf("Credit note %s credits %s %s of invoice %s (%d lines): %s", creditNote.number, creditNote.grossAmount,
                creditNote.currency, invoice.number, lines.size(), reason);
        return creditNote;
    }

    /** The credit notes issued against an invoice, oldest first. */
    public static List<Invoice> of(UUID invoiceId) {
        return Invoice.list("creditsInvoiceId = ?1 order by issuedAt, number", invoiceId);
    }
}
