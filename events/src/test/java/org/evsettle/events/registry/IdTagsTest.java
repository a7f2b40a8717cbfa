package org.evsettle.events.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdTagsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "04a2b3c4d5e680;04A2B3C4D5E680",
            "04:A2:B3:C4:D5:E6:80;04A2B3C4D5E680",
            "04-a2-b3-c4-d5-e6-80;04A2B3C4D5E680",
            "04 A2 B3 C4 D5 E6 80;04A2B3C4D5E680",
            "nfc-04a2b3c4d5e680;04A2B3C4D5E680",
            "NFC-04:a2:b3:c4;04A2B3C4",
            "  de ad be ef  ;DEADBEEF",
            "employee-0042;EMPLOYEE-0042",
            "rfid:1234abcd;1234ABCD",
    })
    void normalizesVendorSpellingsOfOneCardToOneForm(String raw, String normal) {
        assertThat(IdTags.normalize(raw)).isEqualTo(normal);
    }
}
