package org.evsettle.invoices.documents;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.evsettle.events.registry.Address;
import org.evsettle.invoices.CustomerDetails;
import org.evsettle.invoices.DocumentKind;
import org.evsettle.invoices.Invoice;
import org.evsettle.invoices.InvoiceLine;
import org.evsettle.invoices.PaymentMethod;
import org.evsettle.invoices.PriceComponent;
import org.evsettle.invoices.SupplierDetails;
import org.evsettle.invoices.VatSubtotal;
import org.evsettle.kit.api.DomainException;

/**
 * Writes an issued invoice as a UBL 2.1 Invoice, and a credit note as a UBL 2.1 CreditNote, in the
 * form of Peppol BIS Billing 3.0 (EN 16931), the form Belgian businesses must receive since 2026. Each
 * charging session is one line of one unit (C62) at its net price, with its energy and tariff
 * components as item properties, so that line arithmetic holds exactly. Parties are addressed and
 * identified as {@link PeppolParty} decides (docs/peppol.md).
 */
public final class UblDocument {

    static final String CUSTOMIZATION = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
    static final String PROFILE = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";
    private static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    private static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    private static final String INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    private static final String CREDIT_NOTE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";

    private final XMLStreamWriter xml;
    private final DocumentContent content;
    private final Invoice document;

    private UblDocument(XMLStreamWriter xml, DocumentContent content) {
        this.xml = xml;
        this.content = content;
        this.document = content.document();
    }

