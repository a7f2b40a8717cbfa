package org.evsettle.invoices.documents;

import org.evsettle.invoices.Driver;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.evsettle.events.registry.DocumentLanguage;
import org.evsettle.invoices.DocumentKind;
import org.evsettle.invoices.EmployerBilling;
import org.evsettle.invoices.Invoice;
import org.evsettle.invoices.InvoiceLine;
import org.evsettle.invoices.InvoiceStatus;
import org.evsettle.invoices.Operator;
import org.evsettle.kit.api.DomainException;

/**
 * What a rendered document shows: an issued document, the zone its reader's dates are in, and for a
 * credit note the issue date of the invoice it credits; it is written in the customer's language as
 * fixed at issue. Only issued documents are rendered: an open
 * invoice is not an invoice yet.
 */
public record DocumentContent(Invoice document, ZoneId zone, LocalDate creditedInvoiceIssueDate) {

    public DocumentContent {
        if (document.number == null && document.kind != DocumentKind.STATEMENT) {
            throw new IllegalArgumentException("Document " + document.id + " is not issued");
        }
    }

    /** The account a reimbursement statement is paid out to: the employee's payout IBAN, as the registry has it. */
    public String payoutAccount() {
        return document.kind == DocumentKind.REIMBURSEMENT
                ? Driver.<Driver>findByIdOptional(document.driverId).map(driver -> driver.payoutIban).orElse(null) : null;
    }

    /** What an issued document shows, its dates in its operator's zone; 409 for an invoice still OPEN. */
    public static DocumentContent of(Invoice invoice) {
        if (invoice.status == InvoiceStatus.OPEN) {
            throw DomainException.conflict("Invoice " + invoice.id + " is still open: its documents exist once it is issued");
        }
        LocalDate creditedIssueDate = invoice.creditsInvoiceId == null ? null
                : Invoice.<Invoice>findByIdOptional(invoice.creditsInvoiceId).map(i -> i.issueDate).orElse(null);
        return new DocumentContent(invoice, Operator.zoneOf(invoice.operatorId), creditedIssueDate);
    }

    /** The lines in the order the document lists them (an employer's: per employee). */
    public List<InvoiceLine> lines() {
        return EmployerBilling.inDocumentOrder(document.lines);
    }

    /** The language the document is written in, fixed when it was issued. */
    public DocumentLanguage language() {
        return document.customer == null ? DocumentLanguage.EN : document.customer.documentLanguage();
    }

    /** The document's texts, in its language. */
    public DocumentText text() {
        return DocumentText.in(language());
    }

    /** What the document is called in its language: Factuur, Note de crédit, Aufstellung. */
    public String title() {
        return text().get("title." + document.kind.name());
    }

    /** A file name for the document: its number, or the statement's period. */
    public String fileName(String extension) {
        String base = document.number != null ? document.number
                : "statement-" + document.periodStart + "-" + document.periodEnd;
        return base.replaceAll("[^A-Za-z0-9._-]", "_") + "." + extension;
    }
}
