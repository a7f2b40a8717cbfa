package org.evsettle.sessions.zaptec;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.evsettle.kit.api.DomainException;
import org.evsettle.sessions.config.ZaptecSettings;

/**
 * Encrypts the installations' Zaptec credentials at rest: AES-256-GCM with a random 96-bit nonce per value,
 * stored as Base64 of nonce then ciphertext and tag. The key comes from configuration
 * ({@code evsettle.zaptec.credentials-key}); the operator, installation and field are bound in as associated
 * data, so a value copied to another row does not decrypt.
 */
@ApplicationScoped
public class CredentialCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final ZaptecSettings settings;
    private final SecureRandom random = new SecureRandom();

    public CredentialCipher(ZaptecSettings settings) {
        this.settings = settings;
    }

    public String encrypt(String plain, String context) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a Zaptec credential", e);
        }
    }

    public String decrypt(String stored, String context) {
        try {
            byte[] value = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, value, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(value, NONCE_BYTES, value.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // the key changed or the value was tampered with; the message names neither value
            throw DomainException.unprocessable("The stored Zaptec credentials cannot be decrypted with the configured"
                    + " key: store them again");
        }
    }

    private SecretKey key() {
        String configured = settings.credentialsKey().orElseThrow(() -> DomainException.unprocessable(
                "Zaptec credentials cannot be kept: evsettle.zaptec.credentials-key is not configured"));
        byte[] key = Base64.getDecoder().decode(configured.trim());
        if (key.length != 32) {
            throw new IllegalStateException("evsettle.zaptec.credentials-key must be 32 bytes in Base64 (AES-256)");
        }
        return new SecretKeySpec(key, "AES");
    }
}
