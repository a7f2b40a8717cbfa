package org.evsettle.invoices;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.evsettle.events.Envelope;
import org.evsettle.events.UnknownEvent;
import org.evsettle.events.tariffs.SessionPriced;
import org.evsettle.events.tariffs.SessionRepriced;
import org.evsettle.invoices.messaging.InvoicePublisher;
import org.evsettle.outbox.ProcessedEvents;

/**
 * Puts priced sessions on invoices: each on the OPEN invoice of its driver for the billing period in
 * which it started (in the operator's time zone and interval), one line per session, and announces the
 * invoice's new state. A session of a period that was billed already goes on the invoice of the next
 * open period, labelled with its own dates. A new price replaces the line on an OPEN invoice; on an
 * issued invoice the old line is credited by a credit note and the new price goes on the next invoice.
 */
@ApplicationScoped
public class SessionInvoicing {

    static final String CONSUMER = "invoice-service.tariffs";

    private final ProcessedEvents processedEvents;
    private final InvoicePublisher publisher;
    private final BillingState billingState;
    private final CreditNotes creditNotes;

    public SessionInvoicing(ProcessedEvents processedEvents, InvoicePublisher publisher, BillingState billingState,
                            CreditNotes creditNotes) {
        this.processedEvents = processedEvents;
        this.publisher = publisher;
        this.billingState = billingState;
        this.creditNotes = creditNotes;
    }

    @Transactional
    public void apply(Envelope<?> envelope) {
        if (!processedEvents.firstTime(CONSUMER, envelope.id())) {
            return;
        }
        if (envelope.data() instanceof SessionPriced priced) {
            price(priced);
        } else if (envelope.data() instanceof SessionRepriced repriced) {
            reprice(repriced);
        } else if (envelope.data() instanceof UnknownEvent unknown) {
            Log.warnf("Skipping unreadable tariff event %s (%s): %s", unknown.subject(), unknown.ceType(),
                    unknown.reason());
        } else {
            Log.debugf("Ignoring %s %s: not invoiced", envelope.type(), envelope.subject());
        }
    }

    private void price(SessionPriced priced) {
        if (InvoiceLine.latestCharge(priced.sessionId()).isPresent()) {
            Log.infof("Session %s is on an invoice already: its price adds nothing", priced.sessionId());
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
            Log.infof("Session %s is billed at price revision %d already; revision %d changes nothing",
                    repriced.sessionId(), old.priceRevision, repriced.revision());
            return;
        }
        Invoice billedOn = Invoice.lock(old.invoice.id).orElseThrow();
        String note;
        if (billedOn.status == InvoiceStatus.OPEN) {
            billedOn.remove(old);
            note = "Price corrected" + because(repriced);
        } else if (billedOn.kind == DocumentKind.INVOICE && !old.credited && old.grossAmount.signum() != 0) {
            Invoice creditNote = creditNotes.issue(billedOn, List.of(old),
                    "Session of " + old.startDate(zoneOf(billedOn)) + " repriced" + because(repriced), Instant.now());
            note = "Corrects the session billed on " + billedOn.number + ", credited by " + creditNote.number;
        } else {
            note = "Corrects the session shown on " + (billedOn.number == null ? "an earlier period" : billedOn.number);
        }
        Invoice placedOn = place(price, repriced.revision(), note);
        if (billedOn.status == InvoiceStatus.OPEN && (placedOn == null || !placedOn.id.equals(billedOn.id))) {
            publisher.changed(billedOn);
        }
    }

    /** Puts the price on the OPEN invoice where it belongs; returns that invoice (null when not billed). */
    private Invoice place(SessionPriced priced, int priceRevision, String note) {
        if (priced.driverId() == null) {
            Log.warnf("Session %s has no driver to invoice; not billed", priced.sessionId());
            return null;
        }
        // the period follows the operator's zone and interval: without them there is nothing to guess,
        // so fail and let the event be redelivered until the registry has caught up
        Operator operator = Operator.<Operator>findByIdOptional(priced.operatorId())
                .orElseThrow(() -> new IllegalStateException(
                        "Operator " + priced.operatorId() + " is not known here yet; waiting for the registry"));
        LocalDate started = LocalDate.ofInstant(priced.session().startedAt(), operator.zone());
        Optional<LocalDate> billedThrough = billingState.billedThrough(operator.id);
        boolean late = billedThrough.isPresent() && !started.isAfter(billedThrough.get());
        BillingPeriod period = operator.periodContaining(late ? billedThrough.get().plusDays(1) : started);
        String currency = priced.currency() != null ? priced.currency() : operator.currency;
        Invoice invoice = Invoice.findOpen(operator.id, priced.driverId(), period, currency).orElseGet(() -> {
            Invoice opened = Invoice.open(operator.id, priced.driverId(), period, currency);
            opened.persist();
            return opened;
        });
        InvoiceLine line = InvoiceLine.of(priced, priceRevision, operator.zone());
        if (late) {
            line.note = join("Started on " + started + ", in a period that was billed already", note);
        } else {
            line.note = note;
        }
        invoice.add(line);
        publisher.changed(invoice);
        Log.infof("Session %s billed on invoice %s (%s to %s)%s, %d lines, gross %s %s", priced.sessionId(), invoice.id,
                period.start(), period.end(), late ? " as a late session" : "", invoice.lineCount, invoice.grossAmount,
                invoice.currency);
        return invoice;
    }

    private static ZoneId zoneOf(Invoice invoice) {
        Operator operator = Operator.findById(invoice.operatorId);
        return operator == null ? ZoneOffset.UTC : operator.zone();
    }

    private static String because(SessionRepriced repriced) {
        return repriced.reason() == null || repriced.reason().isBlank() ? "" : ": " + repriced.reason();
    }

    private static String join(String first, String second) {
        return second == null ? first : first + ". " + second;
    }
}
