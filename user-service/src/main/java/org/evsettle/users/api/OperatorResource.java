package org.evsettle.users.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import io.quarkus.panache.common.Sort;
import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;
import org.evsettle.users.Operator;
import org.evsettle.users.PostalAddress;
import org.evsettle.users.messaging.RegistryPublisher;

/** Operators: created by platform admins, read and updated by their own operator admins too. */
@Path("/api")
public class OperatorResource {

    private final Caller caller;
    private final RegistryPublisher registry;

    public OperatorResource(Caller caller, RegistryPublisher registry) {
        this.caller = caller;
        this.registry = registry;
    }

    @POST
    @Path("/operators")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Transactional
    public Response create(@NotNull @Valid OperatorForm form) {
        Operator operator = new Operator();
        operator.id = UUID.randomUUID();
        apply(form, operator);
        operator.persist();
        registry.changed(operator);
        return Response.created(URI.create("/api/operators/" + operator.id)).entity(OperatorView.of(operator)).build();
    }

    @GET
    @Path("/operators")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    public List<OperatorView> list() {
        Optional<UUID> scope = caller.operatorScope(null);
        List<Operator> operators = scope.map(id -> Operator.<Operator>findByIdOptional(id).stream().toList())
                .orElseGet(() -> Operator.listAll(Sort.by("legalName")));
        return operators.stream().map(OperatorView::of).toList();
    }

    @GET
    @Path("/operators/{operatorId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    public OperatorView get(@PathParam("operatorId") UUID operatorId) {
        return OperatorView.of(find(operatorId));
    }

    @PUT
    @Path("/operators/{operatorId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    public OperatorView update(@PathParam("operatorId") UUID operatorId, @NotNull @Valid OperatorForm form) {
        Operator operator = find(operatorId);
        apply(form, operator);
        registry.changed(operator);
        return OperatorView.of(operator);
    }

    private Operator find(UUID operatorId) {
        caller.requireAdministers(operatorId, "Operator", operatorId);
        return Operator.<Operator>findByIdOptional(operatorId)
                .orElseThrow(() -> DomainException.notFound("Operator", operatorId));
    }

    private static void apply(OperatorForm form, Operator operator) {
        operator.legalName = form.legalName().trim();
        operator.address = PostalAddress.of(form.address().toAddress());
        operator.vatNumber = form.vatNumber();
        operator.chamberOfCommerceNumber = form.chamberOfCommerceNumber();
        operator.iban = form.iban();
        operator.bic = form.bic();
        operator.contactEmail = form.contactEmail();
        operator.timeZone = zone(form.timeZone());
        operator.currency = Optional.ofNullable(form.currency()).orElse("EUR");
        operator.billingInterval = Optional.ofNullable(form.billingInterval())
                .orElse(OperatorForm.BillingInterval.MONTHLY).name();
        operator.graceDays = Optional.ofNullable(form.graceDays()).orElse(5);
        operator.paymentTermDays = Optional.ofNullable(form.paymentTermDays()).orElse(14);
        operator.invoiceNumberPrefix = form.invoiceNumberPrefix();
        operator.acceptsUnknownChargers = Boolean.TRUE.equals(form.acceptsUnknownChargers());
    }

    private static String zone(String requested) {
        if (requested == null) {
            return "Europe/Amsterdam";
        }
        try {
            return ZoneId.of(requested).getId();
        } catch (DateTimeException e) {
            throw DomainException.invalid("timeZone", "must be an IANA time zone such as Europe/Amsterdam");
        }
    }
}
