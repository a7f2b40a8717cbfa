package org.evsettle.invoices.mail;

/**
 * Where a mail stands: QUEUED until the SMTP server took it (SENT), refused it for good (BOUNCED) or
 * failed on every attempt (FAILED); SKIPPED when the operator turned e-mail off or the driver has no
 * address.
 */
public enum MailStatus {
    QUEUED, SENT, FAILED, BOUNCED, SKIPPED
}
