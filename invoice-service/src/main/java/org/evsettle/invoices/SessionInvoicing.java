package org.evsettle.invoices;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.evsettle.events.Envelope;
import org.evsettle.events.UnknownEvent;
import org.evsettle.events.tariffs.SessionPriced;
import org.evsettle.invoices.messaging.InvoicePublisher;
import org.evsettle.outbox.ProcessedEvents;

/**
 * Puts priced sessions on invoices: each on the OPEN invoice of its driver for the billing period in
 * which it started (in the operator's time zone and interval), one line per session, and announces
 * the invoice's new state.
 */
@ApplicationScoped
public class SessionInvoicing {

    static final String CONSUMER = "invoice-service.tariffs";

    private final ProcessedEvents processedEvents;
    private final InvoicePublisher publisher;

    public SessionInvoicing(ProcessedEvents processedEvents, InvoicePublisher publisher) {
        this.processedEvents = processedEvents;
        this.publisher = publisher;
    }

    @Transactional
    public void apply(Envelope<?> envelope) {
        if (!processedEvents.firstTime(CONSUMER, envelope.id())) {
            return;
        }
        if (envelope.data() instanceof SessionPriced priced) {
            invoice(priced);
        } else if (envelope.data() instanceof UnknownEvent unknown) {
            Log.warnf("Skipping unreadable tariff event %s (%s): %s", unknown.subject(), unknown.ceType(),
                    unknown.reason());
        } else {
            Log.debugf("Ignoring %s %s: not invoiced", envelope.type(), envelope.subject());
        }
    }

    private void invoice(SessionPriced priced) {
        if (InvoiceLine.billed(priced.sessionId())) {
            Log.infof("Session %s is on an invoice already: its price adds nothing", priced.sessionId());
            return;
        }
        if (priced.driverId() == null) {
            Log.warnf("Session %s has no driver to invoice; not billed", priced.sessionId());
            return;
        }
        // the period follows the operator's zone and interval: without them there is nothing to guess,
        // so fail and let the event be redelivered until the registry has caught up
        Operator operator = Operator.<Operator>findByIdOptional(priced.operatorId())
                .orElseThrow(() -> new IllegalStateException(
                        "Operator " + priced.operatorId() + " is not known here yet; waiting for the registry"));
        BillingPeriod period = operator.periodContaining(priced.session().startedAt());
        String currency = priced.currency() != null ? priced.currency() : operator.currency;
        Invoice invoice = Invoice.findOpen(operator.id, priced.driverId(), period, currency).orElseGet(() -> {
            Invoice opened = Invoice.open(operator.id, priced.driverId(), period, currency);
            opened.persist();
            return opened;
        });
        invoice.add(InvoiceLine.of(priced, operator.zone()));
        publisher.changed(invoice);
        Log.infof("Session %s billed on invoice %s (%s to %s), %d lines, gross %s %s", priced.sessionId(), invoice.id,
                period.start(), period.end(), invoice.lineCount, invoice.grossAmount, invoice.currency);
    }
}
