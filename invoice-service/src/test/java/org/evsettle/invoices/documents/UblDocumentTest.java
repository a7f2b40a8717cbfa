package org.evsettle.invoices.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.evsettle.events.registry.Address;
import org.evsettle.invoices.BillingPeriod;
import org.evsettle.invoices.CreditorReference;
import org.evsettle.invoices.CustomerDetails;
import org.evsettle.invoices.Invoice;
import org.evsettle.invoices.InvoiceLine;
import org.evsettle.invoices.PaymentMethod;
import org.evsettle.invoices.PriceComponent;
import org.evsettle.invoices.SupplierDetails;
import org.evsettle.invoices.TestDocuments;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * Every UBL case is checked against the UBL 2.1 schema and the Peppol BIS Billing 3.0 rules
 * ({@link PeppolRules}): one test per kind of supplier, customer, VAT and document.
 */
class UblDocumentTest {

    static final SupplierDetails BELGIAN_SUPPLIER = new SupplierDetails("Laadpalen Antwerpen NV",
            new Address("Frankrijklei 20", "2000", "Antwerpen", "BE"), "BE 0403.170.701", null,
            "BE68539007547034", "GKCCBEBB", "facturen@laadpalen.example");
    static final String BELGIAN_REFERENCE = "+++123/4567/89002+++";

    @Test
    void aDutchSupplierIsIdentifiedByItsKvkNumberAndABelgianCompanyByItsEnterpriseNumber() throws Exception {
        Invoice invoice = DocumentFixtures.anInvoice(DocumentFixtures.company(), PaymentMethod.TRANSFER);

        String xml = UblDocument.write(DocumentFixtures.content(invoice));

        Document ubl = passesThePeppolRules(xml, Schemas.UBL_INVOICE);
        assertThat(text(ubl, "/*/*[local-name()='CustomizationID']"))
                .isEqualTo("urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0");
        assertThat(text(ubl, "/*/*[local-name()='ProfileID']")).isEqualTo("urn:fdc:peppol.eu:2017:poacc:billing:01:1.0");
        assertThat(text(ubl, "/*/*[local-name()='ID']")).isEqualTo("LINDE-2026-000042");
        assertThat(text(ubl, "//*[local-name()='InvoiceTypeCode']")).isEqualTo("380");
        assertThat(text(ubl, "//*[local-name()='DueDate']")).isEqualTo("2026-02-20");
        assertThat(identifier(ubl, SUPPLIER, "EndpointID")).isEqualTo("0106:12345678");
        assertThat(identifier(ubl, SUPPLIER, "PartyLegalEntity/CompanyID")).isEqualTo("0106:12345678");
        assertThat(text(ubl, SUPPLIER + "/*[local-name()='PartyTaxScheme']/*[local-name()='CompanyID']"))
                .isEqualTo("NL001234567B01");
        assertThat(identifier(ubl, CUSTOMER, "EndpointID")).isEqualTo("0208:0123456749");
        assertThat(identifier(ubl, CUSTOMER, "PartyLegalEntity/CompanyID")).isEqualTo("0208:0123456749");
        assertThat(text(ubl, CUSTOMER + "/*[local-name()='PartyTaxScheme']/*[local-name()='CompanyID']"))
                .isEqualTo("BE0123456749");
        assertThat(text(ubl, CUSTOMER + "//*[local-name()='RegistrationName']")).isEqualTo("Fleet & Co BV");
        assertThat(text(ubl, "//*[local-name()='PaymentMeansCode']")).isEqualTo("58");
        assertThat(text(ubl, "//*[local-name()='PaymentID']")).isEqualTo(invoice.paymentReference);
        assertThat(text(ubl, "//*[local-name()='PayeeFinancialAccount']/*[local-name()='ID']")).isEqualTo("NL91ABNA0417164300");
        assertThat(text(ubl, "//*[local-name()='LegalMonetaryTotal']/*[local-name()='LineExtensionAmount']")).isEqualTo("14.82");
        assertThat(text(ubl, "//*[local-name()='LegalMonetaryTotal']/*[local-name()='PayableAmount']"))
                .isEqualTo(invoice.grossAmount.toPlainString());
        assertThat(text(ubl, "/*/*[local-name()='TaxTotal']/*[local-name()='TaxAmount']")).isEqualTo("3.11");
        assertThat(text(ubl, "//*[local-name()='TaxSubtotal']//*[local-name()='Percent']")).isEqualTo("21");
        assertThat(text(ubl, "count(//*[local-name()='InvoiceLine'])")).isEqualTo("2");
        assertThat(text(ubl, "//*[local-name()='InvoiceLine'][1]/*[local-name()='LineExtensionAmount']")).isEqualTo("4.32");
        assertThat(text(ubl, "//*[local-name()='InvoiceLine'][1]//*[local-name()='Description']"))
                .contains("2026-01-05 18:30").contains("Parking Zuid").contains("ZAP-000123").contains("12.340 kWh");
        assertThat(text(ubl, "//*[local-name()='InvoiceLine'][1]//*[local-name()='AdditionalItemProperty'][2]/*[local-name()='Value']"))
                .isEqualTo("12.34 kWh x 0.35000 = 4.32");
    }

