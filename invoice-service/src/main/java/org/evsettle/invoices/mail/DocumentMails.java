package org.evsettle.invoices.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.evsettle.invoices.Invoice;
import org.evsettle.invoices.Operator;
import org.evsettle.kit.api.DomainException;

/**
 * Queues the e-mails about documents, in the transaction that issues or dunning-steps them: a row per
 * document, step and send, unique, so a redelivered event, a restart or a second billing run (which
 * issue nothing twice) queue nothing twice either, and no issuing waits for an SMTP server. The worker
 * ({@link MailWorker}) sends them. A mail is SKIPPED at once when the operator turned e-mail off or the
 * driver has no address.
 */
@ApplicationScoped
public class DocumentMails {

    private final Clock clock;

    public DocumentMails(Clock clock) {
        this.clock = clock;
    }

    /** Queues the first mail of this step of an issued document. */
    @Transactional(Transactional.TxType.MANDATORY)
    public DocumentMail queue(Invoice document, MailStep step, Operator operator) {
        return queue(document, step, 1, operator, null);
    }

    /**
     * Sends the last step of a document again, as a new send recorded beside the earlier ones (with its own
     * Message-ID, so no mail program takes it for a copy of the first); 409 when nothing was mailed yet.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public DocumentMail resend(Invoice document, String requestedBy) {
        DocumentMail last = DocumentMail.of(document.id).stream()
                .max(Comparator.comparing((DocumentMail m) -> m.step).thenComparing(m -> m.sendNumber))
                .orElseThrow(() -> DomainException.conflict("Document " + document.id + " has not been mailed: it is mailed"
                        + " once it is issued"));
        int sendNumber = DocumentMail.<DocumentMail>list("invoiceId = ?1 and step = ?2", document.id, last.step).stream()
                .mapToInt(m -> m.sendNumber).max().orElse(0) + 1;
        return queue(document, last.step, sendNumber, Operator.findById(document.operatorId), requestedBy);
    }

    private DocumentMail queue(Invoice document, MailStep step, int sendNumber, Operator operator, String requestedBy) {
        Instant now = clock.instant();
        DocumentMail mail = new DocumentMail();
        mail.id = UUID.randomUUID();
        mail.invoiceId = document.id;
        mail.operatorId = document.operatorId;
        mail.step = step;
        mail.sendNumber = sendNumber;
        mail.recipient = document.customer == null ? null : blankToNull(document.customer.email());
        mail.bcc = operator == null ? null : blankToNull(operator.invoiceMailBcc);
        mail.messageId = messageId(document.id, step, sendNumber);
        mail.queuedAt = now;
        mail.requestedBy = requestedBy;
        if (operator != null && !operator.invoiceMailEnabled) {
            skip(mail, "The operator turned e-mail off");
        } else if (mail.recipient == null) {
            skip(mail, "The driver has no e-mail address");
        } else {
            mail.status = MailStatus.QUEUED;
            mail.nextAttemptAt = now;
        }
        mail.persist();
        return mail;
    }

    /** Queues the issue mail of each document of a billing run's chunk. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queueIssued(List<Invoice> documents, Operator operator) {
        documents.forEach(document -> queue(document, MailStep.ISSUED, operator));
    }

    /** Stable for a document, step and send: the same mail sent again after a crash has the same Message-ID. */
    static String messageId(UUID documentId, MailStep step, int sendNumber) {
        return "<" + documentId + "." + step.name().toLowerCase(Locale.ROOT).replace('_', '-') + "." + sendNumber
                + "@evsettle>";
    }

    private static void skip(DocumentMail mail, String reason) {
        mail.status = MailStatus.SKIPPED;
        mail.lastError = reason;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
