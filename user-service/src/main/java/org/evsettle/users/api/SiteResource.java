package org.evsettle.users.api;

import org.evsettle.events.registry.LoadLimit;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.DecimalMax;
import java.math.BigDecimal;
import static org.evsettle.users.api.ApiText.ADMINS;
import static org.evsettle.users.api.ApiText.DRIVER_EXAMPLE;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evsettle.events.registry.Address;
import org.evsettle.events.registry.SiteKind;
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

    /** A site as a client sends it (a PUT sends it all); kind left out is SHARED. */
    public record SiteForm(
            @Schema(example = "Parkeergarage Lindelaan") @NotBlank @Size(max = 200) String name,
            @NotNull @Valid AddressForm address,
            @Schema(description = "SHARED (a garage, a street, an office) or HOME (one driver's home charger,"
                    + " whose sessions there are reimbursed); left out SHARED", example = "SHARED")
            SiteKind kind,
            @Schema(description = "The driver whose home charger this is: required for a HOME site, an ACTIVE driver"
                    + " of the operator; left out for a SHARED site", example = DRIVER_EXAMPLE)
            UUID ownerDriverId,
            @Schema(description = "The most the site's feeder may carry for charging, shared among the sessions"
                    + " charging there by the ocpp-gateway; left out, no limit") @Valid LoadLimitForm loadLimit) {

        SiteRegistration.SiteDetails details() {
            return new SiteRegistration.SiteDetails(name, address.toAddress(), kind, ownerDriverId,
                    loadLimit == null ? null : loadLimit.toLimit());
        }
    }

    /** A site's load limit: a current per phase in A (6 to 10,000) or a power in W (1,380 to 10,000,000). */
    public record LoadLimitForm(
            @Schema(description = "A (amperes per phase) or W (watts)", example = "A") @NotNull
            @Pattern(regexp = "A|W", message = "must be A or W") String unit,
            @Schema(example = "32") @NotNull @DecimalMin("6") @DecimalMax("10000000") @Digits(integer = 8, fraction = 1)
            BigDecimal value) {

        LoadLimit toLimit() {
            if (unit.equals(LoadLimit.AMPERES) && value.compareTo(new BigDecimal("10000")) > 0) {
                throw DomainException.invalid("loadLimit.value", "must be at most 10000 A");
            }
            if (unit.equals(LoadLimit.WATTS) && value.compareTo(new BigDecimal("1380")) < 0) {
                throw DomainException.invalid("loadLimit.value", "must be at least 1380 W (6 A at 230 V)");
            }
            return new LoadLimit(unit, value);
        }
    }

    /** A site as the API shows it; ownerDriverId is set for a HOME site only, loadLimit when it has one. */
    public record SiteView(UUID id, long revision, UUID operatorId, String name, Address address, SiteKind kind,
                           UUID ownerDriverId, LoadLimit loadLimit) {
        static SiteView of(Site site) {
            return new SiteView(site.id, site.revision, site.operatorId, site.name, site.address.toAddress(),
                    site.siteKind(), site.ownerDriverId, site.loadLimit());
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
    @Operation(summary = "Create a site", description = "A HOME site names its owner, an ACTIVE driver of the"
            + " operator. Published on registry.sites." + ADMINS)
    @APIResponse(responseCode = "201", description = "Created; Location names the new site")
    @APIResponse(responseCode = "400", description = "A field breaks its rule: a HOME site without ownerDriverId,"
            + " or a SHARED one with it")
    @APIResponse(responseCode = "404", description = "No such operator, or not the caller's")
    @APIResponse(responseCode = "422", description = "ownerDriverId is not an ACTIVE driver of the operator")
    public Response create(@Parameter(description = OPERATOR_ID, example = OPERATOR_EXAMPLE)
                           @PathParam("operatorId") UUID operatorId, @NotNull @Valid SiteForm form) {
        Site site = sites.create(caller.administeredOperator(operatorId, Operator::byId), form.details());
        return Response.created(URI.create("/api/sites/" + site.id)).entity(SiteView.of(site)).build();
    }

    @GET
    @Path("/operators/{operatorId}/sites")
    @Operation(summary = "List an operator's sites", description = "By name, then id; optionally of one kind or"
            + " one owner." + PAGED + ADMINS)
    @APIResponse(responseCode = "400", description = "A kind other than SHARED or HOME, or a bad limit or cursor")
    @APIResponse(responseCode = "404", description = "No such operator, or not the caller's")
    public Page<SiteView> list(@Parameter(description = OPERATOR_ID, example = OPERATOR_EXAMPLE)
                               @PathParam("operatorId") UUID operatorId,
                               @Parameter(description = "Only sites of this kind (SHARED or HOME), in any case",
                                       example = "HOME")
                               @QueryParam("kind") SiteKind kind,
                               @Parameter(description = "Only the HOME sites of this driver")
                               @QueryParam("ownerDriverId") UUID ownerDriverId,
                               @BeanParam PageRequest page) {
        Operator operator = caller.administeredOperator(operatorId, Operator::byId);
        return Site.page(operator.id, kind, ownerDriverId, page).map(SiteView::of);
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
    @Operation(summary = "Rename a site, change its address, its kind or its owner",
            description = "Sends it all; published on registry.sites. Admins of the site's operator; another"
                    + " operator's site answers 404.")
    @APIResponse(responseCode = "400", description = "A field breaks its rule: a HOME site without ownerDriverId,"
            + " or a SHARED one with it")
    @APIResponse(responseCode = "404", description = "No such site, or not the caller's")
    @APIResponse(responseCode = "422", description = "ownerDriverId is not an ACTIVE driver of the operator")
    public SiteView update(@Parameter(description = SITE_ID, example = SITE_EXAMPLE) @PathParam("siteId") UUID siteId,
                           @NotNull @Valid SiteForm form) {
        return SiteView.of(sites.change(administered(siteId), form.details()));
    }

    private Site administered(UUID siteId) {
        return Site.<Site>findByIdOptional(siteId)
                .filter(s -> caller.administers(s.operatorId))
                .orElseThrow(() -> DomainException.notFound("Site", siteId));
    }
}
