package org.evsettle.invoices;

/**
 * What a billing document is: an INVOICE (the driver owes its total), a CREDIT_NOTE (cancels all or
 * part of an issued invoice, numbered in the same series), a STATEMENT (the sessions of a period with
 * nothing to pay) or a REIMBURSEMENT statement (what the operator pays an employee for charging at home,
 * {@link ReimbursementStatements}; its own series).
 */
public enum DocumentKind {
    INVOICE, CREDIT_NOTE, STATEMENT, REIMBURSEMENT
}
