package org.evsettle.apigateway.security;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who is signed in, for the portal: name, roles, the operator and driver they act for, language. */
@Path("/auth/me")
@Authenticated
@Tag(name = "Session")
public class SignedInResource {

    private final SecurityIdentity identity;

    SignedInResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The signed-in user", description = "Name, realm roles, operator_id and driver_id "
            + "claims and the Keycloak locale of the user of this browser session or bearer token.")
    public SignedIn me() {
        return SignedIn.of(identity);
    }
}
