package org.evsettle.invoices;

import java.time.Instant;
import java.time.LocalDate;

/** Lets document tests in another package set what only the domain sets: a credit note's issue. */
public final class TestDocuments {

    private TestDocuments() {
    }

    public static void issueAsCreditNote(Invoice creditNote, String number, LocalDate issueDate, Invoice credited,
                                         String reason) {
        creditNote.recompute();
        creditNote.kind = DocumentKind.CREDIT_NOTE;
        creditNote.status = InvoiceStatus.ISSUED;
        creditNote.number = number;
        creditNote.issueDate = issueDate;
        creditNote.issuedAt = Instant.parse(issueDate + "T08:00:00Z");
        creditNote.creditsInvoiceId = credited.id;
        creditNote.creditsInvoiceNumber = credited.number;
        creditNote.reason = reason;
        creditNote.supplier = credited.supplier;
        creditNote.customer = credited.customer;
    }
}
