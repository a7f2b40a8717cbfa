package org.evsettle.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.evsettle.events.registry.DocumentLanguage;
import org.evsettle.users.api.LanguageCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A business customer's registration number follows the register of its billing country. */
class CompanyRegistrationNumberTest {

    @ParameterizedTest(name = "{0} in {1} is {2}, valid: {3}")
    @CsvSource({
            "12345678, NL, 12345678, true",
            "'1234 5678', NL, 12345678, true",
            "1234567, NL, 1234567, false",
            "1234567A, NL, 1234567A, false",
            "0123.456.749, BE, 0123456749, true",
            "0123456749, BE, 0123456749, true",
            "1000000021, BE, 1000000021, true",
            "0123.456.748, BE, 0123456748, false",
            "2038103424, BE, 2038103424, false",
            "123456749, BE, 123456749, false",
            "'HRB 12345 B', DE, 'HRB 12345 B', true",
            "' 0123.456.749 ', FR, '0123.456.749', true"})
    void normalizesAndChecksByCountry(String given, String country, String stored, boolean valid) {
        String normalized = CompanyRegistrationNumber.normalize(given, country);

        assertThat(normalized).isEqualTo(stored);
        assertThat(CompanyRegistrationNumber.brokenRule(normalized, country).isEmpty()).isEqualTo(valid);
    }

    @Test
    void takesUpTo35CharactersWhereNoRegisterRuleApplies() {
        assertThat(CompanyRegistrationNumber.brokenRule("X".repeat(35), "DE")).isEmpty();
        assertThat(CompanyRegistrationNumber.brokenRule("X".repeat(36), "DE")).isPresent();
    }

    @Test
    void namesEveryDocumentLanguageInItsRule() {
        assertThat(LanguageCode.ALLOWED).isEqualTo(Arrays.stream(DocumentLanguage.values())
                .map(DocumentLanguage::code).collect(Collectors.joining(", ")));
    }
}