    @Test
    void aDutchCompanyWithAKvkNumberIsAddressedByIt() throws Exception {
        CustomerDetails dutch = business("Bouwbedrijf Jansen BV", "NL", "NL859123456B01", "87654321");

        Document ubl = passesThePeppolRules(UblDocument.write(DocumentFixtures.content(
                DocumentFixtures.anInvoice(dutch, PaymentMethod.TRANSFER))), Schemas.UBL_INVOICE);

        assertThat(identifier(ubl, CUSTOMER, "EndpointID")).isEqualTo("0106:87654321");
        assertThat(identifier(ubl, CUSTOMER, "PartyLegalEntity/CompanyID")).isEqualTo("0106:87654321");
        assertThat(text(ubl, CUSTOMER + "/*[local-name()='PartyTaxScheme']/*[local-name()='CompanyID']"))
                .isEqualTo("NL859123456B01");
    }

    @Test
    void aDutchCompanyKnownOnlyByItsVatNumberIsAddressedByItWithoutALegalEntityIdentifier() throws Exception {
        CustomerDetails dutch = business("Bouwbedrijf Jansen BV", "NL", "nl 859123456 b01", null);

        Document ubl = passesThePeppolRules(UblDocument.write(DocumentFixtures.content(
                DocumentFixtures.anInvoice(dutch, PaymentMethod.TRANSFER))), Schemas.UBL_INVOICE);

        assertThat(identifier(ubl, CUSTOMER, "EndpointID")).isEqualTo("9944:NL859123456B01");
        // NL-R-005 accepts only a KvK or OIN number as a Dutch customer's legal entity identifier
        assertThat(text(ubl, "count(" + CUSTOMER + "/*[local-name()='PartyLegalEntity']/*[local-name()='CompanyID'])"))
                .isEqualTo("0");
        assertThat(text(ubl, CUSTOMER + "/*[local-name()='PartyLegalEntity']/*[local-name()='RegistrationName']"))
                .isEqualTo("Bouwbedrijf Jansen BV");
    }

    @Test
    void aBelgianSupplierIsIdentifiedByTheEnterpriseNumberOfItsVatNumberAndPaysByStructuredCommunication()
            throws Exception {
        CustomerDetails belgian = business("Transport Peeters BV", "BE", "BE0876543270", "0876543270");
        Invoice invoice = issued(BELGIAN_SUPPLIER, belgian, BELGIAN_REFERENCE, PaymentMethod.TRANSFER,
                DocumentFixtures.line("2026-01-05T17:30:00Z", 12_340, "4.32", "0.35000", "Parking Zuid"));

        Document ubl = passesThePeppolRules(UblDocument.write(DocumentFixtures.content(invoice)), Schemas.UBL_INVOICE);

        assertThat(identifier(ubl, SUPPLIER, "EndpointID")).isEqualTo("0208:0403170701");
        assertThat(identifier(ubl, SUPPLIER, "PartyLegalEntity/CompanyID")).isEqualTo("0208:0403170701");
        assertThat(text(ubl, SUPPLIER + "/*[local-name()='PartyTaxScheme']/*[local-name()='CompanyID']"))
                .isEqualTo("BE0403170701");
        assertThat(text(ubl, SUPPLIER + "//*[local-name()='Country']/*[local-name()='IdentificationCode']")).isEqualTo("BE");
        assertThat(identifier(ubl, CUSTOMER, "EndpointID")).isEqualTo("0208:0876543270");
        assertThat(text(ubl, "//*[local-name()='PaymentID']")).isEqualTo("123456789002");
        assertThat(text(ubl, "//*[local-name()='PayeeFinancialAccount']/*[local-name()='ID']")).isEqualTo("BE68539007547034");
    }

