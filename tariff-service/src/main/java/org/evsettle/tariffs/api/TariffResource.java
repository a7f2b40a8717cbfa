package org.evsettle.tariffs.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.api.Page;
import org.evsettle.kit.api.PageRequest;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;
import org.evsettle.tariffs.Operator;
import org.evsettle.tariffs.Tariff;
import org.evsettle.tariffs.TariffBook;

/**
 * Tariffs: created and versioned by the admins of their operator (or platform admins), readable by
 * that operator's drivers too, so that nobody charges at a price they could not see. The rules are
 * {@link TariffBook}'s; this resource parses, scopes and maps.
 */
@Path("/api")
@Tag(name = "Tariffs", description = "An operator's tariffs and their versions")
public class TariffResource {

    private static final String OPERATOR = "The operator's id, as in the registry";
    private static final String OPERATOR_EXAMPLE = "8a0c3f6e-1d2b-4c5a-9e8f-7a6b5c4d3e2f";
    private static final String TARIFF = "The tariff's id";
    private static final String TARIFF_EXAMPLE = "2d4e6f80-1a3b-4c5d-8e9f-0a1b2c3d4e5f";

    private final Caller caller;
    private final TariffBook book;

    public TariffResource(Caller caller, TariffBook book) {
        this.caller = caller;
        this.book = book;
    }

    @POST
    @Path("/operators/{operatorId}/tariffs")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Operation(summary = "Create a tariff",
            description = "Admins of the operator create a tariff for some or all of its user types, at all its"
                    + " chargers, at one of its sites or at one of its chargers, with its first version (in force"
                    + " from effectiveFrom, now when left out; times of day in the operator's time zone, prices in"
                    + " its currency). Sessions of the operator that waited for a tariff are tried again once it is"
                    + " stored. Refused with 400 naming the field: a user type the operator does not have, a site or"
                    + " charger of another operator, both a site and a charger, broken components.")
    @APIResponse(responseCode = "201", description = "The tariff, with its first version")
    @APIResponse(responseCode = "404", description = "The operator is not the caller's to administer")
    public Response create(@Parameter(description = OPERATOR, example = OPERATOR_EXAMPLE)
                           @PathParam("operatorId") UUID operatorId, @NotNull @Valid TariffForm form) {
        caller.requireAdministers(operatorId, "Operator", operatorId);
        Tariff tariff = book.create(operatorId, form.terms(Operator.userTypesOf(operatorId)));
        return Response.created(URI.create("/api/tariffs/" + tariff.id)).entity(TariffView.of(tariff)).build();
    }

    @PUT
    @Path("/tariffs/{tariffId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Operation(summary = "Add the next version of a tariff",
            description = "Admins of the tariff's operator give it a new version, in force from effectiveFrom (not"
                    + " before the latest version's). The name may change; its site, charger and user types may not"
                    + " (400: create another tariff instead). Sessions already priced keep their price; sessions"
                    + " that waited for a tariff are tried again.")
    @APIResponse(responseCode = "404", description = "No such tariff, or not the caller's to administer")
    public TariffView update(@Parameter(description = TARIFF, example = TARIFF_EXAMPLE)
                             @PathParam("tariffId") UUID tariffId, @NotNull @Valid TariffForm form) {
        return TariffView.of(book.revise(tariffId, caller::administers,
                operatorId -> form.revisedTerms(Operator.userTypesOf(operatorId))));
    }

    @GET
    @Path("/operators/{operatorId}/tariffs")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN, Roles.DRIVER})
    @Operation(summary = "List an operator's tariffs",
            description = "Its admins and its drivers (they should see prices before they charge) read the"
                    + " operator's tariffs with all their versions, oldest first, paged by keyset: limit 1 to 500"
                    + " (default 100), then cursor=<next> until a page has no next.")
    @APIResponse(responseCode = "404", description = "The operator is not the caller's to see")
    public Page<TariffView> list(@Parameter(description = OPERATOR, example = OPERATOR_EXAMPLE)
                                 @PathParam("operatorId") UUID operatorId, @BeanParam PageRequest page) {
        if (!mayRead(operatorId)) {
            throw DomainException.notFound("Operator", operatorId);
        }
        return Tariff.pageOf(operatorId, page).map(TariffView::of);
    }

    @GET
    @Path("/tariffs/{tariffId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN, Roles.DRIVER})
    @Operation(summary = "Read a tariff", description = "With all its versions; for its operator's admins and drivers.")
    @APIResponse(responseCode = "404", description = "No such tariff, or not the caller's to see")
    public TariffView get(@Parameter(description = TARIFF, example = TARIFF_EXAMPLE)
                          @PathParam("tariffId") UUID tariffId) {
        return Tariff.<Tariff>findByIdOptional(tariffId)
                .filter(t -> t.isCharge() && mayRead(t.operatorId))
                .map(TariffView::of)
                .orElseThrow(() -> DomainException.notFound("Tariff", tariffId));
    }

    /** Admins of the operator, and its drivers: they should see prices before they charge. */
    private boolean mayRead(UUID operatorId) {
        return caller.administers(operatorId)
                || (caller.isDriver() && caller.operatorId().filter(operatorId::equals).isPresent());
    }
}
