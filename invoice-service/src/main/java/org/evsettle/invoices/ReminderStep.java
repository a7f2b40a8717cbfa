package org.evsettle.invoices;

/**
 * The steps of dunning an unpaid invoice, each announced once as InvoiceOverdue: OVERDUE the day after
 * the due date, then the reminders and the final notice after the configured numbers of days.
 */
public enum ReminderStep {
    OVERDUE, REMINDER_1, REMINDER_2, FINAL_NOTICE
}
