package org.evsettle.users.api;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;
import org.evsettle.users.CardBlocking;
import org.evsettle.users.Driver;
import org.evsettle.users.Operator;
import org.evsettle.users.messaging.RegistryPublisher;

/** Drivers of an operator: the customers on its invoices, and the people who log in to see their own data. */
@Path("/api")
@Tag(name = "Drivers")
public class DriverResource {

    /** The Keycloak account a driver logs in with. */
    public record AccountLink(
            @NotBlank @Size(max = 255)
            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:@-]*", message = "must be a Keycloak user id")
            String accountId) {
    }

    private final OperatorScope operators;
    private final Caller caller;
    private final CallingDriver callingDriver;
    private final RegistryPublisher registry;
    private final CardBlocking cardBlocking;

    public DriverResource(OperatorScope operators, Caller caller, CallingDriver callingDriver,
                          RegistryPublisher registry, CardBlocking cardBlocking) {
        this.operators = operators;
        this.caller = caller;
        this.callingDriver = callingDriver;
        this.registry = registry;
        this.cardBlocking = cardBlocking;
    }

    @POST
    @Path("/operators/{operatorId}/drivers")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    @Operation(summary = "Register a driver", description = "The e-mail is unique per operator (409 otherwise).")
    @APIResponse(responseCode = "201", description = "Created")
    public Response create(@PathParam("operatorId") UUID operatorId, @NotNull @Valid DriverForm form) {
        Operator operator = operators.require(operatorId);
        form.checkAgainst(operator);
        requireFreeEmail(operatorId, form.normalizedEmail(), null);
        Driver driver = new Driver();
        driver.id = UUID.randomUUID();
        driver.operatorId = operatorId;
        form.applyTo(driver);
        driver.persist();
        registry.changed(driver);
        return Response.created(URI.create("/api/drivers/" + driver.id)).entity(DriverView.of(driver)).build();
    }

    @GET
    @Path("/operators/{operatorId}/drivers")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Operation(summary = "List an operator's drivers", description = "By name; optionally only one status or user type.")
    public List<DriverView> list(@PathParam("operatorId") UUID operatorId,
                                 @Parameter(description = "ACTIVE or INACTIVE") @QueryParam("status") Driver.Status status,
                                 @QueryParam("userType") String userType) {
        operators.require(operatorId);
        StringBuilder query = new StringBuilder("operatorId = :operator");
        Parameters parameters = Parameters.with("operator", operatorId);
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status.name());
        }
        if (userType != null) {
            query.append(" and userType = :userType");
            parameters.and("userType", userType.toUpperCase(Locale.ROOT));
        }
        return Driver.<Driver>list(query.toString(), Sort.by("name").and("email"), parameters).stream()
                .map(DriverView::of).toList();
    }

    @GET
    @Path("/drivers/{driverId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN, Roles.DRIVER})
    @Operation(summary = "Read a driver", description = "Admins of the driver's operator, or the driver.")
    public DriverView get(@PathParam("driverId") UUID driverId) {
        return DriverView.of(Driver.byId(driverId).filter(d -> callingDriver.maySee(d.operatorId, d.id))
                .orElseThrow(() -> DomainException.notFound("Driver", driverId)));
    }

    @PUT
    @Path("/drivers/{driverId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    @Operation(summary = "Replace a driver's details",
            description = "Setting status INACTIVE blocks the driver's ACTIVE cards; ACTIVE again lifts that block.")
    public DriverView update(@PathParam("driverId") UUID driverId, @NotNull @Valid DriverForm form) {
        Driver driver = administered(driverId);
        Operator operator = Operator.byId(driver.operatorId).orElseThrow();
        form.checkAgainst(operator);
        requireFreeEmail(driver.operatorId, form.normalizedEmail(), driver.id);
        boolean wasActive = driver.isActive();
        form.applyTo(driver);
        registry.changed(driver);
        if (wasActive != driver.isActive()) {
            cardBlocking.driverStatusChanged(driver);
        }
        return DriverView.of(driver);
    }

    @PUT
    @Path("/drivers/{driverId}/account")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    @Operation(summary = "Link the driver to a Keycloak account",
            description = "From then on only tokens of that account are this driver. An account links to one driver.")
    @APIResponse(responseCode = "409", description = "The account is linked to another driver")
    public DriverView linkAccount(@PathParam("driverId") UUID driverId, @NotNull @Valid AccountLink link) {
        Driver driver = administered(driverId);
        Driver.byAccountId(link.accountId()).filter(other -> !other.id.equals(driver.id)).ifPresent(other -> {
            throw DomainException.conflict("Account " + link.accountId() + " is already linked to another driver");
        });
        if (!link.accountId().equals(driver.accountId)) {
            driver.accountId = link.accountId();
            registry.changed(driver);
        }
        return DriverView.of(driver);
    }

    @DELETE
    @Path("/drivers/{driverId}/account")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    @Operation(summary = "Unlink the driver from their Keycloak account")
    public DriverView unlinkAccount(@PathParam("driverId") UUID driverId) {
        Driver driver = administered(driverId);
        if (driver.accountId != null) {
            driver.accountId = null;
            registry.changed(driver);
        }
        return DriverView.of(driver);
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.DRIVER)
    @Operation(summary = "The calling driver's own profile")
    public DriverView me() {
        return DriverView.of(callingDriver.require());
    }

    private Driver administered(UUID driverId) {
        return Driver.byId(driverId).filter(d -> caller.administers(d.operatorId))
                .orElseThrow(() -> DomainException.notFound("Driver", driverId));
    }

    private static void requireFreeEmail(UUID operatorId, String email, UUID except) {
        Driver.<Driver>find("operatorId = ?1 and email = ?2", operatorId, email).firstResultOptional()
                .filter(other -> !Objects.equals(other.id, except))
                .ifPresent(other -> {
                    throw DomainException.conflict("A driver with e-mail " + email + " already exists for this operator");
                });
    }
}