    @Test
    void aPrivateCustomerOfADutchSupplierHasNoIdentifiersOfItsOwnAndTheSuppliersAddress() throws Exception {
        Document ubl = passesThePeppolRules(UblDocument.write(DocumentFixtures.content(
                DocumentFixtures.anInvoice(DocumentFixtures.consumer(), PaymentMethod.TRANSFER))), Schemas.UBL_INVOICE);

        // PEPPOL-EN16931-R010 demands a buyer address; a consumer has none in Peppol, so not one is invented
        assertThat(identifier(ubl, CUSTOMER, "EndpointID")).isEqualTo(identifier(ubl, SUPPLIER, "EndpointID"));
        assertThat(text(ubl, "count(" + CUSTOMER + "/*[local-name()='PartyTaxScheme'])")).isEqualTo("0");
        assertThat(text(ubl, "count(" + CUSTOMER + "//*[local-name()='CompanyID'])")).isEqualTo("0");
        assertThat(text(ubl, CUSTOMER + "/*[local-name()='PartyLegalEntity']/*[local-name()='RegistrationName']"))
                .isEqualTo("Anna de Vries");
        assertThat(text(ubl, CUSTOMER + "//*[local-name()='ElectronicMail']")).isEqualTo("anna@example.org");
        assertThat(text(ubl, CUSTOMER + "//*[local-name()='StreetName']")).isEqualTo("Kerkstraat 5");
    }

    @Test
    void aPrivateCustomerOfABelgianSupplierPayingByDirectDebitCarriesTheMandate() throws Exception {
        Invoice invoice = issued(BELGIAN_SUPPLIER, DocumentFixtures.withMandate(), BELGIAN_REFERENCE,
                PaymentMethod.DIRECT_DEBIT, DocumentFixtures.line("2026-01-05T17:30:00Z", 12_340, "4.32", "0.35000", null));

        Document ubl = passesThePeppolRules(UblDocument.write(DocumentFixtures.content(invoice)), Schemas.UBL_INVOICE);

        assertThat(text(ubl, "//*[local-name()='PaymentMeansCode']")).isEqualTo("59");
        assertThat(text(ubl, "//*[local-name()='PaymentMandate']/*[local-name()='ID']")).isEqualTo("MANDATE-0001");
        assertThat(text(ubl, "//*[local-name()='PayerFinancialAccount']/*[local-name()='ID']")).isEqualTo("NL44RABO0123456789");
        assertThat(identifier(ubl, CUSTOMER, "EndpointID")).isEqualTo("0208:0403170701");
    }

    @Test
    void anInvoiceWithSeveralVatRatesHasASubtotalPerRate() throws Exception {
        InvoiceLine nine = DocumentFixtures.line("2026-01-19T07:10:00Z", 30_000, "10.50", "0.35000", null);
        nine.vatRate = new BigDecimal("0.09");
        nine.grossAmount = gross(nine);
        Invoice invoice = issued(DocumentFixtures.SUPPLIER, DocumentFixtures.company(), "RF18539007547034",
                PaymentMethod.TRANSFER, DocumentFixtures.line("2026-01-05T17:30:00Z", 12_340, "4.32", "0.35000", null),
                nine, DocumentFixtures.line("2026-01-06T17:30:00Z", 5_000, "1.75", "0.35000", null));

        Document ubl = passesThePeppolRules(UblDocument.write(DocumentFixtures.content(invoice)), Schemas.UBL_INVOICE);

        assertThat(text(ubl, "count(//*[local-name()='TaxSubtotal'])")).isEqualTo("2");
        assertThat(subtotal(ubl, "21")).isEqualTo("6.07 1.27");
        assertThat(subtotal(ubl, "9")).isEqualTo("10.50 0.95");
        assertThat(text(ubl, "/*/*[local-name()='TaxTotal']/*[local-name()='TaxAmount']")).isEqualTo("2.22");
        assertThat(text(ubl, "//*[local-name()='LegalMonetaryTotal']/*[local-name()='PayableAmount']")).isEqualTo("18.79");
        assertThat(text(ubl, "//*[local-name()='InvoiceLine'][2]//*[local-name()='ClassifiedTaxCategory']/*[local-name()='Percent']"))
                .isEqualTo("9");
    }

