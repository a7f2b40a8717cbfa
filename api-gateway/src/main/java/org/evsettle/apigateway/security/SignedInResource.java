package org.evsettle.apigateway.security;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonString;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evsettle.kit.security.Roles;

/** Who is signed in, for the portal: name, roles, the operator and driver they act for, language. */
@Path("/auth/me")
@Authenticated
@Tag(name = "Session")
public class SignedInResource {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    SignedInResource(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** The signed-in user as the portal needs them; the services decide what they may see. */
    public record SignedIn(String username, String name, String email, List<String> roles, UUID operatorId,
                           UUID driverId, String locale) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The signed-in user", description = "Name, realm roles, operator_id and driver_id "
            + "claims and the Keycloak locale of the user of this browser session or bearer token.")
    public SignedIn me() {
        List<String> roles = Roles.ALL.stream().filter(identity::hasRole).toList();
        return new SignedIn(text("preferred_username"), text("name"), text("email"), roles,
                text("operator_id") == null ? null : UUID.fromString(text("operator_id")),
                text("driver_id") == null ? null : UUID.fromString(text("driver_id")), text("locale"));
    }

    private String text(String claim) {
        Object value = token.getClaim(claim);
        return value instanceof JsonString string ? string.getString() : value == null ? null : value.toString();
    }
}
