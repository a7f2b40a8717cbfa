package org.evsettle.invoices.messaging;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.evsettle.events.Envelope;
import org.evsettle.events.invoices.CreditNoteIssued;
import org.evsettle.events.invoices.InvoiceEvent;
import org.evsettle.events.invoices.InvoiceOverdue;
import org.evsettle.events.invoices.InvoicePaid;
import org.evsettle.invoices.Invoice;
import org.evsettle.invoices.ReminderStep;
import org.evsettle.outbox.Outbox;

/**
 * Announces what happens to invoices on invoices.events, through the outbox, in the transaction of the
 * change: InvoiceUpdated on every change, and InvoiceIssued, InvoicePaid, InvoiceOverdue and
 * CreditNoteIssued when those happen (user-service blocks and unblocks cards on the last three).
 */
@ApplicationScoped
public class InvoicePublisher {

    public static final String SOURCE = "invoice-service";

    private final Outbox outbox;

    public InvoicePublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public void changed(Invoice invoice) {
        // the revision is raised when Hibernate writes the row: flush first so the event carries it
        Panache.getEntityManager().flush();
        outbox.publish(Envelope.of(SOURCE, invoice.toEvent()));
    }

    /** Announces events made from state that is written already, in one round trip and in this order. */
    public void publishAll(List<? extends InvoiceEvent> events) {
        outbox.publishAll(events.stream().map(event -> Envelope.of(SOURCE, event)).toList());
    }

    /** The invoice was paid in full, or settled by a credit note: whatever blocked the driver ends. */
    public void paid(Invoice invoice) {
        outbox.publish(Envelope.of(SOURCE, new InvoicePaid(invoice.id, invoice.operatorId, invoice.driverId,
                invoice.number, invoice.settledOn, invoice.paidAmount)));
    }

    public void overdue(Invoice invoice, ReminderStep step, int daysOverdue) {
        outbox.publish(Envelope.of(SOURCE, new InvoiceOverdue(invoice.id, invoice.operatorId, invoice.driverId,
                invoice.number, invoice.dueDate, daysOverdue, invoice.outstanding(), step.name())));
    }

    /** A credit note, keyed by the invoice it credits so that it stays in order with that invoice's events. */
    public void creditNoteIssued(Invoice creditNote) {
        outbox.publish(Envelope.of(SOURCE, new CreditNoteIssued(creditNote.creditsInvoiceId, creditNote.id,
                creditNote.operatorId, creditNote.driverId, creditNote.number, creditNote.creditsInvoiceNumber,
                creditNote.issueDate, creditNote.netAmount, creditNote.vatAmount, creditNote.grossAmount,
                creditNote.reason)));
    }
}
