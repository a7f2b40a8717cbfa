package org.evsettle.gateway.api;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evsettle.gateway.RegistryProjection;
import org.evsettle.gateway.loadbalancing.SiteLoadBalancer;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;

/**
 * How a site's load limit is shared among the sessions charging there now, for the platform admins and the admins
 * of the site's operator.
 */
@Path("/api/sites/{siteId}/load")
@Tag(name = "Charger commands")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
public class SiteLoadResource {

    private final RegistryProjection registry;
    private final SiteLoadBalancer balancer;
    private final Caller caller;

    public SiteLoadResource(RegistryProjection registry, SiteLoadBalancer balancer, Caller caller) {
        this.registry = registry;
        this.balancer = balancer;
        this.caller = caller;
    }

    @GET
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Show how a site's load limit is shared",
            description = "The site's load limit (unit A or W, and value; none when the site has no limit), the sum "
                    + "allocated, and per session charging at the site's chargers the limit last sent to its charger as "
                    + "a TxProfile (SetChargingProfile), with the charger's answer (Accepted, Rejected, NotSupported, or "
                    + "TIMED_OUT, NOT_CONNECTED, CALL_ERROR) and when. A session given 0 waits for a share until another "
                    + "ends. Chargers that balance their installation themselves (Zaptec Cloud) are listed apart and "
                    + "get no profile.")
    @APIResponseSchema(value = SiteLoadBalancer.SiteLoad.class, responseCode = "200",
            responseDescription = "The site's limit and how it is shared now")
    @APIResponse(responseCode = "404", description = "No such site, or a site of another operator")
    public SiteLoadBalancer.SiteLoad get(@Parameter(description = "The site's id in the registry",
                                                 example = "1c4d7e0a-2b3c-4d5e-8f70-8192a3b4c502")
                                         @PathParam("siteId") UUID siteId) {
        return registry.site(siteId).filter(site -> caller.administers(site.operatorId()))
                .map(balancer::load)
                .orElseThrow(() -> DomainException.notFound("Site", siteId));
    }
}
