package org.evsettle.invoices.documents;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.evsettle.invoices.CustomerDetails;
import org.evsettle.invoices.DocumentKind;
import org.evsettle.invoices.EmployerBilling;
import org.evsettle.invoices.Invoice;
import org.evsettle.invoices.InvoiceLine;
import org.evsettle.invoices.LineNote;
import org.evsettle.invoices.PaymentMethod;
import org.evsettle.invoices.PaymentReference;
import org.evsettle.invoices.PriceComponent;
import org.evsettle.invoices.ReminderStep;
import org.evsettle.invoices.SupplierDetails;
import org.evsettle.invoices.VatSubtotal;

/**
 * Renders an issued invoice, credit note or statement as an A4 PDF with everything Dutch and Belgian
 * law asks of an invoice: the operator's name, address, VAT and chamber-of-commerce numbers; the
 * customer's name and address (and VAT number for a company); number, issue date and supply period;
 * a line per session with its date, site, charger, energy and tariff components; net and VAT per rate
 * and the total; the due date, the operator's IBAN and the structured payment reference. Renders the
 * payment reminders and the final notice about an invoice too. Everything is written in the document's
 * language ({@link DocumentContent#language()}), its texts from {@link DocumentText}.
 */
public final class InvoicePdf {

    private static final Color ACCENT = new Color(0x1F, 0x4E, 0x79);
    private static final Color RULE = new Color(0xC8, 0xD3, 0xDE);
    private static final Color SHADE = new Color(0xF2, 0xF5, 0xF8);
    private static final Font TITLE = new Font(Font.HELVETICA, 20, Font.BOLD, ACCENT);
    /** A letter's title is longer ("Betalingsherinnering", "Zweite Zahlungserinnerung"): smaller, in a wider column. */
    private static final Font LETTER_TITLE = new Font(Font.HELVETICA, 14, Font.BOLD, ACCENT);
    private static final Font SUPPLIER = new Font(Font.HELVETICA, 13, Font.BOLD, Color.BLACK);
    private static final Font HEADING = new Font(Font.HELVETICA, 8, Font.BOLD, ACCENT);
    private static final Font BODY = new Font(Font.HELVETICA, 9, Font.NORMAL, Color.BLACK);
    private static final Font BOLD = new Font(Font.HELVETICA, 9, Font.BOLD, Color.BLACK);
    private static final Font SMALL = new Font(Font.HELVETICA, 7.5f, Font.NORMAL, Color.DARK_GRAY);
    private static final Font NOTE = new Font(Font.HELVETICA, 7.5f, Font.ITALIC, Color.DARK_GRAY);
    private static final Font TOTAL = new Font(Font.HELVETICA, 11, Font.BOLD, Color.BLACK);

    private InvoicePdf() {
    }

    public static byte[] render(DocumentContent content) {
        Invoice invoice = content.document();
        SupplierDetails supplier = invoice.supplier;
        DocumentText text = content.text();
        ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
        Document pdf = new Document(PageSize.A4, 48, 48, 48, 64);
        try {
            PdfWriter writer = PdfWriter.getInstance(pdf, out);
            writer.setPageEvent(new Footer(footer(supplier, text), text));
            pdf.addTitle(content.title() + " " + (invoice.number == null ? "" : invoice.number));
            pdf.addAuthor(supplier == null ? "" : supplier.legalName());
            pdf.addCreator("EV Settle");
            pdf.open();
            pdf.add(header(content, content.title(), TITLE, new float[] {3, 2}, documentFacts(content)));
            pdf.add(spacer(14));
            pdf.add(parties(content));
            pdf.add(spacer(14));
            pdf.add(lines(content));
            pdf.add(spacer(10));
            pdf.add(totals(content));
            pdf.add(spacer(14));
            pdf.add(paymentTerms(content));
            pdf.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot render " + invoice.number, e);
        }
        return out.toByteArray();
    }

