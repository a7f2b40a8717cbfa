package org.evsettle.invoices;

import java.util.UUID;
import org.evsettle.events.tariffs.PricePurpose;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventCatalog;
import org.evsettle.events.tariffs.SessionPriced;
import org.evsettle.events.tariffs.SessionRepriced;
import org.evsettle.invoices.messaging.InvoicePublisher;
import org.evsettle.outbox.consumer.Dependency;
import org.evsettle.outbox.consumer.MalformedRecord;
import org.evsettle.outbox.consumer.NotArrivedYet;

/**
 * Puts priced sessions on invoices: each on the OPEN invoice of its driver (or of the driver's employer,
 * {@link EmployerBilling}) for the billing period in
 * which it started (in the operator's time zone and interval), one line per session, and announces the
 * invoice's new state. A session of a period that was billed already goes on the invoice of the next
 * open period, labelled with its own dates. A new price replaces the line on an OPEN invoice; on an
 * issued invoice the old line is credited by a credit note and the new price goes on the next invoice.
 * Applying a price twice changes nothing: a session is charged once per price revision. A REIMBURSEMENT price goes
 * on the employee's reimbursement statement of the period instead ({@link ReimbursementStatements}); one corrected
 * after its statement was issued goes on the next, with a line that takes back what was paid; a NOT_BILLED price
 * goes nowhere.
 */
@ApplicationScoped
public class SessionInvoicing {

    private final InvoicePublisher publisher;
    private final BillingState billingState;
    private final CreditNotes creditNotes;
    private final Clock clock;
    private final MeterRegistry meters;

