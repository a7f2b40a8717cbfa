package org.evsettle.gateway.api;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evsettle.gateway.ChargerCertificates;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;

/**
 * Security profile 3 per charger: issue a client certificate from the platform's charger CA, list a
 * charger's certificates, revoke one. Platform admins for every charger, operator admins for their own.
 */
@Path("/api/chargers/{chargePointId}")
@Tag(name = "Charger certificates")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
public class CertificateResource {

    private final AdministeredChargers chargers;
    private final ChargerCertificates certificates;
    private final Caller caller;
    private final Clock clock;

    public CertificateResource(AdministeredChargers chargers, ChargerCertificates certificates, Caller caller,
                               Clock clock) {
        this.chargers = chargers;
        this.certificates = certificates;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Path("/certificate")
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue a client certificate to a charger (security profile 3)",
            description = "Asks the charger for a CSR (ExtendedTriggerMessage SignChargePointCertificate) and answers with "
                    + "how the charger took the trigger. Its SignCertificate is then checked (the subject's CN or "
                    + "serialNumber names the charger, an RSA key of 2048 bits or more or an EC key of 256 or more, a "
                    + "valid signature), signed by the charger CA and sent back with CertificateSigned. From the "
                    + "charger's first connect with the certificate it must present it: HTTP Basic alone no longer "
                    + "admits it. Asking again renews: the new certificate replaces the old one at its first use.")
    @APIResponseSchema(value = CommandView.class, responseCode = "200",
            responseDescription = "How the trigger ended (outcome ANSWERED and response.status Accepted: the CSR follows)")
    @APIResponse(responseCode = "404", description = "No such charger, or a charger of another operator")
    @APIResponse(responseCode = "409", description = "The gateway has no charger CA (security profile 3 is off)")
    public Uni<CommandView> issue(@Parameter(description = "The charger's OCPP identity, as it connects",
            example = "ZAP-000123") @PathParam("chargePointId") String chargePointId) {
        UUID operatorId = chargers.require(chargePointId, caller).operatorId();
        return certificates.request(chargePointId, operatorId, caller.name()).map(CommandView::of);
    }

    @GET
    @Path("/certificates")
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List a charger's client certificates",
            description = "Every certificate the charger CA issued to the charger, newest first, with its validity, its "
                    + "first use and whether it is revoked; inForce says whether the charger must present it.")
    @APIResponse(responseCode = "200", description = "The charger's certificates")
    @APIResponse(responseCode = "404", description = "No such charger, or a charger of another operator")
    public List<CertificateView> list(@Parameter(description = "The charger's OCPP identity, as it connects",
            example = "ZAP-000123") @PathParam("chargePointId") String chargePointId) {
        chargers.require(chargePointId, caller);
        return certificates.of(chargePointId).stream().map(issued -> CertificateView.of(issued, clock.instant())).toList();
    }

    @DELETE
    @Path("/certificates/{serial}")
    @Blocking
    @Operation(summary = "Revoke a charger's client certificate",
            description = "The certificate admits nobody any more; a connection it admitted is closed (1008) within "
                    + "seconds on whichever gateway replica holds it. Without another certificate in force the charger "
                    + "may connect with HTTP Basic again. Revoking a revoked certificate changes nothing.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such charger or certificate, or a charger of another operator")
    public void revoke(@Parameter(description = "The charger's OCPP identity, as it connects", example = "ZAP-000123")
                       @PathParam("chargePointId") String chargePointId,
                       @Parameter(description = "The certificate's serial number, hex", example = "6f1c0a9e2d4b7c3a")
                       @PathParam("serial") String serial) {
        chargers.require(chargePointId, caller);
        if (!certificates.revoke(chargePointId, serial, caller.name())) {
            throw DomainException.notFound("Certificate", serial);
        }
    }
}
