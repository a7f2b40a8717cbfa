package org.evsettle.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreditorReferenceTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            539007547034 | RF18539007547034 | the example of ISO 11649
            2026000123   | RF462026000123   | the year and sequence of invoice 2026-000123
            G72UUR       | RF45G72UUR       | letters count as two digits each
            """)
    void computesTheCheckDigitsOfIso11649(String body, String reference, String why) {
        assertThat(CreditorReference.of(body)).as(why).isEqualTo(reference);
        assertThat(CreditorReference.isValid(reference)).as(why).isTrue();
    }

    @Test
    void makesTheReferenceOfAnInvoiceFromItsYearAndSequence() {
        assertThat(CreditorReference.forInvoice(2026, 123)).isEqualTo("RF462026000123");
        assertThat(CreditorReference.forInvoice(2027, 1_234_567)).startsWith("RF").endsWith("20271234567")
                .satisfies(reference -> assertThat(CreditorReference.isValid(reference)).isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            RF19539007547034 | a wrong check digit
            RF1853900754703X | a changed character
            FR18539007547034 | not RF
            RF18             | no body
            RF18539007547034539007547034 | a body longer than 21 characters
            """)
    void refusesWhatIsNotAValidReference(String text, String why) {
        assertThat(CreditorReference.isValid(text)).as(why).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Betaling RF46 2026 0001 23 laadpas          | RF462026000123
            rf462026000123                              | RF462026000123
            /RFB/RF462026000123/ factuur LINDE-2026-000123 | RF462026000123
            """)
    void findsAReferenceInTheTextOfABankStatement(String text, String reference) {
        assertThat(CreditorReference.findIn(text)).contains(reference);
    }

    @Test
    void findsNoReferenceWhereThereIsNone() {
        assertThat(CreditorReference.findIn("Factuur LINDE-2026-000123")).isEmpty();
        assertThat(CreditorReference.findIn("RF19539007547034")).isEmpty();
        assertThat(CreditorReference.findIn(null)).isEmpty();
    }

    @Test
    void printsInGroupsOfFour() {
        assertThat(CreditorReference.printed("RF462026000123")).isEqualTo("RF46 2026 0001 23");
    }

    @Test
    void refusesABodyThatCannotBeAReference() {
        assertThatThrownBy(() -> CreditorReference.of("2026-000123")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CreditorReference.of("1234567890123456789012")).isInstanceOf(IllegalArgumentException.class);
    }
}
