package org.evsettle.events.invoices;

import java.util.UUID;
import org.evsettle.events.Event;

/** A fact about an invoice; the subject is the invoiceId. */
public sealed interface InvoiceEvent extends Event permits InvoiceUpdated, InvoiceIssued, InvoiceOverdue, InvoicePaid, CreditNoteIssued {

    UUID invoiceId();

    @Override
    default String subject() {
        return invoiceId().toString();
    }
}
