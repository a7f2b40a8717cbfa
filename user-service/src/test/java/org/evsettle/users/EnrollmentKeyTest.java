package org.evsettle.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The enrollment key: high-entropy, and hashed exactly as the gateway expects. */
class EnrollmentKeyTest {

    @Test
    void generates32RandomBytesInBase64Url() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String key = EnrollmentKey.generate();
            assertThat(key).matches("[A-Za-z0-9_-]{43}");
            assertThat(Base64.getUrlDecoder().decode(key)).hasSize(32);
            keys.add(key);
        }
        assertThat(keys).hasSize(100);
    }

    @Test
    void hashesWithSha256InLowerCaseHex() {
        // the FIPS 180-2 test vector
        assertThat(EnrollmentKey.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