    /**
     * The letter of a dunning step about an issued invoice (a payment reminder, or the final notice), in
     * the invoice's language, written on the given day: the invoice's number, dates and reference, what
     * is still outstanding and how to pay it.
     */
    public static byte[] reminder(DocumentContent content, ReminderStep step, LocalDate writtenOn) {
        Invoice invoice = content.document();
        if (invoice.kind != DocumentKind.INVOICE) {
            throw new IllegalArgumentException(invoice.number + " is no invoice: only invoices are chased");
        }
        SupplierDetails supplier = invoice.supplier;
        DocumentText text = content.text();
        ByteArrayOutputStream out = new ByteArrayOutputStream(8_192);
        Document pdf = new Document(PageSize.A4, 48, 48, 48, 64);
        String title = text.get("title." + step.name());
        try {
            PdfWriter writer = PdfWriter.getInstance(pdf, out);
            writer.setPageEvent(new Footer(footer(supplier, text), text));
            pdf.addTitle(title + " " + invoice.number);
            pdf.addAuthor(supplier.legalName());
            pdf.addCreator("EV Settle");
            pdf.open();
            String currency = invoice.currency;
            String reference = reference(invoice).kind().name();
            List<String[]> facts = List.of(
                    new String[] {text.get("fact.date.letter"), date(writtenOn, text)},
                    new String[] {text.get("fact.number.INVOICE"), invoice.number},
                    new String[] {text.get("fact.date.INVOICE"), date(invoice.issueDate, text)},
                    new String[] {text.get("fact.dueDate"), date(invoice.dueDate, text)},
                    new String[] {text.get("fact.reference." + reference), reference(invoice).printed()},
                    new String[] {text.get("fact.outstanding"), money(currency, invoice.outstanding(), text)});
            pdf.add(header(content, title, LETTER_TITLE, new float[] {1, 1}, facts));
            pdf.add(spacer(14));
            pdf.add(parties(content));
            pdf.add(spacer(18));
            String amount = money(currency, invoice.outstanding(), text);
            String body = text.get(step == ReminderStep.FINAL_NOTICE ? "reminder.body.FINAL_NOTICE" : "reminder.body",
                    "number", invoice.number, "issueDate", date(invoice.issueDate, text),
                    "dueDate", date(invoice.dueDate, text), "amount", amount);
            pdf.add(letter(body, BODY));
            pdf.add(letter(text.get("reminder.pay." + reference, "amount", amount, "supplier", supplier.legalName(),
                    "account", account(supplier), "reference", reference(invoice).printed()), BOLD));
            if (step == ReminderStep.FINAL_NOTICE) {
                pdf.add(letter(text.get("reminder.consequence"), BODY));
            }
            pdf.add(letter(text.get("reminder.paidMeanwhile"), BODY));
            pdf.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot render the " + step + " of " + invoice.number, e);
        }
        return out.toByteArray();
    }

    private static PdfPTable header(DocumentContent content, String title, Font titleFont, float[] widths,
                                    List<String[]> facts) {
        SupplierDetails supplier = content.document().supplier;
        PdfPTable table = table(widths);
        PdfPCell left = cell();
        left.addElement(paragraph(supplier.legalName(), SUPPLIER));
        for (String line : Formats.addressLines(supplier.address())) {
            left.addElement(paragraph(line, BODY));
        }
        if (Formats.present(supplier.email())) {
            left.addElement(paragraph(supplier.email(), BODY));
        }
        table.addCell(left);
        PdfPCell right = cell();
        Paragraph heading = paragraph(title.toUpperCase(Formats.locale(content.language())), titleFont);
        heading.setAlignment(Element.ALIGN_RIGHT);
        right.addElement(heading);
        PdfPTable factTable = table(new float[] {1.3f, 1.6f});
        for (String[] fact : facts) {
            fact(factTable, fact[0], fact[1]);
        }
        right.addElement(factTable);
        table.addCell(right);
        return table;
    }

