package org.evsettle.users.api;

import static org.evsettle.users.api.ApiText.ADMINS;
import static org.evsettle.users.api.ApiText.DRIVER_EXAMPLE;
import static org.evsettle.users.api.ApiText.DRIVER_ID;
import static org.evsettle.users.api.ApiText.OPERATOR_EXAMPLE;
import static org.evsettle.users.api.ApiText.OPERATOR_ID;
import static org.evsettle.users.api.ApiText.PAGED;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.api.Page;
import org.evsettle.kit.api.PageRequest;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;
import org.evsettle.users.Driver;
import org.evsettle.users.DriverErasure;
import org.evsettle.users.DriverRegistration;
import org.evsettle.users.DriverSearch;
import org.evsettle.users.Operator;

/**
 * Drivers of an operator: the customers on its invoices, and the people who log in to see their own
 * data. A change is one transaction, from the look-up that scopes it to the record in the outbox.
 */
@Path("/api")
@Tag(name = "Drivers", description = "An operator's drivers, their billing details and the account they log in with")
public class DriverResource {

    private static final String ADMINS_OF_DRIVER = " Admins of the driver's operator; another operator's driver"
            + " answers 404.";

    /** The Keycloak account a driver logs in with. */
    public record AccountLink(
            @Schema(description = "The Keycloak user id (the subject of the account's tokens)",
                    example = "f47ac10b-58cc-4372-a567-0e02b2c3d479")
            @NotBlank @Size(max = 255)
            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:@-]*", message = "must be a Keycloak user id")
            String accountId) {
    }

    private final Caller caller;
    private final CallingDriver callingDriver;
    private final DriverRegistration drivers;
    private final DriverErasure erasure;

    public DriverResource(Caller caller, CallingDriver callingDriver, DriverRegistration drivers,
                          DriverErasure erasure) {
        this.caller = caller;
        this.callingDriver = callingDriver;
        this.drivers = drivers;
        this.erasure = erasure;
    }

    @POST
    @Path("/operators/{operatorId}/drivers")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    @Operation(summary = "Register a driver",
            description = "The e-mail is unique per operator, in any case; the userType one of the operator's."
                    + " Published on registry.drivers." + ADMINS)
    @APIResponse(responseCode = "201", description = "Created; Location names the new driver")
    @APIResponse(responseCode = "404", description = "No such operator, or not the caller's")
    @APIResponse(responseCode = "409", description = "A driver with this e-mail already exists for this operator")
    @APIResponse(responseCode = "422", description = "employerId is not a business customer of the operator billed"
            + " itself, or the driver's userType is not one of the operator's employerBilledUserTypes")
    public Response create(@Parameter(description = OPERATOR_ID, example = OPERATOR_EXAMPLE)
                           @PathParam("operatorId") UUID operatorId, @NotNull @Valid DriverForm form) {
        Operator operator = caller.administeredOperator(operatorId, Operator::byId);
        form.checkAgainst(operator);
        Driver driver = drivers.register(operator, form.normalizedEmail(), form::applyTo);
        return Response.created(URI.create("/api/drivers/" + driver.id)).entity(DriverView.of(driver)).build();
    }

    @GET
    @Path("/operators/{operatorId}/drivers")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    @Operation(summary = "List an operator's drivers",
            description = "By name, e-mail, then id; optionally of one status or user type, and searched: q finds the"
                    + " drivers whose name or e-mail contains the text, in any case, in the same order and pages."
                    + PAGED + ADMINS)
    @APIResponse(responseCode = "400", description = "q shorter than " + DriverSearch.SHORTEST + " or longer than "
            + DriverSearch.LONGEST + " characters once trimmed, a status other than ACTIVE, INACTIVE or ERASED, or a bad"
            + " limit or cursor")
    @APIResponse(responseCode = "404", description = "No such operator, or not the caller's")
    public Page<DriverView> list(@Parameter(description = OPERATOR_ID, example = OPERATOR_EXAMPLE)
                                 @PathParam("operatorId") UUID operatorId,
                                 @Parameter(description = "Only drivers in this status (ACTIVE, INACTIVE or ERASED), in any case",
                                         example = "ACTIVE")
                                 @QueryParam("status") Driver.Status status,
                                 @Parameter(description = "Only drivers of this user type, in any case", example = "RESIDENT")
                                 @QueryParam("userType") String userType,
                                 @Parameter(description = "Only drivers whose name or e-mail contains this text, in any"
                                         + " case (% and _ are plain characters): " + DriverSearch.SHORTEST + " to "
                                         + DriverSearch.LONGEST + " characters once trimmed; blank is no search",
                                         example = "jansen")
                                 @QueryParam("q") String q,
                                 @BeanParam PageRequest page) {
        Operator operator = caller.administeredOperator(operatorId, Operator::byId);
        String type = userType == null || userType.isBlank() ? null : userType.trim().toUpperCase(Locale.ROOT);
        return Driver.page(operator.id, status, type, DriverSearch.of(q), page).map(DriverView::of);
    }

    @GET
    @Path("/drivers/{driverId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN, Roles.DRIVER})
    @Operation(summary = "Read a driver",
            description = "Admins of the driver's operator, or the driver; anyone else's driver answers 404.")
    @APIResponse(responseCode = "404", description = "No such driver, or not the caller's to see")
    public DriverView get(@Parameter(description = DRIVER_ID, example = DRIVER_EXAMPLE)
                          @PathParam("driverId") UUID driverId) {
        return Driver.byId(driverId).filter(d -> callingDriver.maySee(d.operatorId, d.id)).map(DriverView::of)
                .orElseThrow(() -> DomainException.notFound("Driver", driverId));
    }

    @PUT
    @Path("/drivers/{driverId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    @Operation(summary = "Replace a driver's details",
            description = "Sends them all. Setting status INACTIVE blocks the driver's ACTIVE cards; ACTIVE again"
                    + " lifts that block. Setting or clearing employerId leaves an audit entry like every change. Published on registry.drivers (and registry.cards for the cards it"
                    + " blocks or lifts)." + ADMINS_OF_DRIVER)
    @APIResponse(responseCode = "404", description = "No such driver, or not the caller's")
    @APIResponse(responseCode = "409", description = "Another driver of the operator has this e-mail; the driver is an"
            + " employer and would stop being a business customer; or the driver would become INACTIVE while owning a"
            + " HOME site with chargers in service")
    @APIResponse(responseCode = "422", description = "employerId is not a business customer of the operator billed"
            + " itself, the driver employs others, or the driver's userType is not one of the operator's"
            + " employerBilledUserTypes")
    public DriverView update(@Parameter(description = DRIVER_ID, example = DRIVER_EXAMPLE)
                             @PathParam("driverId") UUID driverId, @NotNull @Valid DriverForm form) {
        Driver driver = administered(driverId);
        form.checkAgainst(Operator.byId(driver.operatorId).orElseThrow());
        return DriverView.of(drivers.replace(driver, form.normalizedEmail(), form::applyTo));
    }

    @PUT
    @Path("/drivers/{driverId}/account")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    @Operation(summary = "Link the driver to a Keycloak account",
            description = "From then on only tokens of that account are this driver (in every service, once it"
                    + " has the registry's record). An account links to one driver. Published on registry.drivers."
                    + ADMINS_OF_DRIVER)
    @APIResponse(responseCode = "404", description = "No such driver, or not the caller's")
    @APIResponse(responseCode = "409", description = "The account is linked to another driver")
    public DriverView linkAccount(@Parameter(description = DRIVER_ID, example = DRIVER_EXAMPLE)
                                  @PathParam("driverId") UUID driverId, @NotNull @Valid AccountLink link) {
        return DriverView.of(drivers.linkAccount(administered(driverId), link.accountId()));
    }

    @DELETE
    @Path("/drivers/{driverId}/account")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    @Operation(summary = "Unlink the driver from their Keycloak account",
            description = "From then on no token is this driver, in any service, whatever its driver_id claim"
                    + " says, until the driver is linked again. Published on registry.drivers." + ADMINS_OF_DRIVER)
    @APIResponse(responseCode = "404", description = "No such driver, or not the caller's")
    public DriverView unlinkAccount(@Parameter(description = DRIVER_ID, example = DRIVER_EXAMPLE)
                                    @PathParam("driverId") UUID driverId) {
        return DriverView.of(drivers.unlinkAccount(administered(driverId)));
    }

    @POST
    @Path("/drivers/{driverId}/erasure")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    @Operation(summary = "Erase a driver's personal data",
            description = "For good: the name becomes a pseudonym; e-mail, address, company details, mandate,"
                    + " payout IBAN, language and account link go (the employer billed stays); status becomes ERASED and every card is blocked, its label"
                    + " cleared. Published on registry.drivers and registry.cards, so that every service erases"
                    + " its copies; issued invoices keep what the law requires until their retention ends"
                    + " (docs/privacy.md). Erasing an erased driver changes nothing." + ADMINS_OF_DRIVER)
    @APIResponse(responseCode = "200", description = "The erased driver")
    @APIResponse(responseCode = "404", description = "No such driver, or not the caller's")
    @APIResponse(responseCode = "409", description = "The driver has an overdue invoice that is not paid, owns a"
            + " HOME site (named), or is the employer of drivers (how many)")
    public DriverView erase(@Parameter(description = DRIVER_ID, example = DRIVER_EXAMPLE)
                            @PathParam("driverId") UUID driverId) {
        return DriverView.of(erasure.erase(administered(driverId)));
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.DRIVER)
    @Operation(summary = "The calling driver's own profile",
            description = "The driver the token names by its driver_id claim, while that driver is linked to the"
                    + " token's account; for a token without the claim, the driver linked to its account.")
    @APIResponse(responseCode = "404", description = "The token stands for no driver")
    public DriverView me() {
        return DriverView.of(callingDriver.require());
    }

    private Driver administered(UUID driverId) {
        return Driver.byId(driverId).filter(d -> caller.administers(d.operatorId))
                .orElseThrow(() -> DomainException.notFound("Driver", driverId));
    }
}
