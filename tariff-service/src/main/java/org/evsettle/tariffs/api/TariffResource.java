package org.evsettle.tariffs.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
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
import java.util.Objects;
import java.util.UUID;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;
import org.evsettle.tariffs.Charger;
import org.evsettle.tariffs.Operator;
import org.evsettle.tariffs.Site;
import org.evsettle.tariffs.Tariff;
import org.evsettle.tariffs.TariffChange;
import org.evsettle.tariffs.TariffComponent;
import org.evsettle.tariffs.WaitingSessions.TariffsChanged;

/**
 * Tariffs: created and versioned by the admins of their operator (or platform admins), readable by
 * that operator's drivers too, so that nobody charges at a price they could not see. Every change
 * also has the operator's sessions that waited for a tariff tried again.
 */
@Path("/api")
public class TariffResource {

    private final Caller caller;
    private final Event<TariffsChanged> changes;

    public TariffResource(Caller caller, Event<TariffsChanged> changes) {
        this.caller = caller;
        this.changes = changes;
    }

    @POST
    @Path("/operators/{operatorId}/tariffs")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    public Response create(@PathParam("operatorId") UUID operatorId, @NotNull @Valid TariffForm form) {
        caller.requireAdministers(operatorId, "Operator", operatorId);
        List<String> userTypes = form.userTypesChecked(Operator.userTypesOf(operatorId));
        checkPlace(form, operatorId);
        List<TariffComponent> components = form.componentsChecked();
        Tariff tariff = Tariff.create(operatorId, form.siteId(), form.chargerId(), form.name().trim(), userTypes,
                Operator.currencyOf(operatorId));
        tariff.addVersion(form.effectiveFromOrNow(), form.vatRateOrDefault(), Operator.zoneOf(operatorId), components);
        tariff.persist();
        changed(operatorId);
        return Response.created(URI.create("/api/tariffs/" + tariff.id)).entity(TariffView.of(tariff)).build();
    }

    /**
     * The next version of a tariff. The name is a label and may change; where it applies and its user
     * types (kept when left out) decide which sessions the tariff prices, so changing them takes a new
     * tariff.
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
        if (form.userTypes() != null && !new HashSet<>(form.userTypesChecked(Operator.userTypesOf(tariff.operatorId)))
                .equals(new HashSet<>(tariff.userTypes))) {
            throw DomainException.invalid("userTypes", "cannot change on a new version (they are "
                    + tariff.userTypes + "); create another tariff for other user types");
        }
        if (form.siteId() != null && !Objects.equals(form.siteId(), tariff.siteId)) {
            throw DomainException.invalid("siteId", "cannot change on a new version; create another tariff for "
                    + "another site");
        }
        if (form.chargerId() != null && !Objects.equals(form.chargerId(), tariff.chargerId)) {
            throw DomainException.invalid("chargerId", "cannot change on a new version; create another tariff for "
                    + "another charger");
        }
        List<TariffComponent> components = form.componentsChecked();
        tariff.name = form.name().trim();
        tariff.addVersion(form.effectiveFromOrNow(), form.vatRateOrDefault(), Operator.zoneOf(tariff.operatorId),
                components);
        changed(tariff.operatorId);
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

    /** A site or a charger the tariff is for must be the operator's own (as the registry has told this service). */
    private static void checkPlace(TariffForm form, UUID operatorId) {
        if (form.siteId() != null && form.chargerId() != null) {
            throw DomainException.invalid("chargerId", "a tariff applies to a site or to a charger: give siteId or "
                    + "chargerId, not both");
        }
        if (form.siteId() != null && !Site.ofOperator(form.siteId(), operatorId)) {
            throw DomainException.invalid("siteId", "is not a site of this operator");
        }
        if (form.chargerId() != null && !Charger.ofOperator(form.chargerId(), operatorId)) {
            throw DomainException.invalid("chargerId", "is not a charger of this operator");
        }
    }

    /** Notes the change in this transaction and wakes the pricing of waiting sessions once it commits. */
    private void changed(UUID operatorId) {
        TariffChange.record(operatorId);
        changes.fire(new TariffsChanged(operatorId));
    }

    /** Admins of the operator, and its drivers: they should see prices before they charge. */
    private boolean mayRead(UUID operatorId) {
        return caller.administers(operatorId)
                || (caller.isDriver() && caller.operatorId().filter(operatorId::equals).isPresent());
    }
}
