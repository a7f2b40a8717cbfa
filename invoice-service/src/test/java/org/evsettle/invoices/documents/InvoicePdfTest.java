package org.evsettle.invoices.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.math.BigDecimal;
import org.evsettle.invoices.Invoice;
import org.evsettle.invoices.PaymentMethod;
import org.junit.jupiter.api.Test;

class InvoicePdfTest {

    @Test
    void showsWhatDutchAndBelgianLawAsksOfAnInvoice() throws IOException {
        Invoice invoice = DocumentFixtures.anInvoice(DocumentFixtures.company(), PaymentMethod.TRANSFER);

        String text = text(InvoicePdf.render(DocumentFixtures.content(invoice)));

        assertThat(text).contains("INVOICE", "LINDE-2026-000042")
                // supplier: name, address, VAT and chamber-of-commerce numbers
                .contains("Woonstichting De Linde", "Stationsplein 1", "3511 ED Utrecht", "VAT NL001234567B01",
                        "Chamber of Commerce 12345678")
                // customer: name, address, VAT number of a company
                .contains("Fleet & Co BV", "Meir 10", "2000 Antwerpen", "VAT BE0123456749")
                // issue date, supply period, due date
                .contains("6 Feb 2026", "1 Jan 2026 – 31 Jan 2026", "20 Feb 2026")
                // a line per session: local date and time, site, charger, energy, components
                .contains("2026-01-05 18:30", "Parking Zuid", "Charger ZAP-000123", "12.340 kWh", "30.000 kWh",
                        "Energy: 12.34 kWh × € 0.35000 = € 4.32")
                // net per rate, VAT, total
                .contains("Net at 21% VAT", "€ 14.82", "VAT 21%", "€ 3.11", "Total due", "€ 17.93")
                // how to pay: IBAN and the structured reference
                .contains("NL91 ABNA 0417 1643 00", "RF");
        assertThat(text.replace(" ", "")).contains(invoice.paymentReference);
        assertThat(invoice.grossAmount).isEqualByComparingTo(new BigDecimal("17.93"));
    }

    @Test
    void tellsADriverWithAMandateThatTheAmountIsCollected() throws IOException {
        Invoice invoice = DocumentFixtures.anInvoice(DocumentFixtures.withMandate(), PaymentMethod.DIRECT_DEBIT);

        String text = text(InvoicePdf.render(DocumentFixtures.content(invoice)));

        assertThat(text).contains("Payment by direct debit", "mandate MANDATE-0001", "NL** **** 6789")
                .doesNotContain("Please pay");
    }

    @Test
    void rendersACreditNoteWithTheInvoiceItCredits() throws IOException {
        Invoice invoice = DocumentFixtures.anInvoice(DocumentFixtures.consumer(), PaymentMethod.TRANSFER);

        String text = text(InvoicePdf.render(DocumentFixtures.content(DocumentFixtures.aCreditNote(invoice))));

        assertThat(text).contains("CREDIT NOTE", "LINDE-2026-000051", "LINDE-2026-000042 of 6 Feb 2026",
                "Session repriced: meter corrected", "Total credited", "€ 5.23");
    }

    @Test
    void rendersALongInvoiceOnSeveralPagesWithTheSupplierOnEach() throws IOException {
        Invoice invoice = DocumentFixtures.anInvoice(DocumentFixtures.consumer(), PaymentMethod.TRANSFER);
        for (int day = 1; day <= 28; day++) {
            for (int session = 0; session < 3; session++) {
                invoice.lines.add(DocumentFixtures.line(String.format("2026-01-%02dT%02d:00:00Z", day, 6 + session * 5),
                        7_000, "2.45", "0.35000", "Parking Noord"));
            }
        }

        byte[] pdf = InvoicePdf.render(DocumentFixtures.content(invoice));

        PdfReader reader = new PdfReader(pdf);
        assertThat(reader.getNumberOfPages()).isGreaterThan(2);
        String lastPage = new PdfTextExtractor(reader).getTextFromPage(reader.getNumberOfPages());
        assertThat(lastPage).contains("Woonstichting De Linde", "Page " + reader.getNumberOfPages());
    }

    private static String text(byte[] pdf) throws IOException {
        return PdfText.of(pdf);
    }
}
