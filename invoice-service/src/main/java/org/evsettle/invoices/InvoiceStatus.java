package org.evsettle.invoices;

/**
 * Where an invoice is in its life: OPEN while sessions of its period are still added (no number yet),
 * then ISSUED with a number, and later PAID, OVERDUE or CREDITED.
 */
public enum InvoiceStatus {
    OPEN, ISSUED, PAID, OVERDUE, CREDITED
}
