package org.evsettle.users.api;

import static org.evsettle.users.api.ApiText.ADMINS;
import static org.evsettle.users.api.ApiText.CHARGER_EXAMPLE;
import static org.evsettle.users.api.ApiText.CHARGER_ID;
import static org.evsettle.users.api.ApiText.OPERATOR_EXAMPLE;
import static org.evsettle.users.api.ApiText.OPERATOR_ID;
import static org.evsettle.users.api.ApiText.PAGED;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evsettle.events.registry.ChargePointIds;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.api.Page;
import org.evsettle.kit.api.PageRequest;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;
import org.evsettle.users.Charger;
import org.evsettle.users.ChargerAliases;
import org.evsettle.users.ChargerLifecycle;
import org.evsettle.users.Operator;

/**
 * Chargers of an operator. The OCPP password is set by the operator or generated, stored only as a
 * hash, and shown once: in the answer that set it. Chargers that enrolled themselves wait for an
 * admin to approve them at a site. A change is one transaction, from the scoping look-up to the outbox.
 */
@Path("/api")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
@Tag(name = "Chargers", description = "An operator's chargers: registration, enrollment and approval, OCPP"
        + " passwords, decommissioning")
public class ChargerResource {

    private static final String PASSWORD_RULE = "must be 16 to 40 characters (OCPP AuthorizationKey)";
    private static final String ADMINS_OF_CHARGER = " Admins of the charger's operator; another operator's charger"
            + " answers 404.";

    /** A charger as a client registers it. */
    public record ChargerForm(
            @Schema(description = "A site of the operator", example = "0b7e4c1a-2f3d-4e5b-8a9c-6d7e8f9a0b1c")
            @NotNull UUID siteId,
            @Schema(description = "The charger's OCPP identity, unique on the platform", example = "CP-LINDE-01")
            @NotBlank @Size(max = ChargePointIds.MAX_LENGTH)
            @Pattern(regexp = ChargePointIds.PATTERN, message = "may hold letters, digits and . _ : - only")
            String chargePointId,
            @Schema(description = "Left out: 1", example = "2") @Min(1) @Max(16) Integer connectorCount,
            @Schema(description = "Left out: 40 hex characters are generated", example = "chosen-by-the-installer")
            @Size(min = 16, max = 40, message = PASSWORD_RULE) String ocppPassword) {
    }

    /** Where a charger stands and how many connectors it has. */
    public record Placement(
            @Schema(description = "A site of the charger's operator", example = "0b7e4c1a-2f3d-4e5b-8a9c-6d7e8f9a0b1c")
            @NotNull UUID siteId,
            @Schema(description = "Left out: unchanged", example = "2") @Min(1) @Max(16) Integer connectorCount) {
    }

    /** A new OCPP password; left out, one is generated. */
    public record PasswordChange(
            @Schema(description = "Left out: 40 hex characters are generated", example = "chosen-by-the-installer")
            @Size(min = 16, max = 40, message = PASSWORD_RULE) String ocppPassword) {
    }

    /**
     * A charger as the API shows it; ocppPassword only in the answer that set it. ocppPasswordOrigin says
     * whether it still presents its operator's enrollment key, and ocppPasswordProblem why it has not taken
     * a password of its own yet.
     */
    public record ChargerView(UUID id, long revision, UUID operatorId, UUID siteId, String chargePointId,
                              int connectorCount, String vendor, String model, String serialNumber,
                              String firmwareVersion, String status,
                              @Schema(description = "ASSIGNED over this API, ISSUED by the gateway to the charger after"
                                      + " its enrollment, or still the operator's ENROLLMENT_KEY",
                                      example = "ENROLLMENT_KEY") String ocppPasswordOrigin,
                              @Schema(description = "Why a charger on the enrollment key has no password of its own"
                                      + " yet; null when none is known",
                                      example = "ChangeConfiguration AuthorizationKey answered Rejected"
                                              + " (2026-03-29T02:10:00Z)") String ocppPasswordProblem,
                              @Schema(description = "The other chargePointIds the charger connects with, in order"
                                      + " (a Zaptec legacy device id beside the serial number)",
                                      example = "[\"ZAP-LEGACY-4711\"]") List<String> aliases,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String ocppPassword) {
        static ChargerView of(Charger c) {
            return of(new ChargerLifecycle.WithPassword(c, null));
        }

        static ChargerView of(ChargerLifecycle.WithPassword set) {
            Charger c = set.charger();
            return new ChargerView(c.id, c.revision, c.operatorId, c.siteId, c.chargePointId, c.connectorCount,
                    c.vendor, c.model, c.serialNumber, c.firmwareVersion, c.status, c.ocppPasswordOrigin,
                    c.ocppPasswordProblem, c.aliases.stream().sorted().toList(), set.ocppPassword());
        }
    }

