package org.evsettle.events.invoices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An issued invoice is past its due date and not paid in full; published when it becomes overdue and
 * at every reminder step (reminderStep: OVERDUE, REMINDER_1, REMINDER_2, FINAL_NOTICE).
 */
public record InvoiceOverdue(
        UUID invoiceId,
        UUID operatorId,
        UUID driverId,
        String number,
        LocalDate dueDate,
        int daysOverdue,
        BigDecimal outstandingAmount,
        String reminderStep) implements InvoiceEvent {
}
