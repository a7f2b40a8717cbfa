package org.evsettle.invoices;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.events.registry.OperatorZone;
import org.evsettle.invoices.config.DunningConfig;
import org.evsettle.invoices.mail.DocumentMails;
import org.evsettle.invoices.mail.MailStep;
import org.evsettle.invoices.messaging.InvoicePublisher;

/**
 * Chases unpaid invoices. Once the due date has passed (in the operator's time zone) with money
 * outstanding, an invoice becomes OVERDUE and every reminder step it reaches is recorded and announced
 * once as InvoiceOverdue. When the operator's dunning policy blocks cards after a number of days that
 * falls between two steps, that day is announced too, so user-service blocks on time. Invoices that are
 * being collected by direct debit are not chased.
 */
@ApplicationScoped
public class Dunning {

    private final EntityManager entityManager;
    private final InvoicePublisher publisher;
    private final DunningConfig config;
    private final Clock clock;
    private final DocumentMails mails;

    public Dunning(EntityManager entityManager, InvoicePublisher publisher, DunningConfig config, Clock clock,
                   DocumentMails mails) {
        this.entityManager = entityManager;
        this.publisher = publisher;
        this.config = config;
        this.clock = clock;
        this.mails = mails;
    }

    @Scheduled(identity = "dunning", every = "${evsettle.dunning.every}", delayed = "45s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        check(clock.instant());
    }

    /** Checks every receivable invoice past its due date at this instant; returns how many events it announced. */
    public int check(Instant now) {
        return check(now, null);
    }

    /** Checks the receivable invoices of one operator (all when null) at this instant. */
    public int check(Instant now, UUID operatorId) {
        // a day of slack: the operator's date may be a day ahead of UTC's; each invoice is checked in its zone
        LocalDate latestDue = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1);
        @SuppressWarnings("unchecked")
        List<Object> candidates = QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery("""
                            SELECT i.id FROM invoice i
                            WHERE i.status IN ('ISSUED', 'PARTIALLY_PAID', 'OVERDUE') AND i.kind = 'INVOICE' AND i.due_date < ?1
                              AND NOT EXISTS (SELECT 1 FROM direct_debit dd WHERE dd.invoice_id = i.id AND dd.state = 'PENDING')
                            """ + (operatorId == null ? "" : " AND i.operator_id = ?2") + " ORDER BY i.due_date")
                    .setParameter(1, Date.valueOf(latestDue));
            if (operatorId != null) {
                query.setParameter(2, operatorId);
            }
            return query.getResultList();
        });
        int announced = 0;
        for (Object candidate : candidates) {
            UUID id = candidate instanceof UUID uuid ? uuid : UUID.fromString(candidate.toString());
            try {
                announced += QuarkusTransaction.requiringNew().call(() -> chase(id, now));
            } catch (RuntimeException e) {
                Log.errorf(e, "Dunning of invoice %s failed; the next check tries again", id);
            }
        }
        if (announced > 0) {
            Log.infof("Dunning announced %d reminder steps; %d invoices past their due date were checked", announced,
                    candidates.size());
        }
        return announced;
    }

    private int chase(UUID invoiceId, Instant now) {
        Invoice invoice = Invoice.lock(invoiceId).orElse(null);
        if (invoice == null || !invoice.isReceivable() || invoice.outstanding().signum() <= 0) {
            return 0;
        }
        Operator operator = Operator.findById(invoice.operatorId);
        LocalDate today = LocalDate.ofInstant(now, operator == null ? OperatorZone.DEFAULT : operator.zone());
        int daysOverdue = (int) ChronoUnit.DAYS.between(invoice.dueDate, today);
        if (daysOverdue < 1) {
            return 0;
        }
        List<ReminderStep> done = Reminder.<Reminder>of(invoiceId).stream().map(r -> r.step).toList();
        List<ReminderStep> reached = new ArrayList<>();
        for (Map.Entry<ReminderStep, Integer> step : config.schedule().entrySet()) {
            if (daysOverdue >= step.getValue() && !done.contains(step.getKey())) {
                reached.add(step.getKey());
            }
        }
        ReminderStep latest = reached.isEmpty() ? (done.isEmpty() ? null : done.get(done.size() - 1)) : reached.get(reached.size() - 1);
        boolean blockDayReached = operator != null && operator.dunningBlocksCards && operator.dunningBlockAfterDays != null
                && daysOverdue >= operator.dunningBlockAfterDays && invoice.overdueNotifiedDays < operator.dunningBlockAfterDays;
        if (reached.isEmpty() && !(blockDayReached && latest != null)) {
            return 0;
        }
        boolean becameOverdue = invoice.status != InvoiceStatus.OVERDUE;
        invoice.markOverdue();
        for (ReminderStep step : reached) {
            Reminder reminder = new Reminder();
            reminder.invoiceId = invoiceId;
            reminder.step = step;
            reminder.daysOverdue = daysOverdue;
            reminder.sentOn = today;
            reminder.outstandingAmount = invoice.outstanding();
            reminder.persist();
        }
        // each reminder step is mailed once, queued with the step itself
        reached.stream().map(MailStep::of).flatMap(Optional::stream).forEach(step -> mails.queue(invoice, step, operator));
        invoice.overdueNotifiedDays = daysOverdue;
        if (becameOverdue) {
            publisher.changed(invoice);
        }
        if (reached.isEmpty()) {
            // the policy's blocking day falls between two steps: announce it under the latest step
            publisher.overdue(invoice, latest, daysOverdue);
        } else {
            reached.forEach(step -> publisher.overdue(invoice, step, daysOverdue));
        }
        Log.debugf("Invoice %s is %d days overdue with %s %s outstanding: %s", invoice.number, daysOverdue,
                invoice.outstanding(), invoice.currency, reached.isEmpty() ? "blocking day of the policy" : reached);
        return Math.max(1, reached.size());
    }
}
