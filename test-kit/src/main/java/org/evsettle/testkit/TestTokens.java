package org.evsettle.testkit;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bearer tokens shaped like Keycloak's (realm roles, operator_id, driver_id, audience), signed with
 * a key pair made when the test JVM starts; the service under test verifies them with the public
 * half (see {@link InfrastructureResource}). The key is passed through a system property because
 * test resources and tests run in different class loaders of the same JVM.
 */
public final class TestTokens {

    public static final String ISSUER = "https://evsettle.test/realms/evsettle";
    private static final String PRIVATE_KEY_PROPERTY = "evsettle.test.token-private-key";
    private static final String PUBLIC_KEY_PROPERTY = "evsettle.test.token-public-key";

    private TestTokens() {
    }

    public static String platformAdmin() {
        return sign("platform-admin", List.of("platform-admin"), Map.of());
    }

    public static String operatorAdmin(UUID operatorId) {
        return sign("operator-admin", List.of("operator-admin"), Map.of("operator_id", operatorId.toString()));
    }

    /**
     * A token of the driver's own account ({@link #accountOf}): it is the driver where the registry links
     * the driver to that account, as services require.
     */
    public static String driver(UUID operatorId, UUID driverId) {
        return driver(operatorId, driverId, accountOf(driverId));
    }

    /** A driver token of the given account (subject), whichever driver the registry links it to. */
    public static String driver(UUID operatorId, UUID driverId, String account) {
        return sign("driver", account, List.of("driver"),
                Map.of("operator_id", operatorId.toString(), "driver_id", driverId.toString()));
    }

    /** The Keycloak account (user id, the tokens' subject) a test links a driver to: one per driver. */
    public static String accountOf(UUID driverId) {
        return UUID.nameUUIDFromBytes(("driver-account:" + driverId).getBytes()).toString();
    }

    /** A token with the given roles and claims. */
    public static String sign(String username, List<String> roles, Map<String, Object> claims) {
        return sign(username, UUID.nameUUIDFromBytes(username.getBytes()).toString(), roles, claims);
    }

    /** A token of this account (subject) with the given roles and claims. */
    public static String sign(String username, String subject, List<String> roles, Map<String, Object> claims) {
        JwtClaimsBuilder builder = Jwt.issuer(ISSUER)
                .subject(subject)
                .audience("evsettle-api")
                .claim("preferred_username", username)
                .claim("realm_access", Map.of("roles", roles))
                .expiresIn(3600);
        claims.forEach(builder::claim);
        return builder.jws().keyId("test").sign(privateKey());
    }

    /** The public half, base64 X.509, for a service started in its own process (mp.jwt.verify.publickey). */
    public static synchronized String publicKey() {
        ensureKeys();
        return System.getProperty(PUBLIC_KEY_PROPERTY);
    }

    private static PrivateKey privateKey() {
        ensureKeys();
        try {
            byte[] encoded = Base64.getDecoder().decode(System.getProperty(PRIVATE_KEY_PROPERTY));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(encoded));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized void ensureKeys() {
        if (System.getProperty(PRIVATE_KEY_PROPERTY) != null) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            System.setProperty(PRIVATE_KEY_PROPERTY, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            System.setProperty(PUBLIC_KEY_PROPERTY, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
