package org.evsettle.invoices.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class Pain008Test {

    private static Pain008.Batch batch(List<Pain008.Debit> debits) {
        return new Pain008.Batch("EVS0123456789abcdef0123456789abcdef", Instant.parse("2026-03-01T10:15:30.123Z"),
                "Woonstichting De Linde", "NL91 ABNA 0417 1643 00", "ABNANL2A", "NL57ZZZ999999999999",
                LocalDate.of(2026, 3, 5), debits);
    }

    private static Pain008.Debit debit(String number, String amount, String sequence, String name, String bic) {
        return new Pain008.Debit(number, new BigDecimal(amount), sequence, "MANDATE-" + number,
                LocalDate.of(2025, 6, 1), name, "NL44RABO0123456789", bic, "RF462026000123", "Invoice " + number);
    }

    @Test
    void writesABatchThatThePain00800102SchemaAccepts() throws Exception {
        String xml = Pain008.write(batch(List.of(
                debit("LINDE-2026-000001", "12.10", "FRST", "Anna de Vries", "RABONL2U"),
                debit("LINDE-2026-000002", "7.05", "RCUR", "Zoë Çelik-Ünal & Søn", null),
                debit("LINDE-2026-000003", "100.00", "RCUR", "Bob Jansen", null))));

        Schemas.validate(xml, Schemas.PAIN_008);
        assertThat(xml).contains("<NbOfTxs>3</NbOfTxs>", "<CtrlSum>119.15</CtrlSum>", "<SeqTp>FRST</SeqTp>",
                "<SeqTp>RCUR</SeqTp>", "<Cd>CORE</Cd>", "<ReqdColltnDt>2026-03-05</ReqdColltnDt>",
                "<Id>NL57ZZZ999999999999</Id>", "<IBAN>NL91ABNA0417164300</IBAN>", "<MndtId>MANDATE-LINDE-2026-000002</MndtId>",
                "<DtOfSgntr>2025-06-01</DtOfSgntr>", "<InstdAmt Ccy=\"EUR\">7.05</InstdAmt>", "<Ref>RF462026000123</Ref>",
                "<Id>NOTPROVIDED</Id>", "<BIC>RABONL2U</BIC>", "<CreDtTm>2026-03-01T10:15:30</CreDtTm>")
                // the FRST block holds one debit and the RCUR block two, each with its own control sum
                .contains("<NbOfTxs>1</NbOfTxs><CtrlSum>12.10</CtrlSum>", "<NbOfTxs>2</NbOfTxs><CtrlSum>107.05</CtrlSum>")
                .contains("<Nm>Zoe Celik-Unal Son</Nm>");
    }

    @Test
    void carriesABelgianStructuredCommunicationAsABbaReferenceOfItsTwelveDigits() throws Exception {
        Pain008.Debit belgian = new Pain008.Debit("TIL-2026-000042", new BigDecimal("12.10"), "FRST", "MANDATE-42",
                LocalDate.of(2025, 6, 1), "Marie Dubois", "BE68539007547034", null, "+++260/0000/04214+++",
                "Invoice TIL-2026-000042");

        String xml = Pain008.write(batch(List.of(belgian)));

        Schemas.validate(xml, Schemas.PAIN_008);
        assertThat(xml).contains("<Issr>BBA</Issr>", "<Ref>260000004214</Ref>").doesNotContain("+++");
    }

    @Test
    void keepsTextsWithinTheSepaCharacterSetAndLengths() {
        assertThat(Pain008.sepaText("Zoë & Søn <b>", 70)).isEqualTo("Zoe Son b");
        assertThat(Pain008.sepaText("x".repeat(80), 70)).hasSize(70);
        assertThat(Pain008.sepaId("LINDE-2026-000001 / a very long end to end reference")).hasSizeLessThanOrEqualTo(35);
        assertThat(Pain008.sepaText("", 70)).isEqualTo("-");
    }
}