    @Test
    void aSessionWithAStartFeeEnergyAndIdleTimeIsOneLineWithItsComponents() throws Exception {
        InvoiceLine session = DocumentFixtures.line("2026-01-05T17:30:00Z", 22_000, "10.85", "0.35000", "Parking Zuid");
        session.components = new ArrayList<>(List.of(component("START_FEE", "Start fee", "1", "session", "0.50000", "0.50"),
                component("ENERGY", "Energy", "22.000", "kWh", "0.35000", "7.70"),
                component("IDLE_FEE", "Idle fee", "53", "minute", "0.05000", "2.65")));
        session.grossAmount = gross(session);
        Invoice invoice = issued(DocumentFixtures.SUPPLIER, DocumentFixtures.consumer(), "RF18539007547034",
                PaymentMethod.TRANSFER, session);

        Document ubl = passesThePeppolRules(UblDocument.write(DocumentFixtures.content(invoice)), Schemas.UBL_INVOICE);

        assertThat(text(ubl, "count(//*[local-name()='InvoiceLine'])")).isEqualTo("1");
        assertThat(text(ubl, "//*[local-name()='InvoiceLine']/*[local-name()='LineExtensionAmount']")).isEqualTo("10.85");
        assertThat(text(ubl, "//*[local-name()='InvoiceLine']//*[local-name()='PriceAmount']")).isEqualTo("10.85");
        assertThat(property(ubl, "Start fee")).isEqualTo("1 session x 0.50000 = 0.50");
        assertThat(property(ubl, "Energy")).isEqualTo("22 kWh x 0.35000 = 7.70");
        assertThat(property(ubl, "Idle fee")).isEqualTo("53 minute x 0.05000 = 2.65");
        assertThat(property(ubl, "Energy (kWh)")).isEqualTo("22.000");
    }

    @Test
    void aCreditNoteReferencesTheInvoiceItCreditsAndCreditsItsLinesAsPositiveAmounts() throws Exception {
        Invoice invoice = DocumentFixtures.anInvoice(DocumentFixtures.company(), PaymentMethod.TRANSFER);
        Invoice creditNote = DocumentFixtures.aCreditNote(invoice);

        String xml = UblDocument.write(DocumentFixtures.content(creditNote));

        Document ubl = passesThePeppolRules(xml, Schemas.UBL_CREDIT_NOTE);
        assertThat(text(ubl, "//*[local-name()='CreditNoteTypeCode']")).isEqualTo("381");
        assertThat(text(ubl, "//*[local-name()='BillingReference']//*[local-name()='ID']")).isEqualTo("LINDE-2026-000042");
        assertThat(text(ubl, "//*[local-name()='BillingReference']//*[local-name()='IssueDate']")).isEqualTo("2026-02-06");
        assertThat(text(ubl, "//*[local-name()='LegalMonetaryTotal']/*[local-name()='PayableAmount']")).isEqualTo("5.23");
        assertThat(text(ubl, "count(//*[local-name()='CreditNoteLine'])")).isEqualTo("1");
        assertThat(text(ubl, "//*[local-name()='CreditNoteLine']/*[local-name()='CreditedQuantity']")).isEqualTo("1");
        assertThat(text(ubl, "//*[local-name()='CreditNoteLine']/*[local-name()='LineExtensionAmount']")).isEqualTo("4.32");
        assertThat(identifier(ubl, CUSTOMER, "EndpointID")).isEqualTo("0208:0123456749");
    }

