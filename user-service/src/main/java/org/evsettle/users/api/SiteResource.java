package org.evsettle.users.api;

import static org.evsettle.users.api.ApiText.ADMINS;
import static org.evsettle.users.api.ApiText.OPERATOR_EXAMPLE;
import static org.evsettle.users.api.ApiText.OPERATOR_ID;
import static org.evsettle.users.api.ApiText.PAGED;
import static org.evsettle.users.api.ApiText.SITE_EXAMPLE;
import static org.evsettle.users.api.ApiText.SITE_ID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evsettle.events.registry.Address;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.api.Page;
import org.evsettle.kit.api.PageRequest;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;
import org.evsettle.users.Operator;
import org.evsettle.users.Site;
import org.evsettle.users.SiteRegistration;

/** Sites of an operator; a change is one transaction, from the look-up that scopes it to the outbox. */
@Path("/api")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
@Tag(name = "Sites", description = "The places an operator's chargers stand at")
public class SiteResource {

    /** A site as a client sends it. */
    public record SiteForm(
            @Schema(example = "Parkeergarage Lindelaan") @NotBlank @Size(max = 200) String name,
            @NotNull @Valid AddressForm address) {
    }

    /** A site as the API shows it. */
    public record SiteView(UUID id, long revision, UUID operatorId, String name, Address address) {
        static SiteView of(Site site) {
            return new SiteView(site.id, site.revision, site.operatorId, site.name, site.address.toAddress());
        }
    }

    private final Caller caller;
    private final SiteRegistration sites;

    public SiteResource(Caller caller, SiteRegistration sites) {
        this.caller = caller;
        this.sites = sites;
    }

    @POST
    @Path("/operators/{operatorId}/sites")
    @Transactional
    @Operation(summary = "Create a site", description = "Published on registry.sites." + ADMINS)
    @APIResponse(responseCode = "201", description = "Created; Location names the new site")
    @APIResponse(responseCode = "404", description = "No such operator, or not the caller's")
    public Response create(@Parameter(description = OPERATOR_ID, example = OPERATOR_EXAMPLE)
                           @PathParam("operatorId") UUID operatorId, @NotNull @Valid SiteForm form) {
        Site site = sites.create(caller.administeredOperator(operatorId, Operator::byId), form.name(),
                form.address().toAddress());
        return Response.created(URI.create("/api/sites/" + site.id)).entity(SiteView.of(site)).build();
    }

    @GET
    @Path("/operators/{operatorId}/sites")
    @Operation(summary = "List an operator's sites", description = "By name, then id." + PAGED + ADMINS)
    @APIResponse(responseCode = "404", description = "No such operator, or not the caller's")
    public Page<SiteView> list(@Parameter(description = OPERATOR_ID, example = OPERATOR_EXAMPLE)
                               @PathParam("operatorId") UUID operatorId, @BeanParam PageRequest page) {
        Operator operator = caller.administeredOperator(operatorId, Operator::byId);
        return Site.page(operator.id, page).map(SiteView::of);
    }

    @GET
    @Path("/sites/{siteId}")
    @Operation(summary = "Read a site", description = "Admins of the site's operator; another operator's site"
            + " answers 404.")
    @APIResponse(responseCode = "404", description = "No such site, or not the caller's")
    public SiteView get(@Parameter(description = SITE_ID, example = SITE_EXAMPLE) @PathParam("siteId") UUID siteId) {
        return SiteView.of(administered(siteId));
    }

    @PUT
    @Path("/sites/{siteId}")
    @Transactional
    @Operation(summary = "Rename a site or change its address",
            description = "Sends both; published on registry.sites. Admins of the site's operator; another"
                    + " operator's site answers 404.")
    @APIResponse(responseCode = "404", description = "No such site, or not the caller's")
    public SiteView update(@Parameter(description = SITE_ID, example = SITE_EXAMPLE) @PathParam("siteId") UUID siteId,
                           @NotNull @Valid SiteForm form) {
        return SiteView.of(sites.change(administered(siteId), form.name(), form.address().toAddress()));
    }

    private Site administered(UUID siteId) {
        return Site.<Site>findByIdOptional(siteId)
                .filter(s -> caller.administers(s.operatorId))
                .orElseThrow(() -> DomainException.notFound("Site", siteId));
    }
}
