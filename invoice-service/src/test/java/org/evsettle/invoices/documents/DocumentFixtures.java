package org.evsettle.invoices.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.evsettle.events.registry.Address;
import org.evsettle.invoices.BillingPeriod;
import org.evsettle.invoices.CreditorReference;
import org.evsettle.invoices.CustomerDetails;
import org.evsettle.invoices.DocumentKind;
import org.evsettle.invoices.Invoice;
import org.evsettle.invoices.InvoiceLine;
import org.evsettle.invoices.InvoiceStatus;
import org.evsettle.invoices.PaymentMethod;
import org.evsettle.invoices.PaymentReference;
import org.evsettle.invoices.PriceComponent;
import org.evsettle.invoices.SupplierDetails;
import org.evsettle.invoices.TestDocuments;

/** Issued documents built in memory, for renderers tested without a database. */
final class DocumentFixtures {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    static final SupplierDetails SUPPLIER = new SupplierDetails("Woonstichting De Linde",
            new Address("Stationsplein 1", "3511 ED", "Utrecht", "NL"), "NL001234567B01", "12345678",
            "NL91ABNA0417164300", "ABNANL2A", "facturen@delinde.example");

    static final SupplierDetails BELGIAN_SUPPLIER = new SupplierDetails("Résidence Les Tilleuls ASBL",
            new Address("Rue Royale 10", "1000", "Bruxelles", "BE"), "BE0123456749", "0123456749",
            "BE71096123456769", "GKCCBEBB", "factures@tilleuls.example");

    private DocumentFixtures() {
    }

    /** A private customer who reads this language. */
    static CustomerDetails reading(String language) {
        return new CustomerDetails("Anna de Vries", new Address("Kerkstraat 5", "3811 CV", "Amersfoort", "NL"),
                "anna@example.org", null, null, null, null, null, null, language);
    }

    /**
     * An invoice issued on 2 December 2026, due 16 December, for November: one session of 3,500 kWh for
     * € 1.020,30 net and € 1.234,56 gross (21% VAT), with the supplier's form of payment reference.
     */
    static Invoice aDecemberInvoice(SupplierDetails supplier, CustomerDetails customer) {
        Invoice invoice = Invoice.open(UUID.randomUUID(), UUID.randomUUID(),
                new BillingPeriod(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)), "EUR",
                Instant.parse("2026-11-05T18:00:00Z"));
        invoice.add(line("2026-11-05T17:30:00Z", 3_500_000, "1020.30", "0.29151", "Depot Noord"));
        invoice.issue(new Invoice.Issue("LINDE-2026-000042", LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 16),
                Instant.parse("2026-12-02T03:00:00Z"), PaymentReference.forInvoice(supplier.address().countryCode(), 2026, 42)
                .value(), PaymentMethod.TRANSFER, supplier, customer, null));
        return invoice;
    }

    static CustomerDetails consumer() {
        return new CustomerDetails("Anna de Vries", new Address("Kerkstraat 5", "3811 CV", "Amersfoort", "NL"),
                "anna@example.org", null, null, null, null, null, null, "en");
    }

    static CustomerDetails company() {
        return new CustomerDetails("Jan Peeters", new Address("Meir 10", "2000", "Antwerpen", "BE"), "jan@fleet.example",
                "Fleet & Co BV", "BE0123456749", null, null, null, null, "en");
    }

    static CustomerDetails withMandate() {
        return new CustomerDetails("Anna de Vries", new Address("Kerkstraat 5", "3811 CV", "Amersfoort", "NL"),
                "anna@example.org", null, null, "MANDATE-0001", LocalDate.of(2025, 6, 1), "NL44RABO0123456789", null, "en");
    }

    /** An issued invoice of January 2026 with two sessions: one at 21% with two components, one more. */
    static Invoice anInvoice(CustomerDetails customer, PaymentMethod method) {
        Invoice invoice = Invoice.open(UUID.randomUUID(), UUID.randomUUID(),
                new BillingPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)), "EUR", Instant.parse("2026-01-05T18:00:00Z"));
        invoice.add(line("2026-01-05T17:30:00Z", 12_340, "4.32", "0.35000", "Parking Zuid"));
        invoice.add(line("2026-01-19T07:10:00Z", 30_000, "10.50", "0.35000", null));
        invoice.issue(new Invoice.Issue("LINDE-2026-000042", LocalDate.of(2026, 2, 6), LocalDate.of(2026, 2, 20),
                Instant.parse("2026-02-06T03:00:00Z"), CreditorReference.forInvoice(2026, 42), method, SUPPLIER, customer, null));
        return invoice;
    }

    /** A credit note that cancels the first line of the invoice. */
    static Invoice aCreditNote(Invoice invoice) {
        Invoice creditNote = Invoice.open(invoice.operatorId, invoice.driverId,
                new BillingPeriod(invoice.periodStart, invoice.periodEnd), invoice.currency, Instant.parse("2026-02-10T08:00:00Z"));
        InvoiceLine credited = invoice.lines.get(0).credit();
        creditNote.add(credited);
        TestDocuments.issueAsCreditNote(creditNote, "LINDE-2026-000051", LocalDate.of(2026, 2, 10), invoice,
                "Session repriced: meter corrected");
        return creditNote;
    }

    static InvoiceLine line(String startedAt, long energyWh, String net, String unitPrice, String siteName) {
        InvoiceLine line = new InvoiceLine();
        line.id = UUID.randomUUID();
        line.kind = InvoiceLine.Kind.CHARGE;
        line.sessionId = UUID.randomUUID();
        line.chargePointId = "ZAP-000123";
        line.siteId = UUID.randomUUID();
        line.siteName = siteName;
        line.startedAt = Instant.parse(startedAt);
        line.stoppedAt = line.startedAt.plusSeconds(5400);
        line.energyWh = energyWh;
        line.description = "Charging";
        line.netAmount = new BigDecimal(net);
        line.vatRate = new BigDecimal("0.21");
        line.grossAmount = line.netAmount.multiply(line.vatRate).add(line.netAmount).setScale(2, RoundingMode.HALF_UP);
        PriceComponent energy = new PriceComponent();
        energy.component = "ENERGY";
        energy.description = "Energy";
        energy.quantity = InvoiceLine.energyKwh(energyWh);
        energy.unit = "kWh";
        energy.unitPrice = new BigDecimal(unitPrice);
        energy.amount = new BigDecimal(net);
        line.components = new ArrayList<>(List.of(energy));
        return line;
    }

    static DocumentContent content(Invoice document) {
        return new DocumentContent(document, AMSTERDAM, document.kind == DocumentKind.CREDIT_NOTE
                ? LocalDate.of(2026, 2, 6) : null);
    }

    static boolean issued(Invoice document) {
        return document.status != InvoiceStatus.OPEN;
    }
}
