package org.evsettle.invoices.api;

import java.time.Instant;
import org.evsettle.invoices.mail.DocumentMail;
import org.evsettle.invoices.mail.MailStatus;
import org.evsettle.invoices.mail.MailStep;

/** One e-mail about a document: its step and send, where it stands, and what the SMTP server last said. */
public record MailView(MailStep step, int sendNumber, MailStatus status, String recipient, String bcc, String messageId,
                       int attempts, Instant queuedAt, Instant nextAttemptAt, Instant sentAt, String reason,
                       String requestedBy) {

    static MailView of(DocumentMail m) {
        return new MailView(m.step, m.sendNumber, m.status, m.recipient, m.bcc, m.messageId, m.attempts, m.queuedAt,
                m.nextAttemptAt, m.sentAt, m.lastError, m.requestedBy);
    }
}
