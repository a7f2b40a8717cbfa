package org.evsettle.invoices.mail;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.evsettle.invoices.Invoice;
import org.evsettle.invoices.config.MailConfig;

/**
 * Sends the queued mail, on its own schedule, so that no issuing waits for an SMTP server. A worker
 * claims due rows with FOR UPDATE SKIP LOCKED and moves their next attempt a lease ahead before it lets
 * go of them, so two replicas never send the same mail; then it sends each outside any transaction and
 * records the outcome. A permanent refusal (a 5xx reply) is BOUNCED at once; a transient failure (a 4xx
 * reply, a server that cannot be reached) is tried again after a pause that doubles each time, with
 * jitter, up to evsettle.mail.longest-retry, and FAILED with the server's reason after the last attempt.
 * The mails of one document go out in the order they were queued: a mail waits while one queued before it
 * for the same document is still QUEUED, so no driver reads a reminder before the invoice it is about.
 */
@ApplicationScoped
public class MailWorker {

    private static final java.util.regex.Pattern EMAIL_ADDRESS = java.util.regex.Pattern.compile("[^\\s<>@\"']+@[^\\s<>\"']+");

    private final EntityManager entityManager;
    private final Mailer mailer;
    private final MailComposer composer;
    private final MailConfig config;
    private final Clock clock;

    public MailWorker(EntityManager entityManager, Mailer mailer, MailComposer composer, MailConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.mailer = mailer;
        this.composer = composer;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "invoice-mail", every = "${evsettle.mail.every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        sendDue();
    }

    /** Sends what is due now, a batch at a time, until nothing is due; returns how many it tried. */
    public int sendDue() {
        int tried = 0;
        List<UUID> claimed;
        do {
            Instant now = clock.instant();
            claimed = QuarkusTransaction.requiringNew().call(() -> claim(now));
            claimed.forEach(this::send);
            tried += claimed.size();
        } while (claimed.size() == config.batchSize());
        return tried;
    }

    private List<UUID> claim(Instant now) {
        @SuppressWarnings("unchecked")
        List<Object> due = entityManager.createNativeQuery("""
                        SELECT id FROM document_mail mail WHERE status = 'QUEUED' AND next_attempt_at <= ?1
                        AND NOT EXISTS (SELECT 1 FROM document_mail earlier WHERE earlier.invoice_id = mail.invoice_id
                            AND earlier.status = 'QUEUED' AND earlier.queue_position < mail.queue_position)
                        ORDER BY next_attempt_at LIMIT ?2 FOR UPDATE SKIP LOCKED""")
                .setParameter(1, now)
                .setParameter(2, config.batchSize())
                .getResultList();
        List<UUID> ids = due.stream().map(id -> id instanceof UUID uuid ? uuid : UUID.fromString(id.toString())).toList();
        if (!ids.isEmpty()) {
            entityManager.createNativeQuery("""
                            UPDATE document_mail SET attempts = attempts + 1, next_attempt_at = ?2 WHERE id IN (?1)""")
                    .setParameter(1, ids)
                    .setParameter(2, now.plus(config.lease()))
                    .executeUpdate();
        }
        return ids;
    }

    private void send(UUID mailId) {
        Mail mail;
        try {
            mail = QuarkusTransaction.requiringNew().call(() -> {
                DocumentMail row = DocumentMail.findById(mailId);
                return composer.compose(row, Invoice.findById(row.invoiceId));
            });
        } catch (RuntimeException e) {
            Log.errorf(e, "Mail %s could not be written; it is tried again", mailId);
            record(mailId, Outcome.TRANSIENT, "Could not be written: " + e);
            return;
        }
        try {
            mailer.send(mail);
            record(mailId, Outcome.SENT, null);
        } catch (RuntimeException e) {
            SMTPException smtp = smtpReply(e);
            if (smtp != null && smtp.isPermanent()) {
                record(mailId, Outcome.PERMANENT, smtp.getReplyCode() + " " + smtp.getReplyMessage());
            } else {
                record(mailId, Outcome.TRANSIENT, smtp != null ? smtp.getReplyCode() + " " + smtp.getReplyMessage()
                        : String.valueOf(rootOf(e)));
            }
        }
    }

    private enum Outcome { SENT, PERMANENT, TRANSIENT }

    private void record(UUID mailId, Outcome outcome, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            DocumentMail row = DocumentMail.findById(mailId);
            Instant now = clock.instant();
            switch (outcome) {
                case SENT -> {
                    row.status = MailStatus.SENT;
                    row.sentAt = now;
                    row.nextAttemptAt = null;
                    row.lastError = null;
                    Log.infof("Mailed %s of document %s (mail %s)", row.step, row.invoiceId, row.id);
                }
                case PERMANENT -> {
                    row.status = MailStatus.BOUNCED;
                    row.nextAttemptAt = null;
                    row.lastError = reason;
                    Log.warnf("Mail %s of document %s (mail %s) was refused: %s", row.step, row.invoiceId, row.id,
                            withoutAddresses(reason));
                }
                case TRANSIENT -> {
                    row.lastError = reason;
                    if (row.attempts >= config.maxAttempts()) {
                        row.status = MailStatus.FAILED;
                        row.nextAttemptAt = null;
                        Log.errorf("Mail %s of document %s failed after %d attempts: %s", row.step, row.invoiceId,
                                row.attempts, withoutAddresses(reason));
                    } else {
                        row.nextAttemptAt = now.plus(backoff(row.attempts));
                        Log.infof("Mail %s of document %s could not be sent (attempt %d): %s; next at %s", row.step,
                                row.invoiceId, row.attempts, withoutAddresses(reason), row.nextAttemptAt);
                    }
                }
            }
        });
    }

    /** The pause after the n-th failed attempt: first-retry doubled n-1 times, at most longest-retry, less up to half. */
    Duration backoff(int attempts) {
        long first = config.firstRetry().toMillis();
        long longest = config.longestRetry().toMillis();
        long pause = first << Math.min(attempts - 1, 30);
        pause = pause <= 0 || pause > longest ? longest : pause;
        return Duration.ofMillis(pause / 2 + ThreadLocalRandom.current().nextLong(pause / 2 + 1));
    }

    private static SMTPException smtpReply(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SMTPException smtp) {
                return smtp;
            }
        }
        return null;
    }

    private static Throwable rootOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** An SMTP server's reply as a log may carry it: the addresses it names replaced (logs carry ids, not people). */
    static String withoutAddresses(String reason) {
        return reason == null ? null : EMAIL_ADDRESS.matcher(reason).replaceAll("<address>");
    }
}
