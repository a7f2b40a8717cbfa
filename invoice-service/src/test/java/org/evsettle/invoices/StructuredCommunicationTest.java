package org.evsettle.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StructuredCommunicationTest {

    @ParameterizedTest(name = "{0} has check digits {1}")
    @CsvSource({
            // published examples of valid structured communications
            "0108068171, 83",
            "0909337554, 93",
            // the ten digits a multiple of 97: check digits 97, not 00
            "0000000097, 97",
            "2600000042, 14"})
    void checkDigitsAreTheNumberMod97And97ForZero(String tenDigits, int check) {
        assertThat(StructuredCommunication.checkDigits(tenDigits)).isEqualTo(check);
        assertThat(StructuredCommunication.isValid(StructuredCommunication.of(tenDigits))).isTrue();
    }

    @Test
    void anInvoiceIsPaidWithItsYearAndSequence() {
        assertThat(StructuredCommunication.forInvoice(2026, 42)).isEqualTo("+++260/0000/04214+++");
        assertThat(StructuredCommunication.forInvoice(2030, 12_345_678)).isEqualTo("+++301/2345/678" + String.format("%02d",
                StructuredCommunication.checkDigits("3012345678")) + "+++");
        assertThatThrownBy(() -> StructuredCommunication.forInvoice(2026, 100_000_000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"+++010/8068/17183+++", "***010/8068/17183***", "+++ 010 / 8068 / 17183 +++",
            "010/8068/17183", "010806817183", "010 8068 17183", "Mededeling: 010/8068/17183 factuur"})
    void findsACommunicationAsBanksReportIt(String text) {
        assertThat(StructuredCommunication.findIn(text)).contains("+++010/8068/17183+++");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"+++010/8068/17182+++", "010806817184", "1010806817183", "BE71 0961 2345 6769", "12,10"})
    void refusesAWrongCheckDigitOrADifferentNumber(String text) {
        assertThat(StructuredCommunication.findIn(text)).isEmpty();
        assertThat(StructuredCommunication.isValid(text)).isFalse();
    }

    @Test
    void theSupplierCountryChoosesTheForm() {
        PaymentReference belgian = PaymentReference.forInvoice("BE", 2026, 42);
        assertThat(belgian.kind()).isEqualTo(PaymentReference.Kind.STRUCTURED);
        assertThat(belgian.printed()).isEqualTo("+++260/0000/04214+++");
        PaymentReference dutch = PaymentReference.forInvoice("NL", 2026, 42);
        assertThat(dutch.kind()).isEqualTo(PaymentReference.Kind.RF);
        assertThat(dutch.value()).isEqualTo(CreditorReference.forInvoice(2026, 42));
        assertThat(PaymentReference.forInvoice(null, 2026, 42).kind()).isEqualTo(PaymentReference.Kind.RF);
        assertThat(PaymentReference.of(belgian.value())).isEqualTo(belgian);
        assertThat(PaymentReference.findIn("betaling 260/0000/04214")).contains(belgian.value());
        assertThat(PaymentReference.findIn("betaling " + dutch.printed())).contains(dutch.value());
    }
}
