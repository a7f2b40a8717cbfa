package org.evsettle.invoices;

/** How an invoice is paid (said on the invoice) or how a payment came in. */
public enum PaymentMethod {
    /** The driver transfers the amount with the structured payment reference. */
    TRANSFER,
    /** The operator collects the amount by SEPA direct debit under the driver's mandate. */
    DIRECT_DEBIT
}
