package org.evsettle.invoices.mail;

import java.util.Optional;
import org.evsettle.invoices.ReminderStep;

/**
 * What a mail about a document is for: the document itself (an invoice, credit note or statement) when
 * it is issued, and the reminder steps that ask for the money. The OVERDUE step (the day after the due
 * date) only changes the status: the first mail that chases is the first reminder, a week later.
 */
public enum MailStep {
    ISSUED, REMINDER_1, REMINDER_2, FINAL_NOTICE;

    /** The mail a reminder step sends, if any. */
    public static Optional<MailStep> of(ReminderStep step) {
        return switch (step) {
            case OVERDUE -> Optional.empty();
            case REMINDER_1 -> Optional.of(REMINDER_1);
            case REMINDER_2 -> Optional.of(REMINDER_2);
            case FINAL_NOTICE -> Optional.of(FINAL_NOTICE);
        };
    }
}
