package org.evsettle.invoices.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.evsettle.invoices.Invoice;
import org.evsettle.invoices.PaymentMethod;
import org.evsettle.invoices.ReminderStep;
import org.evsettle.invoices.StructuredCommunication;
import org.junit.jupiter.api.Test;

class InvoicePdfTest {

    private static final LocalDate REMINDED_ON = LocalDate.of(2026, 12, 24);

    @Test
    void showsWhatDutchAndBelgianLawAsksOfAnInvoice() throws IOException {
        Invoice invoice = DocumentFixtures.anInvoice(DocumentFixtures.company(), PaymentMethod.TRANSFER);

        String text = text(InvoicePdf.render(DocumentFixtures.content(invoice)));

        assertThat(text).contains("INVOICE", "LINDE-2026-000042")
                // supplier: name, address, VAT and chamber-of-commerce numbers
                .contains("Woonstichting De Linde", "Stationsplein 1", "3511 ED Utrecht", "VAT NL001234567B01",
                        "Chamber of Commerce 12345678")
                // customer: name, address, VAT number of a company
                .contains("Fleet & Co BV", "Meir 10", "2000 Antwerpen", "VAT number BE0123456749")
                // issue date, supply period, due date
                .contains("6 February 2026", "1 January 2026 – 31 January 2026", "20 February 2026")
                // a line per session: local date and time, site, charger, energy, components
                .contains("05/01/2026 18:30", "Parking Zuid", "Charger ZAP-000123", "12.340 kWh", "30.000 kWh",
                        "Energy: 12.34 kWh × €0.35000 = €4.32")
                // net per rate, VAT, total
                .contains("Net at 21% VAT", "€14.82", "VAT 21%", "€3.11", "Total due", "€17.93")
                // how to pay: IBAN and the structured reference
                .contains("NL91 ABNA 0417 1643 00", "Payment reference", "RF");
        assertThat(text.replace(" ", "")).contains(invoice.paymentReference);
        assertThat(invoice.grossAmount).isEqualByComparingTo(new BigDecimal("17.93"));
    }

    @Test
    void writesADutchInvoiceAsADutchReaderExpectsIt() throws IOException {
        Invoice invoice = DocumentFixtures.aDecemberInvoice(DocumentFixtures.SUPPLIER, DocumentFixtures.reading("nl"));
        // as the service stores the note of a late session
        invoice.lines.get(0).note = "Started on 2026-10-31, in a period that was billed already";

        String text = text(InvoicePdf.render(DocumentFixtures.content(invoice)));

        assertThat(text).contains("Gestart op 31 oktober 2026, in een periode die al gefactureerd was")
                .contains("FACTUUR", "Factuurnummer LINDE-2026-000042", "Factuurdatum 2 december 2026",
                        "Leveringsperiode 1 november 2026 – 30 november 2026", "Vervaldatum 16 december 2026",
                        "Betalingskenmerk RF", "GEFACTUREERD AAN", "1 laadsessie", "Laadpunt ZAP-000123",
                        "05-11-2026 18:30", "3.500,000", "Energy: 3.500 kWh × € 0,29151 = € 1.020,30",
                        "Netto tegen 21% btw", "Totaal exclusief btw", "€ 1.020,30", "Totaal btw", "€ 214,26",
                        "Totaal te betalen", "€ 1.234,56", "KvK 12345678", "Pagina 1")
                .contains("Graag € 1.234,56 uiterlijk 16 december 2026 overmaken aan Woonstichting De Linde, IBAN NL91"
                        + " ABNA 0417 1643 00 (BIC ABNANL2A), onder vermelding van betalingskenmerk RF")
                .doesNotContain("Invoice", "Due date", "Total");
    }

    @Test
    void writesAFrenchInvoiceOfABelgianOperatorWithTheStructuredCommunication() throws IOException {
        Invoice invoice = DocumentFixtures.aDecemberInvoice(DocumentFixtures.BELGIAN_SUPPLIER,
                DocumentFixtures.reading("fr"));

        String text = text(InvoicePdf.render(DocumentFixtures.content(invoice)));

        String ogm = StructuredCommunication.forInvoice(2026, 42);
        assertThat(invoice.paymentReference).isEqualTo(ogm).isEqualTo("+++260/0000/04214+++");
        // the thousands are separated by a space the standard fonts can show (U+202F would vanish: "1234,56")
        assertThat(text).contains("FACTURE", "Numéro de facture", "Date de facture", "2 décembre 2026", "Période de livraison",
                        "1 novembre 2026 – 30 novembre 2026", "Date d'échéance", "16 décembre 2026",
                        "Communication structurée " + ogm, "FACTURÉ À", "TVA 21 %", "Total hors TVA", "1 020,30 €",
                        "Total à payer", "1 234,56 €", "TVA BE0123456749", "Numéro d'entreprise 0123456749")
                .contains("Veuillez verser 1 234,56 € au plus tard le 16 décembre 2026 à Résidence Les Tilleuls ASBL,"
                        + " IBAN BE71 0961 2345 6769 (BIC GKCCBEBB), avec la communication structurée " + ogm + ".")
                .doesNotContain("RF", "Référence de paiement");
    }

