package org.evsettle.invoices.documents;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a SEPA credit transfer initiation in ISO 20022 pain.001.001.09 form (the version the EPC rulebook asks of
 * banks from 2023): one payment information block from the operator's account, and per transfer the employee's
 * name and IBAN, the amount and the statement's number as unstructured remittance. Texts are reduced to the SEPA
 * character set as {@link Pain008} does.
 */
public final class Pain001 {

    public static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";

    /** The batch as a bank reads it. */
    public record Batch(String messageId, Instant createdAt, String debtorName, String debtorIban, String debtorBic,
                        LocalDate executionDate, List<Transfer> transfers) {
    }

    /** One transfer: an amount to a creditor's account, with what it pays. */
    public record Transfer(String endToEndId, BigDecimal amount, String creditorName, String creditorIban,
                           String remittance) {
    }

    private Pain001() {
    }

    public static String write(Batch batch) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("Document");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeStartElement("CstmrCdtTrfInitn");
            xml.writeStartElement("GrpHdr");
            text(xml, "MsgId", Pain008.sepaId(batch.messageId()));
            text(xml, "CreDtTm", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                    batch.createdAt().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC).toLocalDateTime()));
            text(xml, "NbOfTxs", String.valueOf(batch.transfers().size()));
            text(xml, "CtrlSum", sum(batch.transfers()).toPlainString());
            xml.writeStartElement("InitgPty");
            text(xml, "Nm", Pain008.sepaText(batch.debtorName(), 70));
            xml.writeEndElement();
            xml.writeEndElement();
            paymentInformation(xml, batch);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the pain.001 document", e);
        }
        return out.toString();
    }

    private static void paymentInformation(XMLStreamWriter xml, Batch batch) throws XMLStreamException {
        xml.writeStartElement("PmtInf");
        text(xml, "PmtInfId", Pain008.sepaId(batch.messageId() + "-TRF"));
        text(xml, "PmtMtd", "TRF");
        text(xml, "BtchBookg", "true");
        text(xml, "NbOfTxs", String.valueOf(batch.transfers().size()));
        text(xml, "CtrlSum", sum(batch.transfers()).toPlainString());
        xml.writeStartElement("PmtTpInf");
        xml.writeStartElement("SvcLvl");
        text(xml, "Cd", "SEPA");
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeStartElement("ReqdExctnDt");
        text(xml, "Dt", batch.executionDate().toString());
        xml.writeEndElement();
        xml.writeStartElement("Dbtr");
        text(xml, "Nm", Pain008.sepaText(batch.debtorName(), 70));
        xml.writeEndElement();
        account(xml, "DbtrAcct", batch.debtorIban());
        xml.writeStartElement("DbtrAgt");
        xml.writeStartElement("FinInstnId");
        if (batch.debtorBic() != null && !batch.debtorBic().isBlank()) {
            text(xml, "BICFI", batch.debtorBic().replace(" ", "").toUpperCase(Locale.ROOT));
        } else {
            xml.writeStartElement("Othr");
            text(xml, "Id", "NOTPROVIDED");
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
        text(xml, "ChrgBr", "SLEV");
        for (Transfer transfer : batch.transfers()) {
            xml.writeStartElement("CdtTrfTxInf");
            xml.writeStartElement("PmtId");
            text(xml, "EndToEndId", Pain008.sepaId(transfer.endToEndId()));
            xml.writeEndElement();
            xml.writeStartElement("Amt");
            xml.writeStartElement("InstdAmt");
            xml.writeAttribute("Ccy", "EUR");
            xml.writeCharacters(transfer.amount().setScale(2).toPlainString());
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeStartElement("Cdtr");
            text(xml, "Nm", Pain008.sepaText(transfer.creditorName(), 70));
            xml.writeEndElement();
            account(xml, "CdtrAcct", transfer.creditorIban());
            xml.writeStartElement("RmtInf");
            text(xml, "Ustrd", Pain008.sepaText(transfer.remittance(), 140));
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void account(XMLStreamWriter xml, String element, String iban) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeStartElement("Id");
        text(xml, "IBAN", iban.replace(" ", "").toUpperCase(Locale.ROOT));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static BigDecimal sum(List<Transfer> transfers) {
        return transfers.stream().map(Transfer::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