    @Test
    void aCreditNoteOfAPrivateCustomerOfABelgianSupplierPassesTheRules() throws Exception {
        Invoice invoice = issued(BELGIAN_SUPPLIER, DocumentFixtures.consumer(), BELGIAN_REFERENCE, PaymentMethod.TRANSFER,
                DocumentFixtures.line("2026-01-05T17:30:00Z", 12_340, "4.32", "0.35000", null));
        Invoice creditNote = DocumentFixtures.aCreditNote(invoice);

        Document ubl = passesThePeppolRules(UblDocument.write(DocumentFixtures.content(creditNote)), Schemas.UBL_CREDIT_NOTE);

        assertThat(text(ubl, "//*[local-name()='BillingReference']//*[local-name()='ID']")).isEqualTo(invoice.number);
        assertThat(text(ubl, "//*[local-name()='LegalMonetaryTotal']/*[local-name()='PayableAmount']")).isEqualTo("5.23");
    }

    @Test
    void theRulesCatchWhatTheUblWroteBeforeALegalEntityWithoutKvkSchemeAndAnEmailAddress() {
        String xml = UblDocument.write(DocumentFixtures.content(
                DocumentFixtures.anInvoice(DocumentFixtures.company(), PaymentMethod.TRANSFER)));

        String withoutScheme = xml.replace("<cbc:CompanyID schemeID=\"0106\">12345678<", "<cbc:CompanyID>12345678<");
        String byEmail = xml.replace("<cbc:EndpointID schemeID=\"0208\">0123456749<",
                "<cbc:EndpointID schemeID=\"EM\">jan@fleet.example<");

        assertThat(withoutScheme).isNotEqualTo(xml);
        assertThat(PeppolRules.errors(withoutScheme)).extracting(PeppolRules.Finding::id).containsExactly("NL-R-003");
        assertThat(byEmail).isNotEqualTo(xml);
        assertThat(PeppolRules.errors(byEmail)).extracting(PeppolRules.Finding::id).containsExactly("PEPPOL-EN16931-CL008");
    }

    @Test
    void aDutchSupplierWhoseChamberOfCommerceNumberIsNoKvkNumberIsIdentifiedByNameAlone() throws Exception {
        SupplierDetails withoutKvk = new SupplierDetails("Woonstichting De Linde",
                new Address("Stationsplein 1", "3511 ED", "Utrecht", "NL"), "NL001234567B01", "1234-5",
                "NL91ABNA0417164300", "ABNANL2A", "facturen@delinde.example");
        Invoice invoice = issued(withoutKvk, DocumentFixtures.company(), "RF18539007547034", PaymentMethod.TRANSFER,
                DocumentFixtures.line("2026-01-05T17:30:00Z", 12_340, "4.32", "0.35000", null));

        Document ubl = passesThePeppolRules(UblDocument.write(DocumentFixtures.content(invoice)), Schemas.UBL_INVOICE);

        assertThat(identifier(ubl, SUPPLIER, "EndpointID")).isEqualTo("9944:NL001234567B01");
        assertThat(text(ubl, "count(" + SUPPLIER + "/*[local-name()='PartyLegalEntity']/*[local-name()='CompanyID'])"))
                .isEqualTo("0");
    }

    @Test
    void aBelgianCompanyBilledAtADutchAddressIsAddressedByItsEnterpriseNumberAndIdentifiedByName() throws Exception {
        CustomerDetails belgianInNl = business("Fleet & Co BV", "NL", "BE0123456749", null);

        Document ubl = passesThePeppolRules(UblDocument.write(DocumentFixtures.content(
                DocumentFixtures.anInvoice(belgianInNl, PaymentMethod.TRANSFER))), Schemas.UBL_INVOICE);

        assertThat(identifier(ubl, CUSTOMER, "EndpointID")).isEqualTo("0208:0123456749");
        assertThat(text(ubl, "count(" + CUSTOMER + "/*[local-name()='PartyLegalEntity']/*[local-name()='CompanyID'])"))
                .isEqualTo("0");
    }