    private static List<String[]> documentFacts(DocumentContent content) {
        Invoice invoice = content.document();
        DocumentText text = content.text();
        String kind = invoice.kind.name();
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {text.get("fact.number." + kind), invoice.number == null ? "-" : invoice.number});
        facts.add(new String[] {text.get("fact.date." + kind), date(invoice.issueDate, text)});
        facts.add(new String[] {text.get("fact.period"), period(invoice, text)});
        if (invoice.kind == DocumentKind.INVOICE) {
            facts.add(new String[] {text.get("fact.dueDate"), date(invoice.dueDate, text)});
            facts.add(new String[] {text.get("fact.reference." + reference(invoice).kind().name()),
                    reference(invoice).printed()});
        }
        if (invoice.kind == DocumentKind.CREDIT_NOTE) {
            facts.add(new String[] {text.get("fact.creditsInvoice"), content.creditedInvoiceIssueDate() == null
                    ? invoice.creditsInvoiceNumber : text.get("fact.creditsInvoiceOf", "number", invoice.creditsInvoiceNumber,
                    "date", date(content.creditedInvoiceIssueDate(), text))});
        }
        return facts;
    }

    private static PdfPTable parties(DocumentContent content) {
        Invoice invoice = content.document();
        DocumentText text = content.text();
        Locale locale = Formats.locale(text.language());
        CustomerDetails customer = invoice.customer;
        PdfPTable table = table(new float[] {1, 1});
        PdfPCell billTo = cell();
        billTo.addElement(paragraph(text.get(invoice.kind == DocumentKind.CREDIT_NOTE ? "party.creditedTo" : "party.billedTo")
                .toUpperCase(locale), HEADING));
        if (customer != null) {
            billTo.addElement(paragraph(customer.billedName(), BOLD));
            if (customer.isCompany() && Formats.present(customer.name()) && !customer.name().equals(customer.billedName())) {
                billTo.addElement(paragraph(text.get("party.attention", "name", customer.name()), BODY));
            }
            for (String line : Formats.addressLines(customer.address())) {
                billTo.addElement(paragraph(line, BODY));
            }
            if (Formats.present(customer.companyVatNumber())) {
                billTo.addElement(paragraph(text.get("party.vatNumber", "number", customer.companyVatNumber()), BODY));
            }
        }
        table.addCell(billTo);
        PdfPCell about = cell();
        if (invoice.kind == DocumentKind.CREDIT_NOTE) {
            about.addElement(paragraph(text.get("party.reason").toUpperCase(locale), HEADING));
            about.addElement(paragraph(invoice.reason == null ? "" : LineNote.in(invoice.reason, text), BODY));
        } else {
            about.addElement(paragraph(text.get("party.about").toUpperCase(locale), HEADING));
            about.addElement(paragraph(text.get(invoice.lineCount == 1 ? "party.sessions.one" : "party.sessions.other",
                    "count", invoice.lineCount, "start", date(invoice.periodStart, text),
                    "end", date(invoice.periodEnd, text), "zone", content.zone().getId()), BODY));
        }
        table.addCell(about);
        return table;
    }

    private static PdfPTable lines(DocumentContent content) {
        Invoice invoice = content.document();
        DocumentText text = content.text();
        PdfPTable table = new PdfPTable(new float[] {1.75f, 2.2f, 1.35f, 3.3f, 0.75f, 1.25f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        String[] headings = {"lines.started", "lines.where", "lines.energy", "lines.tariff", "lines.vat", "lines.net"};
        for (String heading : headings) {
            PdfPCell cell = new PdfPCell(phrase(text.get(heading), HEADING));
            cell.setBorder(Rectangle.BOTTOM);
            cell.setBorderColor(ACCENT);
            cell.setPaddingBottom(5);
            cell.setHorizontalAlignment(heading.equals("lines.net") || heading.equals("lines.energy")
                    || heading.equals("lines.vat") ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
            if (heading.equals("lines.tariff")) {
                cell.setPaddingLeft(8);
            }
            table.addCell(cell);
        }
        boolean shaded = false;
        boolean perEmployee = EmployerBilling.billsEmployees(content.lines());
        for (EmployerBilling.EmployeeLines group : EmployerBilling.perEmployee(content.lines())) {
            if (perEmployee) {
                employeeRow(table, group.employeeId() == null ? text.get("lines.employer")
                        : text.get("lines.employee", "name", Formats.present(group.employeeName()) ? group.employeeName()
                        : group.employeeId().toString()), null, BOLD);
            }
            shaded = lineRows(table, content, group.lines(), shaded);
            if (perEmployee && group.employeeId() != null) {
                employeeRow(table, text.get("lines.employeeSubtotal", "name", Formats.present(group.employeeName())
                        ? group.employeeName() : group.employeeId().toString()),
                        money(invoice.currency, group.netAmount(), text), BOLD);
            }
        }
        return table;
    }

    // an employer's invoice: a row naming the employee above their sessions, and one with their subtotal below
    private static void employeeRow(PdfPTable table, String label, String amount, Font font) {
        PdfPCell name = new PdfPCell(phrase(label, font));
        name.setColspan(amount == null ? 6 : 5);
        name.setBorder(Rectangle.NO_BORDER);
        name.setPaddingTop(6);
        name.setPaddingBottom(4);
        table.addCell(name);
        if (amount != null) {
            PdfPCell sum = new PdfPCell(phrase(amount, font));
            sum.setBorder(Rectangle.TOP);
            sum.setBorderColor(ACCENT);
            sum.setHorizontalAlignment(Element.ALIGN_RIGHT);
            sum.setPaddingTop(6);
            table.addCell(sum);
        }
    }

    private static boolean lineRows(PdfPTable table, DocumentContent content, List<InvoiceLine> lines, boolean shaded) {
        Invoice invoice = content.document();
        DocumentText text = content.text();
        for (InvoiceLine line : lines) {
            Color background = shaded ? SHADE : Color.WHITE;
            shaded = !shaded;
            table.addCell(lineCell(phrase(Formats.dateTime(line.startedAt, content.zone(), text.language()), BODY),
                    background, false));
            Phrase where = new Phrase();
            where.add(chunk(Formats.present(line.siteName) ? line.siteName + "\n" : "", BODY));
            where.add(chunk(text.get("lines.charger", "id", line.chargePointId), SMALL));
            table.addCell(lineCell(where, background, false));
            table.addCell(lineCell(phrase(Formats.kwh(line.energyKwh(), text.language()), BODY), background, true));
            Phrase tariff = new Phrase();
            List<String> parts = new ArrayList<>();
            for (PriceComponent component : line.components) {
                parts.add(component(invoice.currency, component, text));
            }
            tariff.add(chunk(String.join("\n", parts), SMALL));
            if (Formats.present(line.note)) {
                tariff.add(chunk("\n" + LineNote.in(line.note, text), NOTE));
            }
            PdfPCell tariffCell = lineCell(tariff, background, false);
            tariffCell.setPaddingLeft(8);
            table.addCell(tariffCell);
            table.addCell(lineCell(phrase(Formats.percent(line.vatRate, text.language()), BODY), background, true));
            table.addCell(lineCell(phrase(money(invoice.currency, line.netAmount, text), BODY), background, true));
        }
        return shaded;
    }

    private static String component(String currency, PriceComponent component, DocumentText text) {
        String name = Formats.present(component.description) ? component.description : component.component;
        return text.get("lines.component", "name", name, "quantity", Formats.number(component.quantity, text.language()),
                "unit", component.unit, "unitPrice", Formats.unitPrice(currency, component.unitPrice, text.language()),
                "amount", money(currency, component.amount, text));
    }

    private static PdfPTable totals(DocumentContent content) {
        Invoice invoice = content.document();
        DocumentText text = content.text();
        PdfPTable outer = table(new float[] {3, 2.4f});
        outer.addCell(cell());
        PdfPTable sums = table(new float[] {1.6f, 1});
        for (VatSubtotal rate : invoice.vatBreakdown) {
            String percent = Formats.percent(rate.rate, text.language());
            sum(sums, text.get("totals.netAtRate", "rate", percent), money(invoice.currency, rate.netAmount, text), BODY);
            sum(sums, text.get("totals.vatAtRate", "rate", percent), money(invoice.currency, rate.vatAmount, text), BODY);
        }
        sum(sums, text.get("totals.net"), money(invoice.currency, invoice.netAmount, text), BOLD);
        sum(sums, text.get("totals.vat"), money(invoice.currency, invoice.vatAmount, text), BOLD);
        PdfPCell totalLabel = new PdfPCell(phrase(text.get("totals." + invoice.kind.name()), TOTAL));
        PdfPCell totalValue = new PdfPCell(phrase(money(invoice.currency, invoice.grossAmount, text), TOTAL));
        for (PdfPCell cell : new PdfPCell[] {totalLabel, totalValue}) {
            cell.setBorder(Rectangle.TOP);
            cell.setBorderColor(ACCENT);
            cell.setBorderWidth(1.2f);
            cell.setPaddingTop(5);
        }
        totalValue.setHorizontalAlignment(Element.ALIGN_RIGHT);
        sums.addCell(totalLabel);
        sums.addCell(totalValue);
        PdfPCell right = cell();
        right.addElement(sums);
        outer.addCell(right);
        return outer;
    }

    private static Paragraph paymentTerms(DocumentContent content) {
        Invoice invoice = content.document();
        DocumentText text = content.text();
        SupplierDetails supplier = invoice.supplier;
        Paragraph terms = new Paragraph();
        terms.setLeading(12);
        String amount = money(invoice.currency, invoice.grossAmount, text);
        if (invoice.kind == DocumentKind.INVOICE) {
            PaymentReference reference = reference(invoice);
            String form = reference.kind().name();
            if (invoice.paymentMethod == PaymentMethod.DIRECT_DEBIT && invoice.customer != null
                    && invoice.customer.mandateId() != null) {
                terms.add(chunk(text.get("pay.debit.heading") + " ", BOLD));
                terms.add(chunk(text.get("pay.debit." + form, "supplier", supplier.legalName(), "amount", amount,
                        "date", date(invoice.dueDate, text), "account", Formats.maskedIban(invoice.customer.debitIban()),
                        "mandate", invoice.customer.mandateId(), "reference", reference.printed()), BODY));
            } else {
                terms.add(chunk(text.get("pay.transfer.heading") + " ", BOLD));
                terms.add(chunk(text.get("pay.transfer." + form, "amount", amount, "date", date(invoice.dueDate, text),
                        "supplier", supplier.legalName(), "account", account(supplier), "reference", reference.printed()),
                        BODY));
            }
        } else if (invoice.kind == DocumentKind.CREDIT_NOTE) {
            terms.add(chunk(text.get("pay.creditNote", "number", invoice.creditsInvoiceNumber, "amount", amount), BODY));
        } else if (invoice.kind == DocumentKind.REIMBURSEMENT) {
            // not a supply: no VAT unless the rate had one (docs/companies.md)
            terms.add(chunk(text.get("pay.reimbursement", "supplier", supplier.legalName(), "amount", amount,
                    "account", content.payoutAccount() == null ? "-" : Formats.maskedIban(content.payoutAccount())),
                    BODY));
        } else {
            terms.add(chunk(text.get("pay.statement"), BODY));
        }
        return terms;
    }

    private static List<String> footer(SupplierDetails supplier, DocumentText text) {
        List<String> parts = new ArrayList<>();
        parts.add(supplier.legalName());
        if (Formats.present(supplier.vatNumber())) {
            parts.add(text.get("footer.vat", "number", supplier.vatNumber()));
        }
        if (Formats.present(supplier.chamberOfCommerceNumber())) {
            boolean dutch = supplier.address() == null || supplier.address().countryCode() == null
                    || "NL".equalsIgnoreCase(supplier.address().countryCode());
            parts.add(text.get(dutch ? "footer.registration.NL" : "footer.registration.other",
                    "number", supplier.chamberOfCommerceNumber()));
        }
        if (Formats.present(supplier.iban())) {
            parts.add("IBAN " + Formats.iban(supplier.iban()));
        }
        return parts;
    }

    /** The supplier's account as a payer types it: IBAN in groups of four, with the BIC where known. */
    private static String account(SupplierDetails supplier) {
        return "IBAN " + Formats.iban(supplier.iban())
                + (Formats.present(supplier.bic()) ? " (BIC " + supplier.bic() + ")" : "");
    }

    private static PaymentReference reference(Invoice invoice) {
        return PaymentReference.of(invoice.paymentReference);
    }

    private static String money(String currency, BigDecimal amount, DocumentText text) {
        return Formats.money(currency, amount, text.language());
    }

    private static String date(LocalDate date, DocumentText text) {
        return Formats.date(date, text.language());
    }

    private static String period(Invoice invoice, DocumentText text) {
        return text.get("fact.periodRange", "start", date(invoice.periodStart, text), "end", date(invoice.periodEnd, text));
    }

    private static Paragraph letter(String text, Font font) {
        Paragraph paragraph = paragraph(text, font);
        paragraph.setLeading(13);
        paragraph.setSpacingAfter(8);
        return paragraph;
    }

    // every text reaches the PDF through these three: the standard fonts cannot show U+202F
    private static Paragraph paragraph(String text, Font font) {
        return new Paragraph(Formats.forStandardFonts(text), font);
    }

    private static Phrase phrase(String text, Font font) {
        return new Phrase(Formats.forStandardFonts(text), font);
    }

    private static Chunk chunk(String text, Font font) {
        return new Chunk(Formats.forStandardFonts(text), font);
    }

    private static void fact(PdfPTable table, String label, String value) {
        PdfPCell name = new PdfPCell(phrase(label, SMALL));
        PdfPCell text = new PdfPCell(phrase(value, BOLD));
        for (PdfPCell cell : new PdfPCell[] {name, text}) {
            cell.setBorder(Rectangle.NO_BORDER);
            cell.setPaddingBottom(2);
        }
        text.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.addCell(name);
        table.addCell(text);
    }

    private static void sum(PdfPTable table, String label, String value, Font font) {
        PdfPCell name = new PdfPCell(phrase(label, font));
        PdfPCell amount = new PdfPCell(phrase(value, font));
        for (PdfPCell cell : new PdfPCell[] {name, amount}) {
            cell.setBorder(Rectangle.NO_BORDER);
            cell.setPaddingBottom(3);
        }
        amount.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.addCell(name);
        table.addCell(amount);
    }

    private static PdfPCell lineCell(Phrase phrase, Color background, boolean right) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(RULE);
        cell.setBackgroundColor(background);
        cell.setPaddingTop(4);
        cell.setPaddingBottom(5);
        cell.setHorizontalAlignment(right ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        return cell;
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        return table;
    }

    private static PdfPCell cell() {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        return cell;
    }

    private static Paragraph spacer(float height) {
        Paragraph spacer = new Paragraph(" ");
        spacer.setLeading(height);
        return spacer;
    }

    /** The supplier's legal details and the page number at the foot of every page. */
    private static final class Footer extends PdfPageEventHelper {
        private final String text;
        private final DocumentText texts;

        Footer(List<String> parts, DocumentText texts) {
            this.text = String.join("  ·  ", parts);
            this.texts = texts;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            float y = document.bottom() - 24;
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, phrase(text, SMALL), document.left(), y, 0);
            ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT,
                    phrase(texts.get("footer.page", "page", writer.getPageNumber()), SMALL), document.right(), y, 0);
        }
    }
}
