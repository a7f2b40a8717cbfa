package org.evsettle.invoices.mail;

import io.quarkus.mailer.Mail;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.evsettle.events.registry.DocumentLanguage;
import org.evsettle.invoices.DocumentKind;
import org.evsettle.invoices.Invoice;
import org.evsettle.invoices.Operator;
import org.evsettle.invoices.PaymentMethod;
import org.evsettle.invoices.PaymentReference;
import org.evsettle.invoices.ReminderStep;
import org.evsettle.invoices.config.MailConfig;
import org.evsettle.invoices.documents.DocumentContent;
import org.evsettle.invoices.documents.Formats;
import org.evsettle.invoices.documents.InvoicePdf;
import org.evsettle.invoices.documents.UblDocument;

/**
 * Writes the e-mail of a document and step: from the platform's address in the operator's name, Reply-To
 * the operator, subject and body in the document's language with what to pay, by when and how, the PDF
 * attached, and the UBL too for a business customer (statements have no UBL).
 */
@ApplicationScoped
public class MailComposer {

    private final MailConfig config;

    public MailComposer(MailConfig config) {
        this.config = config;
    }

    /** The mail, from a document read in the current transaction (its lines are rendered into the PDF). */
    public Mail compose(DocumentMail row, Invoice document) {
        DocumentLanguage language = document.customer.documentLanguage();
        MailTexts texts = MailTexts.of(language);
        String kind = document.kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
        String step = row.step.name().toLowerCase(Locale.ROOT).replace('_', '-');
        Map<String, String> values = values(document, row.step, language);

        String body = String.join("\n\n",
                texts.text("greeting", values),
                texts.text(bodyKey(document, kind, step), values),
                texts.text(document.customer.isCompany() && (document.kind == DocumentKind.INVOICE || document.kind == DocumentKind.CREDIT_NOTE)
                        ? "attachment.pdf-and-ubl" : "attachment.pdf", values),
                texts.text("questions", values),
                texts.text("closing", values)) + "\n";
        Mail mail = Mail.withText(row.recipient, texts.text("subject." + kind + "." + step, values), body)
                .setFrom(sender(document.supplier.legalName()))
                .addHeader("Message-ID", row.messageId);
        if (document.supplier.email() != null && !document.supplier.email().isBlank()) {
            mail.setReplyTo(document.supplier.email());
        }
        if (row.bcc != null) {
            mail.addBcc(row.bcc);
        }
        DocumentContent content = DocumentContent.of(document);
        if (row.step != MailStep.ISSUED) {
            // a reminder is its own letter, dated the day its step was reached, beside the invoice it chases
            LocalDate writtenOn = LocalDate.ofInstant(row.queuedAt, Operator.zoneOf(document.operatorId));
            mail.addAttachment(reminderFileName(document, row.step),
                    InvoicePdf.reminder(content, ReminderStep.valueOf(row.step.name()), writtenOn), "application/pdf");
        }
        mail.addAttachment(content.fileName("pdf"), InvoicePdf.render(content), "application/pdf");
        if (document.customer.isCompany() && (document.kind == DocumentKind.INVOICE || document.kind == DocumentKind.CREDIT_NOTE)) {
            mail.addAttachment(content.fileName("xml"), UblDocument.write(content).getBytes(StandardCharsets.UTF_8),
                    "application/xml");
        }
        return mail;
    }

    /** The reminder letter's file: the invoice's number and the step, {@code LINDE-2026-000042-reminder-1.pdf}. */
    static String reminderFileName(Invoice document, MailStep step) {
        return document.number + "-" + step.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".pdf";
    }

    /**
     * The body's text: for an invoice its issue by transfer or direct debit, or its reminder step; a text
     * that asks for a transfer names a Belgian structured communication as such ({@code .structured}).
     */
    private static String bodyKey(Invoice document, String kind, String step) {
        if (document.kind == DocumentKind.INVOICE && "issued".equals(step)) {
            return document.paymentMethod == PaymentMethod.DIRECT_DEBIT ? "body.invoice.issued.direct-debit"
                    : "body.invoice.issued.transfer" + referenceForm(document);
        }
        return "body." + kind + "." + step + (document.kind == DocumentKind.INVOICE ? referenceForm(document) : "");
    }

    private static String referenceForm(Invoice document) {
        return document.paymentReference != null && PaymentReference.of(document.paymentReference).kind()
                == PaymentReference.Kind.STRUCTURED ? ".structured" : "";
    }

    private static Map<String, String> values(Invoice document, MailStep step, DocumentLanguage language) {
        BigDecimal amount = step == MailStep.ISSUED ? document.grossAmount : document.outstanding();
        Map<String, String> values = new HashMap<>();
        values.put("number", document.number == null ? "" : document.number);
        values.put("operator", document.supplier.legalName());
        values.put("name", document.customer.name() == null ? document.customer.billedName() : document.customer.name());
        values.put("amount", Formats.money(document.currency, amount.abs(), language));
        values.put("periodStart", Formats.date(document.periodStart, language));
        values.put("periodEnd", Formats.date(document.periodEnd, language));
        values.put("dueDate", document.dueDate == null ? "" : Formats.date(document.dueDate, language));
        values.put("reference", document.paymentReference == null ? "" : PaymentReference.of(document.paymentReference).printed());
        values.put("iban", document.supplier.iban() == null ? "" : document.supplier.iban());
        values.put("creditedNumber", document.creditsInvoiceNumber == null ? "" : document.creditsInvoiceNumber);
        values.put("contact", document.supplier.email() == null ? "" : document.supplier.email());
        return values;
    }

    /** "Operator name" <from>: the display name quoted, so commas and dots in a legal name stay in it. */
    private String sender(String legalName) {
        String name = legalName == null ? "" : legalName.replace("\"", "").replace("\\", "").trim();
        return name.isEmpty() ? config.from() : "\"" + name + "\" <" + config.from() + ">";
    }
}
