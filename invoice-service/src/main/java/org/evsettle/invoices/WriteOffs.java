package org.evsettle.invoices;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.evsettle.events.registry.OperatorZone;
import org.evsettle.invoices.messaging.InvoicePublisher;
import org.evsettle.kit.api.DomainException;

/**
 * Stops collecting an invoice: what is outstanding is given up on the operator's today and no longer
 * counts as owed or chased. Money that still comes in is booked, and pays the invoice once all of it has.
 */
@ApplicationScoped
public class WriteOffs {

    private final InvoicePublisher publisher;
    private final Clock clock;

    public WriteOffs(InvoicePublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Writes the (locked) invoice off; only an invoice that waits for money can be (422 otherwise). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeOff(Invoice invoice, String reason) {
        if (!invoice.isReceivable()) {
            throw DomainException.unprocessable("Only an invoice that waits for money can be written off; "
                    + invoice.describe() + " does not");
        }
        invoice.writeOff(reason, OperatorZone.today(Operator.zoneOf(invoice.operatorId), clock));
        publisher.changed(invoice);
        Log.infof("Invoice %s written off with %s %s outstanding: %s", invoice.number, invoice.owed(), invoice.currency,
                reason);
    }
}