    private final Caller caller;
    private final ChargerLifecycle chargers;
    private final ChargerAliases aliases;

    public ChargerResource(Caller caller, ChargerLifecycle chargers, ChargerAliases aliases) {
        this.caller = caller;
        this.chargers = chargers;
        this.aliases = aliases;
    }

    @POST
    @Path("/operators/{operatorId}/chargers")
    @Transactional
    @Operation(summary = "Register a charger at a site",
            description = "ACTIVE at once. chargePointId is unique on the platform (an id the operator announced"
                    + " is taken off its announcements; one another operator announced is refused). The answer shows the OCPP"
                    + " password once; published on registry.chargers with its hash only." + ADMINS)
    @APIResponse(responseCode = "201", description = "Created; Location names the new charger")
    @APIResponse(responseCode = "404", description = "No such operator, or not the caller's")
    @APIResponse(responseCode = "409", description = "This chargePointId is already registered or announced")
    public Response register(@Parameter(description = OPERATOR_ID, example = OPERATOR_EXAMPLE)
                             @PathParam("operatorId") UUID operatorId, @NotNull @Valid ChargerForm form) {
        ChargerLifecycle.WithPassword registered = chargers.register(caller.administeredOperator(operatorId,
                Operator::byId), form.siteId(), form.chargePointId(), form.connectorCount(), form.ocppPassword());
        return Response.created(URI.create("/api/chargers/" + registered.charger().id))
                .entity(ChargerView.of(registered)).build();
    }

    @GET
    @Path("/operators/{operatorId}/chargers")
    @Operation(summary = "List an operator's chargers",
            description = "By chargePointId, then id; optionally of one status, such as PENDING_APPROVAL for the"
                    + " chargers that enrolled and wait for approval." + PAGED + ADMINS)
    @APIResponse(responseCode = "404", description = "No such operator, or not the caller's")
    public Page<ChargerView> list(@Parameter(description = OPERATOR_ID, example = OPERATOR_EXAMPLE)
                                  @PathParam("operatorId") UUID operatorId,
                                  @Parameter(description = "Only chargers in this status, in any case",
                                          example = "PENDING_APPROVAL")
                                  @QueryParam("status") Charger.Status status,
                                  @BeanParam PageRequest page) {
        Operator operator = caller.administeredOperator(operatorId, Operator::byId);
        return Charger.page(operator.id, status, page).map(ChargerView::of);
    }

    @GET
    @Path("/chargers/{chargerId}")
    @Operation(summary = "Read a charger",
            description = "With what its last BootNotification said about the hardware." + ADMINS_OF_CHARGER)
    @APIResponse(responseCode = "404", description = "No such charger, or not the caller's")
    public ChargerView get(@Parameter(description = CHARGER_ID, example = CHARGER_EXAMPLE)
                           @PathParam("chargerId") UUID chargerId) {
        return ChargerView.of(administered(chargerId));
    }

    @PUT
    @Path("/chargers/{chargerId}")
    @Transactional
    @Operation(summary = "Move an active charger to another site, or change its connector count",
            description = "Only an ACTIVE charger moves (approve a pending one instead); the site must be one of"
                    + " the operator's (400 naming siteId). Published on registry.chargers." + ADMINS_OF_CHARGER)
    @APIResponse(responseCode = "404", description = "No such charger, or not the caller's")
    @APIResponse(responseCode = "409", description = "The charger is pending approval or decommissioned")
    public ChargerView place(@Parameter(description = CHARGER_ID, example = CHARGER_EXAMPLE)
                             @PathParam("chargerId") UUID chargerId, @NotNull @Valid Placement placement) {
        return ChargerView.of(chargers.place(administered(chargerId), placement.siteId(), placement.connectorCount()));
    }

    @POST
    @Path("/chargers/{chargerId}/approve")
    @Transactional
    @Operation(summary = "Approve a charger that enrolled itself",
            description = "Places it at a site of the operator and makes it ACTIVE: its next BootNotification is"
                    + " accepted. Only a charger with a password of its own is approved: the gateway gives it one"
                    + " (ChangeConfiguration AuthorizationKey) after its boot; one that refuses it stays on the"
                    + " enrollment key (ocppPasswordProblem says why) until an admin sets a password. Published on"
                    + " registry.chargers." + ADMINS_OF_CHARGER)
    @APIResponse(responseCode = "404", description = "No such charger, or not the caller's")
    @APIResponse(responseCode = "409", description = "The charger is not pending approval, or still presents its"
            + " operator's enrollment key as its password")
    public ChargerView approve(@Parameter(description = CHARGER_ID, example = CHARGER_EXAMPLE)
                               @PathParam("chargerId") UUID chargerId, @NotNull @Valid Placement placement) {
        return ChargerView.of(chargers.approve(administered(chargerId), placement.siteId(), placement.connectorCount()));
    }

