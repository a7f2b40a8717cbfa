package org.evsettle.users.api;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
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
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.api.Problem;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;
import org.evsettle.users.Operator;
import org.evsettle.users.PostalAddress;
import org.evsettle.users.UserTypes;
import org.evsettle.users.messaging.RegistryPublisher;

/** Operators: created by platform admins, read and updated by their own operator admins too. */
@Path("/api")
@Tag(name = "Operators")
public class OperatorResource {

    /** The answer to a new enrollment key: the key itself, shown this once. */
    public record EnrollmentKeyView(UUID operatorId, String chargerEnrollmentKey, Instant createdAt) {
    }

    private final Caller caller;
    private final RegistryPublisher registry;
    private final EntityManager entityManager;
    private final Clock clock;

    public OperatorResource(Caller caller, RegistryPublisher registry, EntityManager entityManager, Clock clock) {
        this.caller = caller;
        this.registry = registry;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @POST
    @Path("/operators")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Transactional
    @Operation(summary = "Create an operator (tenant)",
            description = "With acceptsUnknownChargers on, the answer carries the charger enrollment key, shown once.")
    @APIResponse(responseCode = "201", description = "Created")
    public Response create(@NotNull @Valid OperatorForm form) {
        Operator operator = new Operator();
        operator.id = UUID.randomUUID();
        String enrollmentKey = apply(form, operator).orElse(null);
        operator.persist();
        registry.changed(operator);
        return Response.created(URI.create("/api/operators/" + operator.id))
                .entity(OperatorView.of(operator, enrollmentKey)).build();
    }

    @GET
    @Path("/operators")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Operation(summary = "List operators", description = "All for a platform admin; an operator admin's own operator.")
    public List<OperatorView> list() {
        Optional<UUID> scope = caller.operatorScope(null);
        List<Operator> operators = scope.map(id -> Operator.byId(id).stream().toList())
                .orElseGet(() -> Operator.listAll(Sort.by("legalName")));
        return operators.stream().map(OperatorView::of).toList();
    }

    @GET
    @Path("/operators/{operatorId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Operation(summary = "Read an operator")
    public OperatorView get(@PathParam("operatorId") UUID operatorId) {
        return OperatorView.of(find(operatorId));
    }

    @PUT
    @Path("/operators/{operatorId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    @Operation(summary = "Replace an operator's details and settings",
            description = "Turning acceptsUnknownChargers on answers a new enrollment key once; turning it off voids "
                    + "the key. A user type still assigned to drivers cannot be removed (409). cardsValidAt and "
                    + "acceptsCardsOf name other existing operators, each once (400 otherwise).")
    public OperatorView update(@PathParam("operatorId") UUID operatorId, @NotNull @Valid OperatorForm form) {
        Operator operator = find(operatorId);
        String enrollmentKey = apply(form, operator).orElse(null);
        registry.changed(operator);
        return OperatorView.of(operator, enrollmentKey);
    }

    @POST
    @Path("/operators/{operatorId}/charger-enrollment-key")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    @Operation(summary = "Rotate the charger enrollment key",
            description = "A new key replaces the old one at once (chargers that enrolled keep their own password); "
                    + "the key is shown in this answer only.")
    @APIResponse(responseCode = "200", description = "The new key")
    @APIResponse(responseCode = "409", description = "The operator does not accept unknown chargers")
    public EnrollmentKeyView rotateEnrollmentKey(@PathParam("operatorId") UUID operatorId) {
        Operator operator = find(operatorId);
        if (!operator.acceptsUnknownChargers) {
            throw DomainException.conflict("Operator " + operatorId
                    + " does not accept unknown chargers; turn acceptsUnknownChargers on first");
        }
        String key = operator.issueEnrollmentKey(clock.instant());
        registry.changed(operator);
        return new EnrollmentKeyView(operator.id, key, operator.chargerEnrollmentKeyCreatedAt);
    }

    private Operator find(UUID operatorId) {
        caller.requireAdministers(operatorId, "Operator", operatorId);
        return Operator.byId(operatorId).orElseThrow(() -> DomainException.notFound("Operator", operatorId));
    }

    /** Applies the form; returns the new enrollment key when accepting unknown chargers was turned on. */
    private Optional<String> apply(OperatorForm form, Operator operator) {
        operator.legalName = form.legalName().trim();
        operator.address = PostalAddress.of(form.address().toAddress());
        operator.vatNumber = form.vatNumber();
        operator.chamberOfCommerceNumber = form.chamberOfCommerceNumber();
        operator.iban = form.iban();
        operator.bic = form.bic();
        operator.contactEmail = form.contactEmail().trim();
        operator.timeZone = Optional.ofNullable(form.timeZone()).orElse("Europe/Amsterdam");
        operator.currency = Optional.ofNullable(form.currency()).orElse("EUR");
        operator.billingInterval = Optional.ofNullable(form.billingInterval())
                .orElse(OperatorForm.BillingInterval.MONTHLY).name();
        operator.graceDays = Optional.ofNullable(form.graceDays()).orElse(5);
        operator.paymentTermDays = Optional.ofNullable(form.paymentTermDays()).orElse(14);
        operator.invoiceNumberPrefix = form.invoiceNumberPrefix();
        operator.issuesStatements = Boolean.TRUE.equals(form.issuesStatements());
        OperatorForm.DunningForm dunning = Optional.ofNullable(form.dunning())
                .orElse(new OperatorForm.DunningForm(false, 14));
        operator.dunningBlockCards = dunning.blockCards();
        operator.dunningBlockAfterDaysOverdue = dunning.blockAfterDaysOverdue();
        applyUserTypes(Optional.ofNullable(form.userTypes()).orElse(List.of()), operator);
        applyRoaming(form, operator);
        boolean accepts = Boolean.TRUE.equals(form.acceptsUnknownChargers());
        if (accepts && !operator.acceptsUnknownChargers) {
            return Optional.of(operator.issueEnrollmentKey(clock.instant()));
        }
        if (!accepts) {
            operator.refuseUnknownChargers();
        }
        return Optional.empty();
    }

    private void applyUserTypes(List<String> requested, Operator operator) {
        TreeSet<String> own = UserTypes.ownAmong(requested);
        Set<String> removed = new TreeSet<>(operator.ownUserTypes);
        removed.removeAll(own);
        List<String> inUse = removed.isEmpty() ? List.of() : entityManager.createQuery("""
                        select d.userType from Driver d where d.operatorId = :operator and d.userType in :types
                        group by d.userType order by d.userType""", String.class)
                .setParameter("operator", operator.id).setParameter("types", removed).getResultList();
        if (!inUse.isEmpty()) {
            throw DomainException.conflict("User type " + String.join(", ", inUse)
                    + " is still assigned to drivers of this operator; give them another type first");
        }
        operator.ownUserTypes.retainAll(own);
        operator.ownUserTypes.addAll(own);
    }

    /**
     * The roaming choices: both lists must name existing operators other than this one, each once.
     * Every broken entry is named (cardsValidAt[1]) in one 400.
     */
    private void applyRoaming(OperatorForm form, Operator operator) {
        List<Problem.Violation> violations = new ArrayList<>();
        Set<UUID> validAt = partners("cardsValidAt", form.cardsValidAt(), operator.id, violations);
        Set<UUID> accepts = partners("acceptsCardsOf", form.acceptsCardsOf(), operator.id, violations);
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        operator.cardsValidAt.retainAll(validAt);
        operator.cardsValidAt.addAll(validAt);
        operator.acceptsCardsOf.retainAll(accepts);
        operator.acceptsCardsOf.addAll(accepts);
    }

    private Set<UUID> partners(String field, List<UUID> requested, UUID self, List<Problem.Violation> violations) {
        List<UUID> ids = Optional.ofNullable(requested).orElse(List.of());
        Set<UUID> existing = ids.isEmpty() ? Set.of() : Set.copyOf(entityManager
                .createQuery("select o.id from Operator o where o.id in :ids", UUID.class)
                .setParameter("ids", ids).getResultList());
        Set<UUID> partners = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ids.get(i);
            String at = field + "[" + i + "]";
            if (id.equals(self)) {
                violations.add(new Problem.Violation(at, "must be another operator than this one"));
            } else if (!partners.add(id)) {
                violations.add(new Problem.Violation(at, "names operator " + id + " a second time"));
            } else if (!existing.contains(id)) {
                violations.add(new Problem.Violation(at, "is not an operator"));
            }
        }
        return partners;
    }
}
