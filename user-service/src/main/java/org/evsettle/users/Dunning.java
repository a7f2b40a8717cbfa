package org.evsettle.users;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.events.invoices.InvoiceOverdue;
import org.evsettle.events.invoices.InvoicePaid;
import org.evsettle.events.registry.OperatorZone;
import org.evsettle.outbox.consumer.MalformedRecord;

/**
 * Applies the operator's dunning policy to invoice-service's announcements: an invoice overdue for
 * at least the policy's days blocks the driver's cards, its payment lifts exactly that block. A notice
 * about a driver the registry does not know (or of another operator) changes nothing; one that names
 * no invoice, driver or operator can never apply and is quarantined.
 */
@ApplicationScoped
public class Dunning {

    private final CardBlocking cardBlocking;
    private final Clock clock;

    public Dunning(CardBlocking cardBlocking, Clock clock) {
        this.cardBlocking = cardBlocking;
        this.clock = clock;
    }

    public void overdue(InvoiceOverdue notice) {
        if (notice.invoiceId() == null || notice.driverId() == null || notice.operatorId() == null) {
            throw new MalformedRecord("an overdue notice names no invoice, driver or operator: " + notice);
        }
        Optional<Driver> driver = driverOf(notice.driverId(), notice.operatorId(), notice.number());
        Optional<Operator> operator = Operator.byId(notice.operatorId());
        if (driver.isEmpty() || operator.isEmpty()) {
            return;
        }
        DunningInvoice invoice = DunningInvoice.byId(notice.invoiceId()).orElseGet(() -> {
            DunningInvoice created = new DunningInvoice();
            created.invoiceId = notice.invoiceId();
            return created;
        });
        if (invoice.isPaid()) {
            Log.debugf("Invoice %s is overdue according to a late notice, but it was paid on %s: nothing blocked",
                    notice.number(), invoice.paidOn);
            return;
        }
        boolean blockedBefore = invoice.blocksCards;
        invoice.operatorId = notice.operatorId();
        invoice.driverId = notice.driverId();
        invoice.number = Optional.ofNullable(notice.number()).orElse(notice.invoiceId().toString());
        invoice.dueDate = notice.dueDate();
        invoice.daysOverdue = notice.daysOverdue();
        invoice.reminderStep = Optional.ofNullable(notice.reminderStep()).orElse("OVERDUE");
        // once an invoice blocked cards it keeps blocking until paid, whatever the policy says later
        invoice.blocksCards = blockedBefore || blocks(operator.get(), notice.daysOverdue());
        invoice.updatedAt = clock.instant();
        invoice.persist();
        if (invoice.blocksCards) {
            cardBlocking.invoiceBlocks(invoice);
        } else {
            Log.debugf("Invoice %s is %d days overdue (%s); the policy of operator %s blocks no cards yet",
                    notice.number(), notice.daysOverdue(), notice.reminderStep(), notice.operatorId());
        }
    }

    public void paid(InvoicePaid payment) {
        if (payment.invoiceId() == null || payment.driverId() == null || payment.operatorId() == null) {
            throw new MalformedRecord("a payment names no invoice, driver or operator: " + payment);
        }
        Optional<Driver> driver = driverOf(payment.driverId(), payment.operatorId(), payment.number());
        if (driver.isEmpty()) {
            return;
        }
        DunningInvoice invoice = DunningInvoice.byId(payment.invoiceId()).orElseGet(() -> {
            // paid before it was ever overdue: remembered, so a late overdue notice blocks nothing
            DunningInvoice paidInTime = new DunningInvoice();
            paidInTime.invoiceId = payment.invoiceId();
            paidInTime.operatorId = payment.operatorId();
            paidInTime.driverId = payment.driverId();
            paidInTime.number = Optional.ofNullable(payment.number()).orElse(payment.invoiceId().toString());
            paidInTime.reminderStep = "NONE";
            return paidInTime;
        });
        invoice.paidOn = Optional.ofNullable(payment.paidOn()).orElseGet(() -> Operator.byId(driver.get().operatorId)
                .map(Operator::zone).map(zone -> OperatorZone.today(zone, clock)).orElseThrow());
        invoice.updatedAt = clock.instant();
        invoice.persist();
        cardBlocking.invoiceCleared(invoice, driver.get());
    }

    static boolean blocks(Operator operator, int daysOverdue) {
        return operator.dunningBlockCards && daysOverdue >= operator.dunningBlockAfterDaysOverdue;
    }

    private static Optional<Driver> driverOf(UUID driverId, UUID operatorId, String invoice) {
        Optional<Driver> driver = Driver.byId(driverId).filter(d -> d.operatorId.equals(operatorId));
        if (driver.isEmpty()) {
            Log.warnf("Ignored a notice about invoice %s: driver %s of operator %s is not in the registry", invoice,
                    driverId, operatorId);
        }
        return driver;
    }
}
