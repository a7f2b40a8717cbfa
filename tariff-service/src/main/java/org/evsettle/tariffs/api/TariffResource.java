package org.evsettle.tariffs.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;
import org.evsettle.tariffs.Tariff;

/**
 * Tariffs: created and versioned by the admins of their operator (or platform admins), readable by
 * that operator's drivers too, so that nobody charges at a price they could not see.
 */
@Path("/api")
public class TariffResource {

    private final Caller caller;

    public TariffResource(Caller caller) {
        this.caller = caller;
    }

    @POST
    @Path("/operators/{operatorId}/tariffs")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    public Response create(@PathParam("operatorId") UUID operatorId, @NotNull @Valid TariffForm form) {
        caller.requireAdministers(operatorId, "Operator", operatorId);
        Tariff tariff = Tariff.create(operatorId, form.name().trim(), form.userTypesChecked(), Tariff.EUR);
        tariff.addVersion(form.effectiveFromOrNow(), form.vatRateOrDefault(), form.componentsChecked());
        tariff.persist();
        return Response.created(URI.create("/api/tariffs/" + tariff.id)).entity(TariffView.of(tariff)).build();
    }

    /**
     * The next version of a tariff. The name is a label and may change; the user types (kept when left
     * out) decide which sessions the tariff prices, so changing them takes a new tariff.
     */
    @PUT
    @Path("/tariffs/{tariffId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    public TariffView update(@PathParam("tariffId") UUID tariffId, @NotNull @Valid TariffForm form) {
        // the lock makes concurrent updates of one tariff take version numbers one after the other
        Tariff tariff = Tariff.<Tariff>findByIdOptional(tariffId, LockModeType.PESSIMISTIC_WRITE)
                .filter(t -> caller.administers(t.operatorId))
                .orElseThrow(() -> DomainException.notFound("Tariff", tariffId));
        List<String> userTypes = form.userTypesChecked();
        if (form.userTypes() != null && !new HashSet<>(userTypes).equals(new HashSet<>(tariff.userTypes))) {
            throw DomainException.invalid("userTypes", "cannot change on a new version (they are "
                    + tariff.userTypes + "); create another tariff for other user types");
        }
        tariff.name = form.name().trim();
        tariff.addVersion(form.effectiveFromOrNow(), form.vatRateOrDefault(), form.componentsChecked());
        return TariffView.of(tariff);
    }

    @GET
    @Path("/operators/{operatorId}/tariffs")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN, Roles.DRIVER})
    public List<TariffView> list(@PathParam("operatorId") UUID operatorId) {
        if (!mayRead(operatorId)) {
            throw DomainException.notFound("Operator", operatorId);
        }
        return Tariff.ofOperator(operatorId).stream().map(TariffView::of).toList();
    }

    @GET
    @Path("/tariffs/{tariffId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN, Roles.DRIVER})
    public TariffView get(@PathParam("tariffId") UUID tariffId) {
        return Tariff.<Tariff>findByIdOptional(tariffId)
                .filter(t -> mayRead(t.operatorId))
                .map(TariffView::of)
                .orElseThrow(() -> DomainException.notFound("Tariff", tariffId));
    }

    /** Admins of the operator, and its drivers: they should see prices before they charge. */
    private boolean mayRead(UUID operatorId) {
        return caller.administers(operatorId)
                || (caller.isDriver() && caller.operatorId().filter(operatorId::equals).isPresent());
    }
}
