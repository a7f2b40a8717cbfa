package org.evsettle.invoices;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.registry.OperatorZone;
import org.evsettle.invoices.messaging.InvoicePublisher;
import org.evsettle.kit.api.DomainException;
import org.evsettle.outbox.audit.AuditTrail;

/**
 * Books money received on invoices. A payment never exceeds what is outstanding; the one that clears an
 * invoice settles it and announces InvoicePaid, which ends whatever dunning blocked.
 */
@ApplicationScoped
public class Payments {

    private final InvoicePublisher publisher;
    private final Clock clock;
    private final AuditTrail audit;

    public Payments(InvoicePublisher publisher, Clock clock, AuditTrail audit) {
        this.publisher = publisher;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Books a payment an admin received outside the bank statement import on the (locked) invoice: it
     * came in on paidOn, not after the operator's today (400), and the invoice must take it (422).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Payment register(Invoice invoice, BigDecimal amount, LocalDate paidOn, String reference) {
        LocalDate today = OperatorZone.today(Operator.zoneOf(invoice.operatorId), clock);
        if (paidOn.isAfter(today)) {
            throw DomainException.invalid("paidOn", "must not be after today (" + today + ")");
        }
        String refusal = refusal(invoice, amount);
        if (refusal != null) {
            throw DomainException.unprocessable("Cannot book the payment: " + refusal);
        }
        return book(invoice, amount, paidOn, reference, PaymentMethod.TRANSFER, null);
    }

    /** Why a payment cannot be booked on an invoice, or null when it can. */
    public static String refusal(Invoice invoice, BigDecimal amount) {
        if (invoice.kind != DocumentKind.INVOICE) {
            return invoice.number + " is a " + invoice.kind.name().toLowerCase().replace('_', ' ') + ", not an invoice";
        }
        if (!invoice.isReceivable() && invoice.status != InvoiceStatus.WRITTEN_OFF) {
            return invoice.status == InvoiceStatus.OPEN ? "the invoice is not issued yet"
                    : "invoice " + invoice.number + " is " + invoice.status + " and owes nothing";
        }
        BigDecimal owed = invoice.owed();
        if (amount.compareTo(owed) > 0) {
            return "the amount " + amount + " exceeds the " + owed + " " + invoice.currency + " outstanding on "
                    + invoice.number;
        }
        return null;
    }

    /** Books the payment on the locked invoice; the caller has checked {@link #refusal}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Payment book(Invoice invoice, BigDecimal amount, LocalDate paidOn, String reference, PaymentMethod method,
                        String importKey) {
        Payment payment = new Payment();
        payment.id = UUID.randomUUID();
        payment.invoiceId = invoice.id;
        payment.operatorId = invoice.operatorId;
        payment.amount = InvoiceTotals.cents(amount);
        payment.paidOn = paidOn;
        payment.reference = reference;
        payment.method = method;
        payment.importKey = importKey;
        payment.registeredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        payment.persist();
        boolean settled = invoice.pay(payment.amount, paidOn);
        publisher.changed(invoice);
        Map<String, Object> booked = new LinkedHashMap<>();
        booked.put("invoiceNumber", invoice.number);
        booked.put("amount", payment.amount);
        booked.put("paidOn", paidOn);
        booked.put("method", method);
        booked.put("reference", reference);
        audit.record(invoice.operatorId, "Payment", payment.id, "BOOKED", null, booked);
        if (settled) {
            publisher.paid(invoice);
        }
        Log.debugf("Payment of %s %s on invoice %s (%s); outstanding now %s", payment.amount, invoice.currency,
                invoice.number, method, invoice.outstanding());
        return payment;
    }
}
