package org.evsettle.invoices;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import org.evsettle.events.registry.OperatorZone;
import org.evsettle.invoices.messaging.InvoicePublisher;
import org.evsettle.kit.api.DomainException;
import org.evsettle.outbox.audit.AuditTrail;

/**
 * Stops collecting an invoice: what is outstanding is given up on the operator's today and no longer
 * counts as owed or chased. Money that still comes in is booked, and pays the invoice once all of it has.
 */
@ApplicationScoped
public class WriteOffs {

    private final InvoicePublisher publisher;
    private final Clock clock;
    private final AuditTrail audit;

    public WriteOffs(InvoicePublisher publisher, Clock clock, AuditTrail audit) {
        this.publisher = publisher;
        this.clock = clock;
        this.audit = audit;
    }

    /** Writes the (locked) invoice off; only an invoice that waits for money can be (422 otherwise). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeOff(Invoice invoice, String reason) {
        if (!invoice.isReceivable()) {
            throw DomainException.unprocessable("Only an invoice that waits for money can be written off; "
                    + invoice.describe() + " does not");
        }
        Map<String, Object> before = Map.of("status", invoice.status, "outstanding", invoice.owed());
        invoice.writeOff(reason, OperatorZone.today(Operator.zoneOf(invoice.operatorId), clock));
        publisher.changed(invoice);
        audit.record(invoice.operatorId, "Invoice", invoice.id, "WRITTEN_OFF", before,
                Map.of("status", invoice.status, "outstanding", invoice.owed(), "reason", reason));
        Log.infof("Invoice %s written off with %s %s outstanding: %s", invoice.number, invoice.owed(), invoice.currency,
                reason);
    }
}
