package org.evsettle.apigateway.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonString;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.evsettle.kit.security.Roles;

/**
 * The signed-in user as the portal needs them: name, realm roles, the operator and driver they act for
 * (claims {@code operator_id}, {@code driver_id}) and the Keycloak locale. The services decide what
 * they may see; this only tells the portal which pages to show.
 */
public record SignedIn(String username, String name, String email, List<String> roles, UUID operatorId,
                       UUID driverId, String locale) {

    /** Of a browser session (its ID token) or a bearer token; roles as the identity holds them. */
    public static SignedIn of(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw new IllegalStateException("Not signed in with a token: " + identity.getPrincipal());
        }
        List<String> roles = Roles.ALL.stream().filter(identity::hasRole).toList();
        return new SignedIn(text(token, "preferred_username"), text(token, "name"), text(token, "email"), roles,
                id(token, "operator_id"), id(token, "driver_id"), text(token, "locale"));
    }

    private static UUID id(JsonWebToken token, String claim) {
        String value = text(token, claim);
        return value == null ? null : UUID.fromString(value);
    }

    private static String text(JsonWebToken token, String claim) {
        Object value = token.getClaim(claim);
        return value instanceof JsonString string ? string.getString() : value == null ? null : value.toString();
    }
}
