package org.evsettle.sessions.zaptec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.Base64;
import java.util.Optional;
import org.evsettle.kit.api.DomainException;
import org.evsettle.sessions.config.ZaptecSettings;
import org.junit.jupiter.api.Test;

/** Credentials at rest: AES-GCM, a fresh nonce per value, bound to their row and field, and no key no storing. */
class CredentialCipherTest {

    private static CredentialCipher cipher(String key) {
        ZaptecSettings settings = (ZaptecSettings) Proxy.newProxyInstance(ZaptecSettings.class.getClassLoader(),
                new Class<?>[] {ZaptecSettings.class}, (proxy, method, args) -> {
                    if (method.getName().equals("credentialsKey")) {
                        return Optional.ofNullable(key);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new CredentialCipher(settings);
    }

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void encryptsWithAFreshNonceAndDecryptsOnlyInItsOwnPlace() {
        CredentialCipher cipher = cipher(KEY);
        String once = cipher.encrypt("s3cret-Zaptec", "op/inst/password");
        String twice = cipher.encrypt("s3cret-Zaptec", "op/inst/password");
        assertThat(once).isNotEqualTo(twice).doesNotContain("s3cret");
        assertThat(cipher.decrypt(once, "op/inst/password")).isEqualTo("s3cret-Zaptec");
        // copied to another installation's row, or tampered with, it does not decrypt
        assertThatThrownBy(() -> cipher.decrypt(once, "op/other/password")).isInstanceOf(DomainException.class)
                .hasMessageNotContaining("s3cret");
        byte[] tampered = Base64.getDecoder().decode(once);
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(Base64.getEncoder().encodeToString(tampered), "op/inst/password"))
                .isInstanceOf(DomainException.class);
        // another key reads nothing
        String otherKey = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
                14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
        assertThatThrownBy(() -> cipher(otherKey).decrypt(once, "op/inst/password")).isInstanceOf(DomainException.class);
    }

    @Test
    void refusesToStoreCredentialsWithoutAConfiguredKey() {
        assertThatThrownBy(() -> cipher(null).encrypt("s3cret", "op/inst/password"))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("evsettle.zaptec.credentials-key is not configured");
    }
}
