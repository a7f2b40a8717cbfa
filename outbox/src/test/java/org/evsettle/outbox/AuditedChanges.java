package org.evsettle.outbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Map;
import java.util.UUID;
import org.evsettle.kit.security.Roles;
import org.evsettle.outbox.audit.AuditTrail;

/** An admin change of the test application, so that the audit trail sees a caller as a service's would. */
@Path("/test/audited")
public class AuditedChanges {

    private final AuditTrail trail;

    public AuditedChanges(AuditTrail trail) {
        this.trail = trail;
    }

    /** Renames an account of the operator: an entry whose IBAN is masked. */
    @POST
    @Path("/{operatorId}/{entityId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    public void change(@PathParam("operatorId") UUID operatorId, @PathParam("entityId") UUID entityId) {
        trail.record(operatorId, "Account", entityId, "RENAMED",
                Map.of("name", "Old name", "iban", "NL91ABNA0417164300", "city", "Utrecht"),
                Map.of("name", "New name", "iban", "NL02RABO0123456789", "city", "Utrecht"));
    }
}
