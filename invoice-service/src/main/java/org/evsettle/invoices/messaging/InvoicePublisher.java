package org.evsettle.invoices.messaging;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import org.evsettle.events.Envelope;
import org.evsettle.invoices.Invoice;
import org.evsettle.outbox.Outbox;

/** Announces every change of an invoice as InvoiceUpdated on invoices.events, through the outbox. */
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
}
