package org.evsettle.outbox.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evsettle.kit.api.Page;
import org.evsettle.kit.api.PageRequest;
import org.evsettle.kit.security.Roles;
import org.evsettle.outbox.audit.AuditTrail;

/** The audit trail of every operator in this service, for platform admins. */
@Path("/api/audit-entries")
@Tag(name = "Audit trail")
public class PlatformAuditResource {

    private final AuditTrail trail;

    public PlatformAuditResource(AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "List every operator's audit entries",
            description = "As an operator's list, for platform admins, of every operator and of changes that belong"
                    + " to none.")
    @APIResponse(responseCode = "400", description = "An instant that is not ISO-8601, or a bad limit or cursor")
    public Page<AuditResource.AuditEntryView> all(
            @Parameter(description = "Only entries of this entity type", example = "Driver")
            @QueryParam("entityType") String entityType,
            @Parameter(description = "Only entries of this entity") @QueryParam("entityId") String entityId,
            @Parameter(description = "Only entries at or after this instant") @QueryParam("from") String from,
            @Parameter(description = "Only entries before this instant") @QueryParam("to") String to,
            @BeanParam PageRequest page) {
        return AuditResource.page(trail, null, entityType, entityId, from, to, page);
    }
}
