package org.evsettle.invoices.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.evsettle.invoices.Invoice;
import org.evsettle.invoices.PaymentMethod;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

class UblDocumentTest {

    @Test
    void writesAnInvoiceForACompanyThatTheUbl21SchemaAccepts() throws Exception {
        Invoice invoice = DocumentFixtures.anInvoice(DocumentFixtures.company(), PaymentMethod.TRANSFER);

        String xml = UblDocument.write(DocumentFixtures.content(invoice));

        Schemas.validate(xml, Schemas.UBL_INVOICE);
        Document ubl = parse(xml);
        assertThat(text(ubl, "/*[local-name()='Invoice']/*[local-name()='CustomizationID']"))
                .isEqualTo("urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0");
        assertThat(text(ubl, "//*[local-name()='ProfileID']")).isEqualTo("urn:fdc:peppol.eu:2017:poacc:billing:01:1.0");
        assertThat(text(ubl, "/*/*[local-name()='ID']")).isEqualTo("LINDE-2026-000042");
        assertThat(text(ubl, "//*[local-name()='InvoiceTypeCode']")).isEqualTo("380");
        assertThat(text(ubl, "//*[local-name()='DueDate']")).isEqualTo("2026-02-20");
        assertThat(text(ubl, "//*[local-name()='AccountingSupplierParty']//*[local-name()='EndpointID']/@schemeID"))
                .isEqualTo("0106");
        assertThat(text(ubl, "//*[local-name()='AccountingSupplierParty']//*[local-name()='PartyTaxScheme']/*[local-name()='CompanyID']"))
                .isEqualTo("NL001234567B01");
        assertThat(text(ubl, "//*[local-name()='AccountingCustomerParty']//*[local-name()='EndpointID']"))
                .isEqualTo("0123456749");
        assertThat(text(ubl, "//*[local-name()='AccountingCustomerParty']//*[local-name()='EndpointID']/@schemeID"))
                .isEqualTo("0208");
        assertThat(text(ubl, "//*[local-name()='AccountingCustomerParty']//*[local-name()='RegistrationName']"))
                .isEqualTo("Fleet & Co BV");
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
    void writesTheMandateOfAnInvoiceCollectedByDirectDebit() throws Exception {
        Invoice invoice = DocumentFixtures.anInvoice(DocumentFixtures.withMandate(), PaymentMethod.DIRECT_DEBIT);

        String xml = UblDocument.write(DocumentFixtures.content(invoice));

        Schemas.validate(xml, Schemas.UBL_INVOICE);
        Document ubl = parse(xml);
        assertThat(text(ubl, "//*[local-name()='PaymentMeansCode']")).isEqualTo("59");
        assertThat(text(ubl, "//*[local-name()='PaymentMandate']/*[local-name()='ID']")).isEqualTo("MANDATE-0001");
        assertThat(text(ubl, "//*[local-name()='AccountingCustomerParty']//*[local-name()='EndpointID']/@schemeID"))
                .isEqualTo("EM");
    }

    @Test
    void writesACreditNoteThatReferencesTheInvoiceItCredits() throws Exception {
        Invoice invoice = DocumentFixtures.anInvoice(DocumentFixtures.company(), PaymentMethod.TRANSFER);
        Invoice creditNote = DocumentFixtures.aCreditNote(invoice);

        String xml = UblDocument.write(DocumentFixtures.content(creditNote));

        Schemas.validate(xml, Schemas.UBL_CREDIT_NOTE);
        Document ubl = parse(xml);
        assertThat(text(ubl, "//*[local-name()='CreditNoteTypeCode']")).isEqualTo("381");
        assertThat(text(ubl, "//*[local-name()='BillingReference']//*[local-name()='ID']")).isEqualTo("LINDE-2026-000042");
        assertThat(text(ubl, "//*[local-name()='BillingReference']//*[local-name()='IssueDate']")).isEqualTo("2026-02-06");
        assertThat(text(ubl, "//*[local-name()='LegalMonetaryTotal']/*[local-name()='PayableAmount']")).isEqualTo("5.23");
        assertThat(text(ubl, "count(//*[local-name()='CreditNoteLine'])")).isEqualTo("1");
    }

    @Test
    void theSchemaCheckCatchesADocumentThatIsNotUbl() {
        String broken = UblDocument.write(DocumentFixtures.content(
                DocumentFixtures.anInvoice(DocumentFixtures.company(), PaymentMethod.TRANSFER)))
                .replace("cbc:IssueDate", "cbc:IssuedOn");

        assertThatThrownBy(() -> Schemas.validate(broken, Schemas.UBL_INVOICE)).isInstanceOf(SAXParseException.class);
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
