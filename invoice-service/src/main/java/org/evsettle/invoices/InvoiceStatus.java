package org.evsettle.invoices;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a document is in its life. An invoice is OPEN while sessions of its period are added (no number
 * yet), then ISSUED with a number, and later PARTIALLY_PAID, PAID, OVERDUE, CREDITED (cancelled in full
 * by credit notes) or WRITTEN_OFF. A credit note is ISSUED. A period with nothing to pay ends CLOSED
 * (as a numbered statement when the operator issues statements).
 */
public enum InvoiceStatus {
    OPEN, ISSUED, PARTIALLY_PAID, PAID, OVERDUE, CREDITED, WRITTEN_OFF, CLOSED;

    /** The statuses of an invoice that still waits for money. */
    public static final Set<InvoiceStatus> RECEIVABLE = EnumSet.of(ISSUED, PARTIALLY_PAID, OVERDUE);
}
