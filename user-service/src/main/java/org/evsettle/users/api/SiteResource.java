package org.evsettle.users.api;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evsettle.events.registry.Address;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;
import org.evsettle.users.PostalAddress;
import org.evsettle.users.Site;
import org.evsettle.users.messaging.RegistryPublisher;

/** Sites of an operator. */
@Path("/api")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
@Tag(name = "Sites")
public class SiteResource {

    /** A site as a client sends it. */
    public record SiteForm(@NotBlank @Size(max = 200) String name, @NotNull @Valid AddressForm address) {
    }

    /** A site as the API shows it. */
    public record SiteView(UUID id, long revision, UUID operatorId, String name, Address address) {
        static SiteView of(Site site) {
            return new SiteView(site.id, site.revision, site.operatorId, site.name, site.address.toAddress());
        }
    }

    private final OperatorScope operators;
    private final Caller caller;
    private final RegistryPublisher registry;

    public SiteResource(OperatorScope operators, Caller caller, RegistryPublisher registry) {
        this.operators = operators;
        this.caller = caller;
        this.registry = registry;
    }

    @POST
    @Path("/operators/{operatorId}/sites")
    @Transactional
    @Operation(summary = "Create a site")
    @APIResponse(responseCode = "201", description = "Created")
    public Response create(@PathParam("operatorId") UUID operatorId, @NotNull @Valid SiteForm form) {
        operators.require(operatorId);
        Site site = new Site();
        site.id = UUID.randomUUID();
        site.operatorId = operatorId;
        site.name = form.name().trim();
        site.address = PostalAddress.of(form.address().toAddress());
        site.persist();
        registry.changed(site);
        return Response.created(URI.create("/api/sites/" + site.id)).entity(SiteView.of(site)).build();
    }

    @GET
    @Path("/operators/{operatorId}/sites")
    @Operation(summary = "List an operator's sites")
    public List<SiteView> list(@PathParam("operatorId") UUID operatorId) {
        operators.require(operatorId);
        return Site.<Site>list("operatorId", Sort.by("name"), operatorId).stream().map(SiteView::of).toList();
    }

    @GET
    @Path("/sites/{siteId}")
    @Operation(summary = "Read a site")
    public SiteView get(@PathParam("siteId") UUID siteId) {
        return SiteView.of(find(siteId));
    }

    @PUT
    @Path("/sites/{siteId}")
    @Transactional
    @Operation(summary = "Rename a site or change its address")
    public SiteView update(@PathParam("siteId") UUID siteId, @NotNull @Valid SiteForm form) {
        Site site = find(siteId);
        site.name = form.name().trim();
        site.address = PostalAddress.of(form.address().toAddress());
        registry.changed(site);
        return SiteView.of(site);
    }

    private Site find(UUID siteId) {
        return Site.<Site>findByIdOptional(siteId)
                .filter(s -> caller.administers(s.operatorId))
                .orElseThrow(() -> DomainException.notFound("Site", siteId));
    }
}
