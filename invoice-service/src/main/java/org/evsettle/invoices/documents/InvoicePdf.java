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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.evsettle.invoices.CreditorReference;
import org.evsettle.invoices.CustomerDetails;
import org.evsettle.invoices.DocumentKind;
import org.evsettle.invoices.Invoice;
import org.evsettle.invoices.InvoiceLine;
import org.evsettle.invoices.PaymentMethod;
import org.evsettle.invoices.PriceComponent;
import org.evsettle.invoices.SupplierDetails;
import org.evsettle.invoices.VatSubtotal;

/**
 * Renders an issued invoice, credit note or statement as an A4 PDF with everything Dutch and Belgian
 * law asks of an invoice: the operator's name, address, VAT and chamber-of-commerce numbers; the
 * customer's name and address (and VAT number for a company); number, issue date and supply period;
 * a line per session with its date, site, charger, energy and tariff components; net and VAT per rate
 * and the total; the due date, the operator's IBAN and the structured payment reference.
 */
public final class InvoicePdf {

    private static final Color ACCENT = new Color(0x1F, 0x4E, 0x79);
    private static final Color RULE = new Color(0xC8, 0xD3, 0xDE);
    private static final Color SHADE = new Color(0xF2, 0xF5, 0xF8);
    private static final Font TITLE = new Font(Font.HELVETICA, 20, Font.BOLD, ACCENT);
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
        ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
        Document pdf = new Document(PageSize.A4, 48, 48, 48, 64);
        try {
            PdfWriter writer = PdfWriter.getInstance(pdf, out);
            writer.setPageEvent(new Footer(footer(supplier)));
            pdf.addTitle(content.title() + " " + (invoice.number == null ? "" : invoice.number));
            pdf.addAuthor(supplier == null ? "" : supplier.legalName());
            pdf.addCreator("EV Settle");
            pdf.open();
            pdf.add(header(content));
            pdf.add(spacer(14));
            pdf.add(parties(content));
            pdf.add(spacer(14));
            pdf.add(lines(content));
            pdf.add(spacer(10));
            pdf.add(totals(invoice));
            pdf.add(spacer(14));
            pdf.add(paymentTerms(content));
            pdf.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot render " + invoice.number, e);
        }
        return out.toByteArray();
    }

    private static PdfPTable header(DocumentContent content) {
        Invoice invoice = content.document();
        SupplierDetails supplier = invoice.supplier;
        PdfPTable table = table(new float[] {3, 2});
        PdfPCell left = cell();
        left.addElement(new Paragraph(supplier.legalName(), SUPPLIER));
        for (String line : Formats.addressLines(supplier.address())) {
            left.addElement(new Paragraph(line, BODY));
        }
        if (Formats.present(supplier.email())) {
            left.addElement(new Paragraph(supplier.email(), BODY));
        }
        table.addCell(left);
        PdfPCell right = cell();
        Paragraph title = new Paragraph(content.title().toUpperCase(Locale.ROOT), TITLE);
        title.setAlignment(Element.ALIGN_RIGHT);
        right.addElement(title);
        PdfPTable facts = table(new float[] {1.2f, 1.6f});
        fact(facts, invoice.kind == DocumentKind.STATEMENT ? "Statement" : "Number",
                invoice.number == null ? "-" : invoice.number);
        fact(facts, "Issue date", Formats.date(invoice.issueDate));
        fact(facts, "Supply period", Formats.date(invoice.periodStart) + " – " + Formats.date(invoice.periodEnd));
        if (invoice.kind == DocumentKind.INVOICE) {
            fact(facts, "Due date", Formats.date(invoice.dueDate));
            fact(facts, "Payment reference", CreditorReference.printed(invoice.paymentReference));
        }
        if (invoice.kind == DocumentKind.CREDIT_NOTE) {
            fact(facts, "Credits invoice", invoice.creditsInvoiceNumber + (content.creditedInvoiceIssueDate() == null
                    ? "" : " of " + Formats.date(content.creditedInvoiceIssueDate())));
        }
        right.addElement(facts);
        table.addCell(right);
        return table;
    }

    private static PdfPTable parties(DocumentContent content) {
        Invoice invoice = content.document();
        CustomerDetails customer = invoice.customer;
        PdfPTable table = table(new float[] {1, 1});
        PdfPCell billTo = cell();
        billTo.addElement(new Paragraph(invoice.kind == DocumentKind.CREDIT_NOTE ? "CREDITED TO" : "BILLED TO", HEADING));
        if (customer != null) {
            billTo.addElement(new Paragraph(customer.billedName(), BOLD));
            if (customer.isCompany() && Formats.present(customer.name()) && !customer.name().equals(customer.billedName())) {
                billTo.addElement(new Paragraph("Attn. " + customer.name(), BODY));
            }
            for (String line : Formats.addressLines(customer.address())) {
                billTo.addElement(new Paragraph(line, BODY));
            }
            if (Formats.present(customer.companyVatNumber())) {
                billTo.addElement(new Paragraph("VAT " + customer.companyVatNumber(), BODY));
            }
        }
        table.addCell(billTo);
        PdfPCell about = cell();
        if (invoice.kind == DocumentKind.CREDIT_NOTE) {
            about.addElement(new Paragraph("REASON", HEADING));
            about.addElement(new Paragraph(invoice.reason == null ? "" : invoice.reason, BODY));
        } else {
            about.addElement(new Paragraph("ABOUT", HEADING));
            about.addElement(new Paragraph(invoice.lineCount + " charging session" + (invoice.lineCount == 1 ? "" : "s")
                    + ", " + Formats.date(invoice.periodStart) + " – " + Formats.date(invoice.periodEnd)
                    + ". Times are local (" + content.zone().getId() + ").", BODY));
        }
        table.addCell(about);
        return table;
    }

    private static PdfPTable lines(DocumentContent content) {
        Invoice invoice = content.document();
        PdfPTable table = new PdfPTable(new float[] {1.75f, 2.2f, 1.35f, 3.3f, 0.75f, 1.25f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String heading : new String[] {"Started", "Site and charger", "Energy", "Tariff", "VAT", "Net"}) {
            PdfPCell cell = new PdfPCell(new Phrase(heading, HEADING));
            cell.setBorder(Rectangle.BOTTOM);
            cell.setBorderColor(ACCENT);
            cell.setPaddingBottom(5);
            cell.setHorizontalAlignment(heading.equals("Net") || heading.equals("Energy") || heading.equals("VAT")
                    ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
            if (heading.equals("Tariff")) {
                cell.setPaddingLeft(8);
            }
            table.addCell(cell);
        }
        boolean shaded = false;
        for (InvoiceLine line : content.lines()) {
            Color background = shaded ? SHADE : Color.WHITE;
            shaded = !shaded;
            table.addCell(lineCell(new Phrase(Formats.localTime(line.startedAt, content.zone()), BODY), background, false));
            Phrase where = new Phrase();
            where.add(new Chunk(Formats.present(line.siteName) ? line.siteName + "\n" : "", BODY));
            where.add(new Chunk("Charger " + line.chargePointId, SMALL));
            table.addCell(lineCell(where, background, false));
            table.addCell(lineCell(new Phrase(Formats.kwh(line.energyKwh()), BODY), background, true));
            Phrase tariff = new Phrase();
            List<String> parts = new ArrayList<>();
            for (PriceComponent component : line.components) {
                parts.add(component(invoice.currency, component));
            }
            tariff.add(new Chunk(String.join("\n", parts), SMALL));
            if (Formats.present(line.note)) {
                tariff.add(new Chunk("\n" + line.note, NOTE));
            }
            PdfPCell tariffCell = lineCell(tariff, background, false);
            tariffCell.setPaddingLeft(8);
            table.addCell(tariffCell);
            table.addCell(lineCell(new Phrase(Formats.percent(line.vatRate), BODY), background, true));
            table.addCell(lineCell(new Phrase(Formats.money(invoice.currency, line.netAmount), BODY), background, true));
        }
        return table;
    }

    private static String component(String currency, PriceComponent component) {
        String name = Formats.present(component.description) ? component.description : component.component;
        return name + ": " + component.quantity.stripTrailingZeros().toPlainString() + " " + component.unit + " × "
                + currencySymbol(currency) + " " + component.unitPrice.toPlainString() + " = "
                + Formats.money(currency, component.amount);
    }

    private static PdfPTable totals(Invoice invoice) {
        PdfPTable outer = table(new float[] {3, 2.4f});
        outer.addCell(cell());
        PdfPTable sums = table(new float[] {1.6f, 1});
        for (VatSubtotal rate : invoice.vatBreakdown) {
            sum(sums, "Net at " + Formats.percent(rate.rate) + " VAT", Formats.money(invoice.currency, rate.netAmount), BODY);
            sum(sums, "VAT " + Formats.percent(rate.rate), Formats.money(invoice.currency, rate.vatAmount), BODY);
        }
        sum(sums, "Total excluding VAT", Formats.money(invoice.currency, invoice.netAmount), BOLD);
        sum(sums, "Total VAT", Formats.money(invoice.currency, invoice.vatAmount), BOLD);
        String label = switch (invoice.kind) {
            case INVOICE -> "Total due";
            case CREDIT_NOTE -> "Total credited";
            case STATEMENT -> "Total";
        };
        PdfPCell totalLabel = new PdfPCell(new Phrase(label, TOTAL));
        PdfPCell totalValue = new PdfPCell(new Phrase(Formats.money(invoice.currency, invoice.grossAmount), TOTAL));
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
        SupplierDetails supplier = invoice.supplier;
        Paragraph terms = new Paragraph();
        terms.setLeading(12);
        String amount = Formats.money(invoice.currency, invoice.grossAmount);
        if (invoice.kind == DocumentKind.INVOICE && invoice.paymentMethod == PaymentMethod.DIRECT_DEBIT
                && invoice.customer != null && invoice.customer.mandateId() != null) {
            terms.add(new Chunk("Payment by direct debit. ", BOLD));
            terms.add(new Chunk(supplier.legalName() + " will collect " + amount + " by SEPA direct debit on or after "
                    + Formats.date(invoice.dueDate) + " from account " + Formats.maskedIban(invoice.customer.debitIban())
                    + " under mandate " + invoice.customer.mandateId() + ", with reference "
                    + CreditorReference.printed(invoice.paymentReference) + ".", BODY));
        } else if (invoice.kind == DocumentKind.INVOICE) {
            terms.add(new Chunk("Please pay " + amount + " by " + Formats.date(invoice.dueDate) + " ", BOLD));
            terms.add(new Chunk("to " + supplier.legalName() + ", IBAN " + Formats.iban(supplier.iban())
                    + (Formats.present(supplier.bic()) ? " (BIC " + supplier.bic() + ")" : "")
                    + ", stating payment reference " + CreditorReference.printed(invoice.paymentReference) + ".", BODY));
        } else if (invoice.kind == DocumentKind.CREDIT_NOTE) {
            terms.add(new Chunk("This credit note cancels the lines above of invoice " + invoice.creditsInvoiceNumber
                    + ". " + amount + " is deducted from what you owe, or refunded if you paid already.", BODY));
        } else {
            terms.add(new Chunk("Nothing to pay: this statement lists your charging sessions of the period, which"
                    + " were free of charge.", BODY));
        }
        return terms;
    }

    private static List<String> footer(SupplierDetails supplier) {
        List<String> parts = new ArrayList<>();
        parts.add(supplier.legalName());
        if (Formats.present(supplier.vatNumber())) {
            parts.add("VAT " + supplier.vatNumber());
        }
        if (Formats.present(supplier.chamberOfCommerceNumber())) {
            parts.add("Chamber of Commerce " + supplier.chamberOfCommerceNumber());
        }
        if (Formats.present(supplier.iban())) {
            parts.add("IBAN " + Formats.iban(supplier.iban()));
        }
        return parts;
    }

    private static String currencySymbol(String currency) {
        return "EUR".equals(currency) ? "€" : currency;
    }

    private static void fact(PdfPTable table, String label, String value) {
        PdfPCell name = new PdfPCell(new Phrase(label, SMALL));
        PdfPCell text = new PdfPCell(new Phrase(value, BOLD));
        for (PdfPCell cell : new PdfPCell[] {name, text}) {
            cell.setBorder(Rectangle.NO_BORDER);
            cell.setPaddingBottom(2);
        }
        text.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.addCell(name);
        table.addCell(text);
    }

    private static void sum(PdfPTable table, String label, String value, Font font) {
        PdfPCell name = new PdfPCell(new Phrase(label, font));
        PdfPCell amount = new PdfPCell(new Phrase(value, font));
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

        Footer(List<String> parts) {
            this.text = String.join("  ·  ", parts);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            float y = document.bottom() - 24;
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(text, SMALL),
                    document.left(), y, 0);
            ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT,
                    new Phrase("Page " + writer.getPageNumber(), SMALL), document.right(), y, 0);
        }
    }
}