    @Test
    void theSchemaCheckCatchesADocumentThatIsNotUbl() {
        String broken = UblDocument.write(DocumentFixtures.content(
                DocumentFixtures.anInvoice(DocumentFixtures.company(), PaymentMethod.TRANSFER)))
                .replace("cbc:IssueDate", "cbc:IssuedOn");

        assertThatThrownBy(() -> Schemas.validate(broken, Schemas.UBL_INVOICE)).isInstanceOf(SAXParseException.class);
    }

    @Test
    void theReferenceGoesIntoPaymentIdAsStoredAndABelgianStructuredCommunicationByItsDigits() {
        assertThat(UblDocument.paymentId("RF18539007547034")).isEqualTo("RF18539007547034");
        assertThat(UblDocument.paymentId("+++123/4567/89002+++")).isEqualTo("123456789002");
        assertThat(UblDocument.paymentId("+++ 123 / 4567 / 89002 +++")).isEqualTo("123456789002");
    }

    private static final String SUPPLIER = "//*[local-name()='AccountingSupplierParty']/*[local-name()='Party']";
    private static final String CUSTOMER = "//*[local-name()='AccountingCustomerParty']/*[local-name()='Party']";

    /** Checks the document against the UBL schema and the Peppol rules, and parses it. */
    static Document passesThePeppolRules(String xml, String schema) throws Exception {
        Schemas.validate(xml, schema);
        assertThat(PeppolRules.errors(xml)).as("Peppol BIS Billing 3.0 errors").isEmpty();
        return parse(xml);
    }

    static CustomerDetails business(String company, String country, String vatNumber, String registrationNumber) {
        return new CustomerDetails("Piet Jansen", new Address("Industrieweg 12", "3542 AD", "Utrecht", country),
                "inkoop@jansen.example", company, vatNumber, null, null, null, registrationNumber, "nl");
    }

    static Invoice issued(SupplierDetails supplier, CustomerDetails customer, String reference, PaymentMethod method,
                          InvoiceLine... lines) {
        Invoice invoice = Invoice.open(UUID.randomUUID(), UUID.randomUUID(),
                new BillingPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)), "EUR", Instant.parse("2026-01-05T18:00:00Z"));
        for (InvoiceLine line : lines) {
            invoice.add(line);
        }
        invoice.issue(new Invoice.Issue("LAAD-2026-000007", LocalDate.of(2026, 2, 6), LocalDate.of(2026, 2, 20),
                Instant.parse("2026-02-06T03:00:00Z"), reference == null ? CreditorReference.forInvoice(2026, 7) : reference,
                method, supplier, customer, null));
        return invoice;
    }

    private static PriceComponent component(String kind, String description, String quantity, String unit,
                                            String unitPrice, String amount) {
        PriceComponent component = new PriceComponent();
        component.component = kind;
        component.description = description;
        component.quantity = new BigDecimal(quantity);
        component.unit = unit;
        component.unitPrice = new BigDecimal(unitPrice);
        component.amount = new BigDecimal(amount);
        return component;
    }

    private static BigDecimal gross(InvoiceLine line) {
        return line.netAmount.multiply(line.vatRate).add(line.netAmount).setScale(2, RoundingMode.HALF_UP);
    }

    private static String identifier(Document ubl, String party, String path) throws Exception {
        StringBuilder steps = new StringBuilder(party);
        for (String step : path.split("/")) {
            steps.append("/*[local-name()='").append(step).append("']");
        }
        return text(ubl, steps + "/@schemeID") + ":" + text(ubl, steps.toString());
    }

    private static String subtotal(Document ubl, String percent) throws Exception {
        String rate = "//*[local-name()='TaxSubtotal'][*[local-name()='TaxCategory']/*[local-name()='Percent']='" + percent + "']";
        return text(ubl, rate + "/*[local-name()='TaxableAmount']") + " " + text(ubl, rate + "/*[local-name()='TaxAmount']");
    }

    private static String property(Document ubl, String name) throws Exception {
        return text(ubl, "//*[local-name()='AdditionalItemProperty'][*[local-name()='Name']='" + name + "']/*[local-name()='Value']");
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static String text(Document document, String xpath) throws Exception {
        XPath path = XPathFactory.newInstance().newXPath();
        return path.evaluate(xpath, document);
    }
}
