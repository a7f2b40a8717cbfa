package org.evsettle.invoices.mail;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One e-mail about a document, for one step and send, with its state and attempts. */
@Entity
@Table(name = "document_mail")
public class DocumentMail extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "invoice_id")
    public UUID invoiceId;
    @Column(name = "operator_id")
    public UUID operatorId;
    @Enumerated(EnumType.STRING)
    public MailStep step;
    @Column(name = "send_number")
    public int sendNumber;
    @Enumerated(EnumType.STRING)
    public MailStatus status;
    public String recipient;
    public String bcc;
    @Column(name = "message_id")
    public String messageId;
    public int attempts;
    @Column(name = "queued_at")
    public Instant queuedAt;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "sent_at")
    public Instant sentAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "requested_by")
    public String requestedBy;

    /** The mails of a document, in the order they were queued. */
    public static List<DocumentMail> of(UUID invoiceId) {
        return list("invoiceId = ?1 order by queuedAt, sendNumber", invoiceId);
    }
}