    public SessionInvoicing(InvoicePublisher publisher, BillingState billingState, CreditNotes creditNotes, Clock clock,
                            MeterRegistry meters) {
        this.publisher = publisher;
        this.billingState = billingState;
        this.creditNotes = creditNotes;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Applies an event of tariffs.events in the caller's transaction (or its own). Throws
     * {@link NotArrivedYet} while the price's operator is not known here: its zone and interval decide
     * the period, so the price waits for it rather than being guessed at.
     */
    @Transactional
    public void apply(Envelope<?> envelope) {
        if (envelope.data() instanceof SessionPriced priced) {
            price(priced);
        } else if (envelope.data() instanceof SessionRepriced repriced) {
            reprice(repriced);
        } else if (envelope.isTombstone()) {
            throw new MalformedRecord("tariffs.events carries no tombstones, but " + envelope.type() + " "
                    + envelope.subject() + " has no value");
        } else {
            Log.debugf("Ignoring %s %s: not invoiced", envelope.type(), envelope.subject());
        }
    }

    private void price(SessionPriced priced) {
        if (InvoiceLine.latestCharge(priced.sessionId()).isPresent()) {
            Log.debugf("Session %s is on an invoice already: its price adds nothing", priced.sessionId());
            return;
        }
        place(priced, 0, null);
    }

    private void reprice(SessionRepriced repriced) {
        SessionPriced price = repriced.price();
        Optional<InvoiceLine> latest = InvoiceLine.latestCharge(repriced.sessionId());
        if (latest.isEmpty()) {
            place(price, repriced.revision(), null);
            return;
        }
        InvoiceLine old = latest.get();
        if (old.priceRevision >= repriced.revision()) {
            Log.debugf("Session %s is billed at price revision %d already; revision %d changes nothing",
                    repriced.sessionId(), old.priceRevision, repriced.revision());
            return;
        }
        Invoice billedOn = Invoice.lock(old.invoice.id).orElseThrow();
        String note;
        if (billedOn.status == InvoiceStatus.OPEN) {
            billedOn.remove(old);
            note = LineNote.priceCorrected(repriced.reason());
        } else if (billedOn.kind == DocumentKind.REIMBURSEMENT) {
            note = LineNote.correctsShown(billedOn.number);
            reverseOnNext(old, price, billedOn.number);
        } else if (billedOn.kind == DocumentKind.INVOICE && !old.credited && old.grossAmount.signum() != 0) {
            Invoice creditNote = creditNotes.issue(billedOn, List.of(old),
                    LineNote.repriced(old.startDate(Operator.zoneOf(billedOn.operatorId)), repriced.reason()));
            note = LineNote.correctsCredited(billedOn.number, creditNote.number);
        } else {
            note = LineNote.correctsShown(billedOn.number);
        }
        Invoice placedOn = place(price, repriced.revision(), note);
        if (billedOn.status == InvoiceStatus.OPEN && (placedOn == null || !placedOn.id.equals(billedOn.id))) {
            if (billedOn.kind == DocumentKind.REIMBURSEMENT) {
                ReimbursementStatements.capMonths(billedOn, Operator.zoneOf(billedOn.operatorId));
            }
            publisher.changed(billedOn);
        }
    }

    /** A session paid out at an older price: the next statement of the employee takes that amount back. */
    private void reverseOnNext(InvoiceLine paid, SessionPriced newPrice, String paidOn) {
        Operator operator = Operator.known(newPrice.operatorId()).orElseThrow();
        Invoice next = openDocument(DocumentKind.REIMBURSEMENT, operator, paid.invoice.driverId,
                periodFor(operator, LocalDate.ofInstant(paid.startedAt, operator.zone())), paid.invoice.currency);
        next.add(ReimbursementStatements.reversal(paid, paidOn));
    }

    /** Puts the price on the OPEN invoice where it belongs; returns that invoice (null when not billed). */
    private Invoice place(SessionPriced priced, int priceRevision, String note) {
        if (priced.purpose() == PricePurpose.NOT_BILLED) {
            Log.debugf("Session %s is not billed (someone else at an employee's home charger)", priced.sessionId());
            return null;
        }
        if (priced.driverId() == null) {
            Log.warnf("Session %s has no driver to invoice; not billed", priced.sessionId());
            return null;
        }
        Operator operator = Operator.known(priced.operatorId()).orElseThrow(() -> new NotArrivedYet(
                Dependency.registry(EventCatalog.OPERATOR, priced.operatorId()), "Operator " + priced.operatorId()
                + " of session " + priced.sessionId() + " is not known here yet"));
        LocalDate started = LocalDate.ofInstant(priced.session().startedAt(), operator.zone());
        boolean late = billingState.billedThrough(operator.id).filter(through -> !started.isAfter(through)).isPresent();
        BillingPeriod period = periodFor(operator, started);
        String currency = priced.currency() != null ? priced.currency() : operator.currency;
        boolean reimbursed = priced.purpose() == PricePurpose.REIMBURSEMENT;
        EmployerBilling.Customer customer = reimbursed
                ? new EmployerBilling.Customer(priced.driverId(), null, null) : EmployerBilling.customerOf(priced);
        Invoice invoice = openDocument(reimbursed ? DocumentKind.REIMBURSEMENT : DocumentKind.INVOICE, operator,
                customer.customerId(), period, currency);
        InvoiceLine line = InvoiceLine.of(priced, priceRevision, operator.zone());
        line.note = late ? LineNote.late(started, note) : note;
        line.employeeId = customer.employeeId();
        line.employeeName = customer.employeeName();
        invoice.add(line);
        if (reimbursed) {
            ReimbursementStatements.capMonths(invoice, operator.zone());
        }
        publisher.changed(invoice);
        meters.counter("evsettle.invoices.sessions.billed", "late", String.valueOf(late)).increment();
        Log.debugf("Session %s billed on invoice %s (%s to %s)%s, %d lines, gross %s %s", priced.sessionId(), invoice.id,
                period.start(), period.end(), late ? " as a late session" : "", invoice.lineCount, invoice.grossAmount,
                invoice.currency);
        return invoice;
    }

    /** The period a session of this day goes on: its own, or the next open one when its own was billed already. */
    private BillingPeriod periodFor(Operator operator, LocalDate started) {
        Optional<LocalDate> billedThrough = billingState.billedThrough(operator.id);
        boolean late = billedThrough.isPresent() && !started.isAfter(billedThrough.get());
        return operator.periodContaining(late ? billedThrough.get().plusDays(1) : started);
    }

    /** The customer's OPEN document of this kind for the period, opened when there is none. */
    private Invoice openDocument(DocumentKind kind, Operator operator, UUID customerId, BillingPeriod period,
                                 String currency) {
        return Invoice.findOpen(kind, operator.id, customerId, period, currency).orElseGet(() -> {
            Invoice opened = Invoice.open(kind, operator.id, customerId, period, currency, clock.instant());
            opened.persist();
            return opened;
        });
    }
}
