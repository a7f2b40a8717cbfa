package org.evsettle.invoices.documents;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.evsettle.invoices.PaymentReference;
import org.evsettle.invoices.StructuredCommunication;

/**
 * Writes a SEPA Core direct debit initiation in ISO 20022 pain.008.001.02 form, as banks in the
 * Netherlands and Belgium take it: one payment information block per sequence type (FRST, RCUR), the
 * creditor identifier, and per debit the mandate, the debtor's account and the invoice's creditor
 * reference. Texts are reduced to the SEPA character set (accents dropped, other characters spaced).
 */
public final class Pain008 {

    static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.008.001.02";

    /** The batch as a bank reads it. */
    public record Batch(String messageId, Instant createdAt, String creditorName, String creditorIban, String creditorBic,
                        String creditorId, LocalDate collectionDate, List<Debit> debits) {
    }

    /** One collection: an invoice's outstanding amount from a debtor under a mandate. */
    public record Debit(String endToEndId, BigDecimal amount, String sequenceType, String mandateId,
                        LocalDate mandateSignedOn, String debtorName, String debtorIban, String debtorBic,
                        String creditorReference, String remittance) {
    }

    private Pain008() {
    }

    public static String write(Batch batch) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("Document");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeStartElement("CstmrDrctDbtInitn");
            xml.writeStartElement("GrpHdr");
            text(xml, "MsgId", batch.messageId());
            text(xml, "CreDtTm", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                    batch.createdAt().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC).toLocalDateTime()));
            text(xml, "NbOfTxs", String.valueOf(batch.debits().size()));
            text(xml, "CtrlSum", sum(batch.debits()).toPlainString());
            xml.writeStartElement("InitgPty");
            text(xml, "Nm", sepaText(batch.creditorName(), 70));
            xml.writeEndElement();
            xml.writeEndElement();
            Map<String, List<Debit>> bySequence = batch.debits().stream()
                    .collect(Collectors.groupingBy(Debit::sequenceType, TreeMap::new, Collectors.toList()));
            for (Map.Entry<String, List<Debit>> sequence : bySequence.entrySet()) {
                paymentInformation(xml, batch, sequence.getKey(), sequence.getValue());
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the pain.008 document", e);
        }
        return out.toString();
    }

    private static void paymentInformation(XMLStreamWriter xml, Batch batch, String sequence, List<Debit> debits)
            throws XMLStreamException {
        xml.writeStartElement("PmtInf");
        text(xml, "PmtInfId", sepaId(batch.messageId() + "-" + sequence));
        text(xml, "PmtMtd", "DD");
        text(xml, "BtchBookg", "true");
        text(xml, "NbOfTxs", String.valueOf(debits.size()));
        text(xml, "CtrlSum", sum(debits).toPlainString());
        xml.writeStartElement("PmtTpInf");
        xml.writeStartElement("SvcLvl");
        text(xml, "Cd", "SEPA");
        xml.writeEndElement();
        xml.writeStartElement("LclInstrm");
        text(xml, "Cd", "CORE");
        xml.writeEndElement();
        text(xml, "SeqTp", sequence);
        xml.writeEndElement();
        text(xml, "ReqdColltnDt", batch.collectionDate().toString());
        xml.writeStartElement("Cdtr");
        text(xml, "Nm", sepaText(batch.creditorName(), 70));
        xml.writeEndElement();
        account(xml, "CdtrAcct", batch.creditorIban());
        agent(xml, "CdtrAgt", batch.creditorBic());
        text(xml, "ChrgBr", "SLEV");
        xml.writeStartElement("CdtrSchmeId");
        xml.writeStartElement("Id");
        xml.writeStartElement("PrvtId");
        xml.writeStartElement("Othr");
        text(xml, "Id", batch.creditorId());
        xml.writeStartElement("SchmeNm");
        text(xml, "Prtry", "SEPA");
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        for (Debit debit : debits) {
            transaction(xml, debit);
        }
        xml.writeEndElement();
    }

    private static void transaction(XMLStreamWriter xml, Debit debit) throws XMLStreamException {
        xml.writeStartElement("DrctDbtTxInf");
        xml.writeStartElement("PmtId");
        text(xml, "EndToEndId", sepaId(debit.endToEndId()));
        xml.writeEndElement();
        xml.writeStartElement("InstdAmt");
        xml.writeAttribute("Ccy", "EUR");
        xml.writeCharacters(debit.amount().setScale(2).toPlainString());
        xml.writeEndElement();
        xml.writeStartElement("DrctDbtTx");
        xml.writeStartElement("MndtRltdInf");
        text(xml, "MndtId", sepaId(debit.mandateId()));
        text(xml, "DtOfSgntr", debit.mandateSignedOn().toString());
        xml.writeEndElement();
        xml.writeEndElement();
        agent(xml, "DbtrAgt", debit.debtorBic());
        xml.writeStartElement("Dbtr");
        text(xml, "Nm", sepaText(debit.debtorName(), 70));
        xml.writeEndElement();
        account(xml, "DbtrAcct", debit.debtorIban());
        xml.writeStartElement("RmtInf");
        if (debit.creditorReference() != null) {
            xml.writeStartElement("Strd");
            xml.writeStartElement("CdtrRefInf");
            xml.writeStartElement("Tp");
            xml.writeStartElement("CdOrPrtry");
            text(xml, "Cd", "SCOR");
            xml.writeEndElement();
            // a Belgian structured communication is issued by the Belgian bankers' association, its twelve digits
            PaymentReference reference = PaymentReference.of(debit.creditorReference());
            boolean structured = reference.kind() == PaymentReference.Kind.STRUCTURED;
            text(xml, "Issr", structured ? "BBA" : "ISO");
            xml.writeEndElement();
            text(xml, "Ref", structured ? StructuredCommunication.digits(reference.value()) : reference.value());
            xml.writeEndElement();
            xml.writeEndElement();
        } else {
            text(xml, "Ustrd", sepaText(debit.remittance(), 140));
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void account(XMLStreamWriter xml, String element, String iban) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeStartElement("Id");
        text(xml, "IBAN", iban.replace(" ", "").toUpperCase(Locale.ROOT));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** A bank by BIC, or NOTPROVIDED (IBAN-only, allowed within SEPA since 2016). */
    private static void agent(XMLStreamWriter xml, String element, String bic) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeStartElement("FinInstnId");
        if (bic != null && !bic.isBlank()) {
            text(xml, "BIC", bic.replace(" ", "").toUpperCase(Locale.ROOT));
        } else {
            xml.writeStartElement("Othr");
            text(xml, "Id", "NOTPROVIDED");
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static BigDecimal sum(List<Debit> debits) {
        return debits.stream().map(Debit::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** Text in the SEPA character set (Latin letters, digits, / - ? : ( ) . , ' + and space), at most max long. */
    public static String sepaText(String text, int max) {
        String spelled = (text == null ? "" : text).replace("ø", "o").replace("Ø", "O").replace("æ", "ae")
                .replace("Æ", "AE").replace("ß", "ss").replace("ł", "l").replace("Ł", "L").replace("đ", "d");
        String plain = Normalizer.normalize(spelled, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String sepa = plain.replaceAll("[^A-Za-z0-9/\\-?:().,'+ ]", " ").replaceAll("\\s+", " ").trim();
        sepa = sepa.isEmpty() ? "-" : sepa;
        return sepa.length() > max ? sepa.substring(0, max).trim() : sepa;
    }

    /** An identifier (message, end-to-end, mandate) in the restricted SEPA set, at most 35 characters. */
    public static String sepaId(String id) {
        return sepaText(id, 35);
    }
}
