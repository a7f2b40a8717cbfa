package org.evsettle.gateway.ocpp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads the password from an HTTP Basic {@code Authorization} header whose user is the charger's
 * own chargePointId (OCPP security profiles 1 and 2). The user is matched as a prefix, so a
 * chargePointId that itself contains ':' still works.
 */
public final class BasicCredentials {

    private static final String SCHEME = "basic ";

    private BasicCredentials() {
    }

    /** The password, when the header is Basic and names exactly this charger; empty otherwise. */
    public static Optional<String> passwordOf(String authorization, String chargePointId) {
        if (authorization == null || chargePointId == null
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(SCHEME.length()).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String user = chargePointId + ":";
        return decoded.startsWith(user) ? Optional.of(decoded.substring(user.length())) : Optional.empty();
    }
}
