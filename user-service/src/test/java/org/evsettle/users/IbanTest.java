package org.evsettle.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** IBANs are accepted only with the right shape and check digits. */
class IbanTest {

    @ParameterizedTest(name = "{0} valid: {1}")
    @CsvSource({
            "NL91ABNA0417164300, true",
            "BE68539007547034, true",
            "DE89370400440532013000, true",
            "NL92ABNA0417164300, false",
            "BE68539007547035, false",
            "NL91 ABNA 0417 1643 00, false",
            "nl91abna0417164300, false",
            "NL91ABNA, false",
            "'', false"})
    void checksShapeAndCheckDigits(String iban, boolean valid) {
        assertThat(Iban.isValid(iban)).isEqualTo(valid);
    }
}