    /** The UBL XML of an issued invoice or credit note (statements have no UBL form). */
    public static String write(DocumentContent content) {
        if (content.document().kind == DocumentKind.STATEMENT) {
            throw DomainException.unprocessable("A statement is not an invoice and has no UBL form");
        }
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            new UblDocument(xml, content).write();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write UBL for " + content.document().number, e);
        }
        return out.toString();
    }

    private void write() throws XMLStreamException {
        boolean credit = document.kind == DocumentKind.CREDIT_NOTE;
        xml.writeStartDocument("UTF-8", "1.0");
        xml.setPrefix("cac", CAC);
        xml.setPrefix("cbc", CBC);
        xml.writeStartElement(credit ? "CreditNote" : "Invoice");
        xml.writeDefaultNamespace(credit ? CREDIT_NOTE : INVOICE);
        xml.writeNamespace("cac", CAC);
        xml.writeNamespace("cbc", CBC);
        cbc("CustomizationID", CUSTOMIZATION);
        cbc("ProfileID", PROFILE);
        cbc("ID", document.number);
        cbc("IssueDate", document.issueDate.toString());
        if (!credit) {
            cbc("DueDate", document.dueDate.toString());
            cbc("InvoiceTypeCode", "380");
        } else {
            cbc("CreditNoteTypeCode", "381");
            cbc("Note", document.reason == null ? "Credit note" : document.reason);
        }
        cbc("DocumentCurrencyCode", document.currency);
        cbc("BuyerReference", document.driverId.toString());
        start("InvoicePeriod");
        cbc("StartDate", document.periodStart.toString());
        cbc("EndDate", document.periodEnd.toString());
        end();
        if (credit) {
            start("BillingReference");
            start("InvoiceDocumentReference");
            cbc("ID", document.creditsInvoiceNumber);
            if (content.creditedInvoiceIssueDate() != null) {
                cbc("IssueDate", content.creditedInvoiceIssueDate().toString());
            }
            end();
            end();
        }
        PeppolParty supplier = PeppolParty.supplier(document.supplier);
        supplier(document.supplier, supplier);
        customer(document.customer, PeppolParty.customer(document.customer, supplier));
        if (!credit) {
            paymentMeans();
            start("PaymentTerms");
            cbc("Note", "Payment due by " + document.dueDate + ", reference " + document.paymentReference);
            end();
        }
        taxTotal();
        start("LegalMonetaryTotal");
        amount("LineExtensionAmount", document.netAmount);
        amount("TaxExclusiveAmount", document.netAmount);
        amount("TaxInclusiveAmount", document.grossAmount);
        amount("PayableAmount", document.grossAmount);
        end();
        int position = 1;
        for (InvoiceLine line : content.lines()) {
            line(line, position++, credit);
        }
        end();
        xml.writeEndDocument();
    }

    private void supplier(SupplierDetails supplier, PeppolParty peppol) throws XMLStreamException {
        start("AccountingSupplierParty");
        start("Party");
        endpoint(peppol.endpoint());
        partyName(supplier.legalName());
        address(supplier.address(), peppol.country());
        taxScheme(peppol.vatNumber());
        legalEntity(supplier.legalName(), peppol.legalEntity());
        if (Formats.present(supplier.email())) {
            start("Contact");
            cbc("ElectronicMail", supplier.email());
            end();
        }
        end();
        end();
    }

    private void customer(CustomerDetails customer, PeppolParty peppol) throws XMLStreamException {
        start("AccountingCustomerParty");
        start("Party");
        endpoint(peppol.endpoint());
        partyName(customer.billedName());
        address(customer.address(), peppol.country());
        taxScheme(peppol.vatNumber());
        legalEntity(customer.billedName(), peppol.legalEntity());
        if (Formats.present(customer.email()) || (customer.isCompany() && Formats.present(customer.name()))) {
            start("Contact");
            if (Formats.present(customer.name())) {
                cbc("Name", customer.name());
            }
            if (Formats.present(customer.email())) {
                cbc("ElectronicMail", customer.email());
            }
            end();
        }
        end();
        end();
    }

    private void paymentMeans() throws XMLStreamException {
        boolean debit = document.paymentMethod == PaymentMethod.DIRECT_DEBIT && document.customer.mandateId() != null;
        start("PaymentMeans");
        element(CBC, "PaymentMeansCode", debit ? "59" : "58", "name", debit ? "SEPA direct debit" : "SEPA credit transfer");
        cbc("PaymentID", paymentId(document.paymentReference));
        if (!debit && Formats.present(document.supplier.iban())) {
            start("PayeeFinancialAccount");
            cbc("ID", document.supplier.iban().replace(" ", ""));
            cbc("Name", document.supplier.legalName());
            if (Formats.present(document.supplier.bic())) {
                start("FinancialInstitutionBranch");
                cbc("ID", document.supplier.bic());
                end();
            }
            end();
        }
        if (debit) {
            start("PaymentMandate");
            cbc("ID", document.customer.mandateId());
            start("PayerFinancialAccount");
            cbc("ID", document.customer.debitIban().replace(" ", ""));
            end();
            end();
        }
        end();
    }

    private void taxTotal() throws XMLStreamException {
        start("TaxTotal");
        amount("TaxAmount", document.vatAmount);
        for (VatSubtotal rate : document.vatBreakdown) {
            start("TaxSubtotal");
            amount("TaxableAmount", rate.netAmount);
            amount("TaxAmount", rate.vatAmount);
            taxCategory("TaxCategory", rate.rate);
            end();
        }
        end();
    }

    private void line(InvoiceLine line, int position, boolean credit) throws XMLStreamException {
        start(credit ? "CreditNoteLine" : "InvoiceLine");
        cbc("ID", String.valueOf(position));
        if (Formats.present(line.note)) {
            cbc("Note", line.note);
        }
        element(CBC, credit ? "CreditedQuantity" : "InvoicedQuantity", "1", "unitCode", "C62");
        amount("LineExtensionAmount", line.netAmount);
        start("InvoicePeriod");
        cbc("StartDate", line.startDate(content.zone()).toString());
        cbc("EndDate", (line.stoppedAt == null ? line.startDate(content.zone())
                : LocalDate.ofInstant(line.stoppedAt, content.zone())).toString());
        end();
        start("Item");
        cbc("Description", "Charging session started " + Formats.localTime(line.startedAt, content.zone())
                + (Formats.present(line.siteName) ? " at " + line.siteName : "") + ", charger " + line.chargePointId
                + ", " + Formats.kwh(line.energyKwh()));
        cbc("Name", "EV charging session");
        start("SellersItemIdentification");
        cbc("ID", line.sessionId.toString());
        end();
        taxCategory("ClassifiedTaxCategory", line.vatRate);
        if (line.employeeId != null) {
            property("Employee", Formats.present(line.employeeName) ? line.employeeName : line.employeeId.toString());
        }
        property("Energy (kWh)", line.energyKwh().toPlainString());
        for (PriceComponent component : line.components) {
            property(Formats.present(component.description) ? component.description : component.component,
                    component.quantity.stripTrailingZeros().toPlainString() + " " + component.unit + " x "
                            + component.unitPrice.toPlainString() + " = " + money(component.amount));
        }
        end();
        start("Price");
        amount("PriceAmount", line.netAmount);
        end();
        end();
    }

    private void property(String name, String value) throws XMLStreamException {
        start("AdditionalItemProperty");
        cbc("Name", name);
        cbc("Value", value);
        end();
    }

    private void taxCategory(String element, BigDecimal rate) throws XMLStreamException {
        start(element);
        cbc("ID", rate.signum() == 0 ? "Z" : "S");
        cbc("Percent", rate.movePointRight(2).stripTrailingZeros().toPlainString());
        start("TaxScheme");
        cbc("ID", "VAT");
        end();
        end();
    }

    private void taxScheme(String vatNumber) throws XMLStreamException {
        if (vatNumber == null) {
            return;
        }
        start("PartyTaxScheme");
        cbc("CompanyID", vatNumber);
        start("TaxScheme");
        cbc("ID", "VAT");
        end();
        end();
    }

    private void legalEntity(String name, PeppolParty.Identifier companyId) throws XMLStreamException {
        start("PartyLegalEntity");
        cbc("RegistrationName", name);
        if (companyId != null && companyId.scheme() != null) {
            element(CBC, "CompanyID", companyId.id(), "schemeID", companyId.scheme());
        } else if (companyId != null) {
            cbc("CompanyID", companyId.id());
        }
        end();
    }

    private void partyName(String name) throws XMLStreamException {
        start("PartyName");
        cbc("Name", name);
        end();
    }

    private void address(Address address, String country) throws XMLStreamException {
        start("PostalAddress");
        if (address != null) {
            if (Formats.present(address.street())) {
                cbc("StreetName", address.street());
            }
            if (Formats.present(address.city())) {
                cbc("CityName", address.city());
            }
            if (Formats.present(address.postalCode())) {
                cbc("PostalZone", address.postalCode());
            }
        }
        start("Country");
        cbc("IdentificationCode", country);
        end();
        end();
    }

    private void endpoint(PeppolParty.Identifier endpoint) throws XMLStreamException {
        if (endpoint != null) {
            element(CBC, "EndpointID", endpoint.id(), "schemeID", endpoint.scheme());
        }
    }

    /**
     * The payment reference as the customer's bank wants it: a Belgian structured communication
     * (+++123/4567/89012+++) by its 12 digits, as Belgian practice writes it in PaymentID; any other
     * reference (an RF creditor reference) as it is.
     */
    static String paymentId(String reference) {
        if (reference == null) {
            return null;
        }
        return reference.strip().startsWith("+++") ? reference.replaceAll("[+/\\s]", "") : reference;
    }

    private void amount(String element, BigDecimal value) throws XMLStreamException {
        element(CBC, element, money(value), "currencyID", document.currency);
    }

    private static String money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private void cbc(String element, String value) throws XMLStreamException {
        xml.writeStartElement(CBC, element);
        xml.writeCharacters(value == null ? "" : value);
        xml.writeEndElement();
    }

    private void element(String namespace, String element, String value, String attribute, String attributeValue)
            throws XMLStreamException {
        xml.writeStartElement(namespace, element);
        xml.writeAttribute(attribute, attributeValue);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private void start(String element) throws XMLStreamException {
        xml.writeStartElement(CAC, element);
    }

    private void end() throws XMLStreamException {
        xml.writeEndElement();
    }
}
