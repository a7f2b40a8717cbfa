package org.evsettle.events.registry;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The stored form of a charger's OCPP password, written by the registry and checked by the gateway
 * at every connect. Two schemes, Base64 without padding:
 * <ul>
 * <li>{@code pbkdf2-sha256$<iterations>$<salt>$<hash>} for a password a person chose ({@link #hash}):
 * its entropy is unknown, so a stolen hash must be slow to guess from. New hashes take
 * {@value #ITERATIONS} iterations (OWASP's figure for PBKDF2-HMAC-SHA256, some hundred milliseconds
 * per check); a hash stored with fewer (30,000 before) carries its count and keeps working;</li>
 * <li>{@code sha256$<salt>$<hash>} for a secret the platform generated with at least 128 random bits
 * ({@link #hashGenerated}: a generated password, an enrollment key). Guessing 2^128 values is out of
 * reach at any hashing speed, so a slow hash adds no protection, only cost: a fleet that reconnects
 * at once after a restart is admitted in microseconds per charger instead of a queue of seconds.</li>
 * </ul>
 */
public final class OcppPasswordHash {

    private static final String PBKDF2 = "pbkdf2-sha256";
    private static final String SHA256 = "sha256";
    /** The iterations of a new PBKDF2 hash: the OWASP Password Storage Cheat Sheet's figure for PBKDF2-HMAC-SHA256. */
    public static final int ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    /** Below this length a "generated" secret cannot carry 128 bits (hex has 4 bits per character). */
    private static final int GENERATED_MIN_LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    private OcppPasswordHash() {
    }

    /** The slow, salted hash of a password a person chose. */
    public static String hash(String password) {
        return hash(password, ITERATIONS);
    }

    /** The slow hash with another iteration count: how a hash stored under an earlier cost looks. */
    public static String hash(String password, int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("PBKDF2 needs at least one iteration");
        }
        byte[] salt = salt();
        return PBKDF2 + "$" + iterations + "$" + B64.encodeToString(salt) + "$"
                + B64.encodeToString(derive(password, salt, iterations));
    }

    /** The fast, salted hash of a secret the platform generated ({@link #generatePassword}, an enrollment key). */
    public static String hashGenerated(String secret) {
        if (secret == null || secret.length() < GENERATED_MIN_LENGTH) {
            throw new IllegalArgumentException("A generated secret has at least " + GENERATED_MIN_LENGTH + " characters");
        }
        byte[] salt = salt();
        return SHA256 + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(sha256(salt, secret));
    }

    /** True when checking a password against this stored hash costs real CPU time (a PBKDF2 hash). */
    public static boolean isCostly(String stored) {
        return stored != null && stored.startsWith(PBKDF2 + "$");
    }

    /** True when the password matches the stored hash; false for a malformed hash. */
    public static boolean matches(String password, String stored) {
        if (password == null || stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        try {
            if (parts.length == 4 && PBKDF2.equals(parts[0])) {
                int iterations = Integer.parseInt(parts[1]);
                byte[] salt = Base64.getDecoder().decode(parts[2]);
                byte[] expected = Base64.getDecoder().decode(parts[3]);
                return MessageDigest.isEqual(expected, derive(password, salt, iterations));
            }
            if (parts.length == 3 && SHA256.equals(parts[0])) {
                byte[] salt = Base64.getDecoder().decode(parts[1]);
                byte[] expected = Base64.getDecoder().decode(parts[2]);
                return MessageDigest.isEqual(expected, sha256(salt, password));
            }
            return false;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] salt() {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return salt;
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is required by every Java platform", e);
        }
    }

    private static byte[] sha256(byte[] salt, String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            return digest.digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** A random password of 40 hex characters (160 bits), as the OCPP security whitepaper suggests. */
    public static String generatePassword() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        StringBuilder hex = new StringBuilder(40);
        for (byte b : bytes) {
            hex.append(String.format("%02X", b));
        }
        return hex.toString();
    }
}
