package org.evsettle.invoices;

/**
 * What a billing document is: an INVOICE (the driver owes its total), a CREDIT_NOTE (cancels all or
 * part of an issued invoice, numbered in the same series) or a STATEMENT (the sessions of a period with
 * nothing to pay).
 */
public enum DocumentKind {
    INVOICE, CREDIT_NOTE, STATEMENT
}
