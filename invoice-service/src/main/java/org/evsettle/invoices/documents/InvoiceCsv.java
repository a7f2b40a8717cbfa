package org.evsettle.invoices.documents;

import org.evsettle.invoices.ReimbursementTotals;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.evsettle.events.registry.DocumentLanguage;
import org.evsettle.invoices.CustomerDetails;
import org.evsettle.invoices.Invoice;
import org.evsettle.invoices.InvoiceLine;
import org.evsettle.invoices.LineNote;

/**
 * The CSV forms of documents for accounting: one document line by line (each session with its amounts
 * and tariff components), and an operator's journal of documents, one row each with net and VAT per
 * rate, ready for a bookkeeping import. The header row is in the reader's language; the values are
 * written as machines read them (ISO dates, a point as decimal mark), so an import reads every language.
 */
public final class InvoiceCsv {

    private InvoiceCsv() {
    }

    /** The columns of a document's lines, as the bundle keys {@code csv.lines.<column>} name them. */
    static final List<String> LINE_COLUMNS = List.of("document_number", "document_kind", "issue_date", "line",
            "session_id", "started_local", "stopped_local", "site", "charge_point", "energy_kwh", "tariff", "net_amount",
            "vat_rate", "vat_amount_indicative", "gross_amount", "currency", "note", "employee_id", "employee_name");
    /** The columns of the journal, as the bundle keys {@code csv.journal.<column>} name them. */
    static final List<String> JOURNAL_COLUMNS = List.of("number", "kind", "status", "issue_date", "due_date",
            "period_start", "period_end", "customer", "customer_vat_number", "driver_id", "currency", "net_amount",
            "vat_amount", "gross_amount", "vat_breakdown", "paid_amount", "credited_amount", "outstanding_amount",
            "payment_reference", "credits_number");

    /** One row per line of the document, headed in the reader's language; the values stay machine-readable. */
    public static String lines(DocumentContent content, DocumentLanguage language) {
        Invoice document = content.document();
        Csv csv = new Csv().row(headers("csv.lines.", LINE_COLUMNS, language));
        DocumentText text = DocumentText.in(language);
        int position = 1;
        for (InvoiceLine line : content.lines()) {
            String tariff = line.components.stream()
                    .map(c -> c.component + " " + c.quantity.stripTrailingZeros().toPlainString() + " " + c.unit + " x "
                            + c.unitPrice.toPlainString() + " = " + c.amount.toPlainString())
                    .collect(Collectors.joining("; "));
            csv.row(Arrays.asList(document.number, document.kind, document.issueDate, position++, line.sessionId,
                    Formats.localTime(line.startedAt, content.zone()), Formats.localTime(line.stoppedAt, content.zone()),
                    line.siteName, line.chargePointId, line.energyKwh(), tariff, line.netAmount, line.vatRate,
                    line.grossAmount.subtract(line.netAmount), line.grossAmount, document.currency, LineNote.in(line.note, text), line.employeeId,
                    line.employeeName));
        }
        return csv.toString();
    }

    /** One row per document: the journal of an operator's invoices, credit notes and statements, headed in the language. */
    public static String journal(List<Invoice> documents, DocumentLanguage language) {
        Csv csv = new Csv().row(headers("csv.journal.", JOURNAL_COLUMNS, language));
        for (Invoice d : documents) {
            CustomerDetails customer = d.customer;
            String breakdown = d.vatBreakdown.stream()
                    .map(v -> v.rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%: " + v.netAmount.toPlainString() + " + " + v.vatAmount.toPlainString())
                    .collect(Collectors.joining("; "));
            csv.row(Arrays.asList(d.number, d.kind, d.status, d.issueDate, d.dueDate, d.periodStart, d.periodEnd,
                    customer == null ? null : customer.billedName(), customer == null ? null : customer.companyVatNumber(),
                    d.driverId, d.currency, d.netAmount, d.vatAmount, d.grossAmount, breakdown, d.paidAmount,
                    d.creditedAmount, d.outstanding(), d.paymentReference, d.creditsInvoiceNumber));
        }
        return csv.toString();
    }

    /** The columns of the reimbursement totals, as the bundle keys {@code csv.reimbursements.<column>} name them. */
    static final List<String> REIMBURSEMENT_COLUMNS = List.of("employee_id", "employee_name", "month", "sessions",
            "energy_kwh", "amount", "currency");

    /** One row per employee and month reimbursed, headed in the language: for payroll or bookkeeping. */
    public static String reimbursements(List<ReimbursementTotals.Total> totals, DocumentLanguage language) {
        Csv csv = new Csv().row(headers("csv.reimbursements.", REIMBURSEMENT_COLUMNS, language));
        for (ReimbursementTotals.Total t : totals) {
            csv.row(Arrays.asList(t.driverId(), t.driverName(), t.month(), t.sessions(),
                    InvoiceLine.energyKwh(t.energyWh()), t.amount(), t.currency()));
        }
        return csv.toString();
    }

    private static List<String> headers(String prefix, List<String> columns, DocumentLanguage language) {
        DocumentText text = DocumentText.in(language);
        return columns.stream().map(column -> text.get(prefix + column)).toList();
    }
}