    @POST
    @Path("/chargers/{chargerId}/decommission")
    @Transactional
    @Operation(summary = "Decommission a charger (or reject a pending one)",
            description = "For good: the gateway refuses it from now on; its chargePointId stays taken. Published"
                    + " on registry.chargers." + ADMINS_OF_CHARGER)
    @APIResponse(responseCode = "404", description = "No such charger, or not the caller's")
    @APIResponse(responseCode = "409", description = "The charger is already decommissioned")
    public ChargerView decommission(@Parameter(description = CHARGER_ID, example = CHARGER_EXAMPLE)
                                    @PathParam("chargerId") UUID chargerId) {
        return ChargerView.of(chargers.decommission(administered(chargerId)));
    }

    @POST
    @Path("/chargers/{chargerId}/ocpp-password")
    @Transactional
    @Operation(summary = "Set a new OCPP password",
            description = "Given or generated; shown in this answer only, its hash published on registry.chargers."
                    + " The charger must be configured with it (AuthorizationKey), or it will be refused."
                    + ADMINS_OF_CHARGER)
    @APIResponse(responseCode = "404", description = "No such charger, or not the caller's")
    @APIResponse(responseCode = "409", description = "The charger is decommissioned")
    public ChargerView changePassword(@Parameter(description = CHARGER_ID, example = CHARGER_EXAMPLE)
                                      @PathParam("chargerId") UUID chargerId, @Valid PasswordChange change) {
        return ChargerView.of(chargers.newPassword(administered(chargerId),
                change == null ? null : change.ocppPassword()));
    }

    @PUT
    @Path("/chargers/{chargerId}/aliases/{alias}")
    @Transactional
    @Operation(summary = "Add another chargePointId the charger connects with",
            description = "A Zaptec charger in \"legacy OCPP behaviour\" connects with its device id instead of its"
                    + " serial number: registered as an alias, it is the same charger (the same password, operator and"
                    + " chargePointId in every event). The alias follows the chargePointId rule and is claimed like"
                    + " one: an id registered, announced or aliased already answers 409. Adding an alias the charger"
                    + " has changes nothing. Published on registry.chargers." + ADMINS_OF_CHARGER)
    @APIResponse(responseCode = "200", description = "The charger with its aliases")
    @APIResponse(responseCode = "400", description = "The alias breaks the chargePointId rule")
    @APIResponse(responseCode = "404", description = "No such charger, or not the caller's")
    @APIResponse(responseCode = "409", description = "The id is already registered, announced or an alias; the"
            + " charger is decommissioned or has " + ChargerAliases.MOST_PER_CHARGER + " aliases")
    public ChargerView addAlias(@Parameter(description = CHARGER_ID, example = CHARGER_EXAMPLE)
                                @PathParam("chargerId") UUID chargerId,
                                @Parameter(description = "The other chargePointId", example = "ZAP-LEGACY-4711")
                                @PathParam("alias") String alias) {
        return ChargerView.of(aliases.add(administered(chargerId), alias));
    }

    @DELETE
    @Path("/chargers/{chargerId}/aliases/{alias}")
    @Transactional
    @Operation(summary = "Remove an alias of the charger",
            description = "The gateway admits no new connection on it; the id is free again. Published on"
                    + " registry.chargers." + ADMINS_OF_CHARGER)
    @APIResponse(responseCode = "200", description = "The charger with its remaining aliases")
    @APIResponse(responseCode = "404", description = "No such charger or alias, or not the caller's")
    public ChargerView removeAlias(@Parameter(description = CHARGER_ID, example = CHARGER_EXAMPLE)
                                   @PathParam("chargerId") UUID chargerId,
                                   @Parameter(description = "The alias", example = "ZAP-LEGACY-4711")
                                   @PathParam("alias") String alias) {
        return ChargerView.of(aliases.remove(administered(chargerId), alias));
    }

    private Charger administered(UUID chargerId) {
        return Charger.<Charger>findByIdOptional(chargerId)
                .filter(c -> caller.administers(c.operatorId))
                .orElseThrow(() -> DomainException.notFound("Charger", chargerId));
    }
}
