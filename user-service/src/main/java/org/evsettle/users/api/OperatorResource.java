package org.evsettle.users.api;

import static org.evsettle.users.api.ApiText.ADMINS;
import static org.evsettle.users.api.ApiText.OPERATOR_EXAMPLE;
import static org.evsettle.users.api.ApiText.OPERATOR_ID;
import static org.evsettle.users.api.ApiText.PAGED;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evsettle.kit.api.Page;
import org.evsettle.kit.api.PageRequest;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;
import org.evsettle.users.Operator;
import org.evsettle.users.OperatorSettings;

/**
 * Operators: created by platform admins, read and updated by their own operator admins too. A change is
 * one transaction, from the look-up that scopes it to the record in the outbox.
 */
@Path("/api")
@Tag(name = "Operators", description = "The tenants: their details, billing settings, dunning policy, charger"
        + " enrollment and roaming")
public class OperatorResource {

    /** The answer to a new enrollment key: the key itself, shown this once. */
    public record EnrollmentKeyView(
            UUID operatorId,
            @Schema(description = "The key unknown chargers present as their OCPP password to enroll; shown once")
            String chargerEnrollmentKey,
            Instant createdAt) {
    }

    private final Caller caller;
    private final OperatorSettings settings;

    public OperatorResource(Caller caller, OperatorSettings settings) {
        this.caller = caller;
        this.settings = settings;
    }

    @POST
    @Path("/operators")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Create an operator (tenant)",
            description = "Platform admins only. Left out: timeZone Europe/Amsterdam, currency EUR, billingInterval"
                    + " MONTHLY, graceDays 5, paymentTermDays 14, no own user types, no card blocking, unknown"
                    + " chargers refused, no statements, no roaming. With acceptsUnknownChargers on, the answer"
                    + " carries the charger enrollment key, shown this once. Published on registry.operators.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new operator")
    public Response create(@NotNull @Valid OperatorForm form) {
        OperatorSettings.Changed created = settings.create(form.change());
        return Response.created(URI.create("/api/operators/" + created.operator().id))
                .entity(OperatorView.of(created.operator(), created.enrollmentKey().orElse(null))).build();
    }

    @GET
    @Path("/operators")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Operation(summary = "List operators",
            description = "All operators for a platform admin; an operator admin's list holds their own operator"
                    + " only. By legal name, then id." + PAGED)
    public Page<OperatorView> list(@BeanParam PageRequest page) {
        return Operator.page(caller.operatorScope(null).orElse(null), page).map(OperatorView::of);
    }

    @GET
    @Path("/operators/{operatorId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Operation(summary = "Read an operator",
            description = "Its details and settings; the enrollment key itself is never shown again." + ADMINS)
    @APIResponse(responseCode = "404", description = "No such operator, or not the caller's")
    public OperatorView get(@Parameter(description = OPERATOR_ID, example = OPERATOR_EXAMPLE)
                            @PathParam("operatorId") UUID operatorId) {
        return OperatorView.of(administered(operatorId));
    }

    @PUT
    @Path("/operators/{operatorId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    @Operation(summary = "Replace an operator's details and settings",
            description = "Sends them all; what is left out takes its default, as on create. Turning"
                    + " acceptsUnknownChargers on answers a new enrollment key once; turning it off voids the key."
                    + " cardsValidAt and acceptsCardsOf name other existing operators, each once (400 naming each"
                    + " broken entry, such as cardsValidAt[1]). Published on registry.operators." + ADMINS)
    @APIResponse(responseCode = "404", description = "No such operator, or not the caller's")
    @APIResponse(responseCode = "409", description = "A user type left out is still assigned to drivers")
    public OperatorView update(@Parameter(description = OPERATOR_ID, example = OPERATOR_EXAMPLE)
                               @PathParam("operatorId") UUID operatorId, @NotNull @Valid OperatorForm form) {
        OperatorSettings.Changed changed = settings.replace(administered(operatorId), form.change());
        return OperatorView.of(changed.operator(), changed.enrollmentKey().orElse(null));
    }

    @POST
    @Path("/operators/{operatorId}/charger-enrollment-key")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    @Operation(summary = "Rotate the charger enrollment key",
            description = "A new key replaces the old one at once (chargers that enrolled keep their own password);"
                    + " the key is shown in this answer only, its hash is published on registry.operators." + ADMINS)
    @APIResponse(responseCode = "200", description = "The new key")
    @APIResponse(responseCode = "404", description = "No such operator, or not the caller's")
    @APIResponse(responseCode = "409", description = "The operator does not accept unknown chargers")
    public EnrollmentKeyView rotateEnrollmentKey(@Parameter(description = OPERATOR_ID, example = OPERATOR_EXAMPLE)
                                                 @PathParam("operatorId") UUID operatorId) {
        Operator operator = administered(operatorId);
        String key = settings.rotateEnrollmentKey(operator);
        return new EnrollmentKeyView(operator.id, key, operator.chargerEnrollmentKeyCreatedAt);
    }

    private Operator administered(UUID operatorId) {
        return caller.administeredOperator(operatorId, Operator::byId);
    }
}