    @Test
    void writesAGermanInvoice() throws IOException {
        Invoice invoice = DocumentFixtures.aDecemberInvoice(DocumentFixtures.SUPPLIER, DocumentFixtures.reading("de"));

        String text = text(InvoicePdf.render(DocumentFixtures.content(invoice)));

        assertThat(text).contains("RECHNUNG", "Rechnungsnummer LINDE-2026-000042", "Rechnungsdatum 2. Dezember 2026",
                "Leistungszeitraum", "Fälligkeitsdatum 16. Dezember 2026", "Zahlungsreferenz RF", "USt. 21 %",
                "Summe USt.", "214,26 €", "Zu zahlender Betrag", "1.234,56 €", "05.11.2026 18:30", "Seite 1");
    }

    @Test
    void writesAnEnglishInvoice() throws IOException {
        Invoice invoice = DocumentFixtures.aDecemberInvoice(DocumentFixtures.SUPPLIER, DocumentFixtures.reading("en"));

        String text = text(InvoicePdf.render(DocumentFixtures.content(invoice)));

        assertThat(text).contains("INVOICE", "Invoice number", "Invoice date", "2 December 2026",
                "Due date", "16 December 2026", "Total due", "€1,234.56", "Please pay €1,234.56 by 16 December 2026");
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

        assertThat(text).contains("CREDIT NOTE", "LINDE-2026-000051", "LINDE-2026-000042 of 6 February 2026",
                "Session repriced: meter corrected", "Total credited", "€5.23");
    }

    @Test
    void writesCreditNotesInTheCustomersLanguage() throws IOException {
        String dutch = creditNoteIn("nl");
        assertThat(dutch).contains("CREDITNOTA", "Creditnotanummer LINDE-2026-000051", "Datum creditnota", "10 februari 2026",
                "Crediteert factuur", "LINDE-2026-000042 van 6 februari 2026", "GECREDITEERD AAN", "REDEN",
                "Totaal gecrediteerd", "€ 5,23", "Deze creditnota annuleert de regels hierboven van factuur LINDE-2026-000042.");
        assertThat(creditNoteIn("fr")).contains("NOTE DE CRÉDIT", "Numéro de la note de crédit", "LINDE-2026-000051",
                "Crédite la facture", "LINDE-2026-000042 du 6 février 2026", "Total crédité", "5,23 €");
        assertThat(creditNoteIn("de")).contains("GUTSCHRIFT", "Gutschriftsnummer LINDE-2026-000051",
                "Gutschrift zu Rechnung", "LINDE-2026-000042 vom 6. Februar 2026", "Gutgeschriebener Betrag", "5,23 €");
    }

    @Test
    void writesRemindersAndTheFinalNoticeInTheCustomersLanguage() throws IOException {
        Invoice dutch = DocumentFixtures.aDecemberInvoice(DocumentFixtures.SUPPLIER, DocumentFixtures.reading("nl"));
        assertThat(reminder(dutch, ReminderStep.REMINDER_1)).contains("BETALINGSHERINNERING", "Datum 24 december 2026",
                "Factuurnummer LINDE-2026-000042", "Vervaldatum 16 december 2026", "Openstaand bedrag", "€ 1.234,56",
                "Volgens onze administratie is factuur LINDE-2026-000042 van 2 december 2026, met vervaldatum"
                        + " 16 december 2026, nog niet volledig betaald: er staat nog € 1.234,56 open.",
                "onder vermelding van betalingskenmerk RF").doesNotContain("laatste aanmaning");
        assertThat(reminder(dutch, ReminderStep.REMINDER_2)).contains("TWEEDE BETALINGSHERINNERING");
        assertThat(reminder(dutch, ReminderStep.FINAL_NOTICE)).contains("LAATSTE AANMANING",
                "Dit is onze laatste aanmaning.", "blokkeren van uw laadpassen");

        Invoice french = DocumentFixtures.aDecemberInvoice(DocumentFixtures.BELGIAN_SUPPLIER, DocumentFixtures.reading("fr"));
        assertThat(reminder(french, ReminderStep.REMINDER_1)).contains("RAPPEL DE PAIEMENT",
                "Montant impayé", "1 234,56 €", "Communication structurée", "+++260/0000/04214+++",
                "avec la communication structurée +++260/0000/04214+++.");
        assertThat(reminder(french, ReminderStep.FINAL_NOTICE)).contains("DERNIER RAPPEL", "Ceci est notre dernier rappel.");

        Invoice german = DocumentFixtures.aDecemberInvoice(DocumentFixtures.SUPPLIER, DocumentFixtures.reading("de"));
        assertThat(reminder(german, ReminderStep.REMINDER_1)).contains("ZAHLUNGSERINNERUNG", "Offener Betrag", "1.234,56 €");
        assertThat(reminder(german, ReminderStep.FINAL_NOTICE)).contains("LETZTE MAHNUNG");
        Invoice english = DocumentFixtures.aDecemberInvoice(DocumentFixtures.SUPPLIER, DocumentFixtures.reading("en"));
        assertThat(reminder(english, ReminderStep.REMINDER_1)).contains("PAYMENT REMINDER", "Outstanding", "€1,234.56");
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

    private static String creditNoteIn(String language) throws IOException {
        Invoice invoice = DocumentFixtures.anInvoice(DocumentFixtures.reading(language), PaymentMethod.TRANSFER);
        return text(InvoicePdf.render(DocumentFixtures.content(DocumentFixtures.aCreditNote(invoice))));
    }

    private static String reminder(Invoice invoice, ReminderStep step) throws IOException {
        return text(InvoicePdf.reminder(DocumentFixtures.content(invoice), step, REMINDED_ON));
    }

    private static String text(byte[] pdf) throws IOException {
        return PdfText.of(pdf);
    }
}
