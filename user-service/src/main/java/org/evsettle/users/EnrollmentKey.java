package org.evsettle.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The key with which unknown chargers of an operator enroll themselves: 32 random bytes written in
 * base64url (43 characters), shown to the operator once; the registry publishes only its SHA-256 in
 * lower-case hex, against which the gateway checks the password an unknown charger presents.
 */
public final class EnrollmentKey {

    private static final SecureRandom RANDOM = new SecureRandom();

    private EnrollmentKey() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
