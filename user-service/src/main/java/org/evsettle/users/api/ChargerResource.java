package org.evsettle.users.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;
import org.evsettle.users.Charger;
import org.evsettle.users.OcppPassword;
import org.evsettle.users.Site;
import org.evsettle.users.messaging.RegistryPublisher;

/**
 * Chargers of an operator. The OCPP password is set by the operator or generated, stored only as a
 * hash, and shown once: in the answer that set it. Chargers that enrolled themselves wait for an
 * admin to approve them at a site.
 */
@Path("/api")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
@Tag(name = "Chargers")
public class ChargerResource {

    private static final String PASSWORD_RULE = "must be 16 to 40 characters (OCPP AuthorizationKey)";

    /** A charger as a client registers it. */
    public record ChargerForm(
            @NotNull UUID siteId,
            @NotBlank @Size(max = 48)
            @Pattern(regexp = "[A-Za-z0-9._:\\-]+", message = "may hold letters, digits and . _ : - only")
            String chargePointId,
            @Min(1) @Max(16) Integer connectorCount,
            @Schema(description = "Left out: 40 hex characters are generated")
            @Size(min = 16, max = 40, message = PASSWORD_RULE) String ocppPassword) {
    }

    /** Where a charger stands and how many connectors it has. */
    public record Placement(@NotNull UUID siteId, @Min(1) @Max(16) Integer connectorCount) {
    }

    /** A new OCPP password; left out, one is generated. */
    public record PasswordChange(@Size(min = 16, max = 40, message = PASSWORD_RULE) String ocppPassword) {
    }

    /** A charger as the API shows it; ocppPassword only in the answer that set it. */
    public record ChargerView(UUID id, long revision, UUID operatorId, UUID siteId, String chargePointId,
                              int connectorCount, String vendor, String model, String serialNumber,
                              String firmwareVersion, String status,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String ocppPassword) {
        static ChargerView of(Charger c, String ocppPassword) {
            return new ChargerView(c.id, c.revision, c.operatorId, c.siteId, c.chargePointId, c.connectorCount,
                    c.vendor, c.model, c.serialNumber, c.firmwareVersion, c.status, ocppPassword);
        }
    }

    private final OperatorScope operators;
    private final Caller caller;
    private final RegistryPublisher registry;

    public ChargerResource(OperatorScope operators, Caller caller, RegistryPublisher registry) {
        this.operators = operators;
        this.caller = caller;
        this.registry = registry;
    }

    @POST
    @Path("/operators/{operatorId}/chargers")
    @Transactional
    @Operation(summary = "Register a charger at a site",
            description = "chargePointId is unique on the platform (409 otherwise). The answer shows the OCPP password once.")
    @APIResponse(responseCode = "201", description = "Created")
    public Response register(@PathParam("operatorId") UUID operatorId, @NotNull @Valid ChargerForm form) {
        operators.require(operatorId);
        requireSite(operatorId, form.siteId());
        if (Charger.byChargePointId(form.chargePointId()).isPresent()) {
            throw DomainException.conflict("A charger with chargePointId " + form.chargePointId() + " is already registered");
        }
        OcppPassword password = OcppPassword.givenOrGenerated(form.ocppPassword());
        Charger charger = new Charger();
        charger.id = UUID.randomUUID();
        charger.operatorId = operatorId;
        charger.siteId = form.siteId();
        charger.chargePointId = form.chargePointId();
        charger.connectorCount = Optional.ofNullable(form.connectorCount()).orElse(1);
        charger.ocppPasswordHash = password.hash();
        charger.status = Charger.Status.ACTIVE.name();
        charger.persist();
        registry.changed(charger);
        return Response.created(URI.create("/api/chargers/" + charger.id))
                .entity(ChargerView.of(charger, password.plain())).build();
    }

    @GET
    @Path("/operators/{operatorId}/chargers")
    @Operation(summary = "List an operator's chargers", description = "Optionally only one status, such as PENDING_APPROVAL.")
    public List<ChargerView> list(@PathParam("operatorId") UUID operatorId, @QueryParam("status") Charger.Status status) {
        operators.require(operatorId);
        String query = "operatorId = :operator" + (status == null ? "" : " and status = :status");
        Parameters parameters = Parameters.with("operator", operatorId);
        if (status != null) {
            parameters.and("status", status.name());
        }
        return Charger.<Charger>list(query, Sort.by("chargePointId"), parameters).stream()
                .map(c -> ChargerView.of(c, null)).toList();
    }

    @GET
    @Path("/chargers/{chargerId}")
    @Operation(summary = "Read a charger")
    public ChargerView get(@PathParam("chargerId") UUID chargerId) {
        return ChargerView.of(find(chargerId), null);
    }

    @PUT
    @Path("/chargers/{chargerId}")
    @Transactional
    @Operation(summary = "Move an active charger to another site, or change its connector count")
    @APIResponse(responseCode = "409", description = "The charger is pending approval or decommissioned")
    public ChargerView place(@PathParam("chargerId") UUID chargerId, @NotNull @Valid Placement placement) {
        Charger charger = find(chargerId);
        if (!charger.is(Charger.Status.ACTIVE)) {
            throw DomainException.conflict("Charger " + charger.chargePointId + " is " + charger.status
                    + "; only an ACTIVE charger can be moved (approve a pending one)");
        }
        requireSite(charger.operatorId, placement.siteId());
        charger.siteId = placement.siteId();
        charger.connectorCount = Optional.ofNullable(placement.connectorCount()).orElse(charger.connectorCount);
        registry.changed(charger);
        return ChargerView.of(charger, null);
    }

    @POST
    @Path("/chargers/{chargerId}/approve")
    @Transactional
    @Operation(summary = "Approve a charger that enrolled itself",
            description = "Places it at a site and makes it ACTIVE: its next BootNotification is accepted.")
    @APIResponse(responseCode = "409", description = "The charger is not pending approval")
    public ChargerView approve(@PathParam("chargerId") UUID chargerId, @NotNull @Valid Placement placement) {
        Charger charger = find(chargerId);
        requireSite(charger.operatorId, placement.siteId());
        charger.approve(placement.siteId(), placement.connectorCount());
        registry.changed(charger);
        return ChargerView.of(charger, null);
    }

    @POST
    @Path("/chargers/{chargerId}/decommission")
    @Transactional
    @Operation(summary = "Decommission a charger (or reject a pending one)",
            description = "For good: the gateway refuses it from now on; its chargePointId stays taken.")
    @APIResponse(responseCode = "409", description = "The charger is already decommissioned")
    public ChargerView decommission(@PathParam("chargerId") UUID chargerId) {
        Charger charger = find(chargerId);
        charger.decommission();
        registry.changed(charger);
        return ChargerView.of(charger, null);
    }

    @POST
    @Path("/chargers/{chargerId}/ocpp-password")
    @Transactional
    @Operation(summary = "Set a new OCPP password", description = "Given or generated; shown in this answer only. "
            + "The charger must be configured with it (AuthorizationKey), or it will be refused.")
    @APIResponse(responseCode = "409", description = "The charger is decommissioned")
    public ChargerView changePassword(@PathParam("chargerId") UUID chargerId, @Valid PasswordChange change) {
        Charger charger = find(chargerId);
        if (charger.is(Charger.Status.DECOMMISSIONED)) {
            throw DomainException.conflict("Charger " + charger.chargePointId + " is decommissioned");
        }
        OcppPassword password = OcppPassword.givenOrGenerated(
                Optional.ofNullable(change).map(PasswordChange::ocppPassword).orElse(null));
        charger.ocppPasswordHash = password.hash();
        registry.changed(charger);
        return ChargerView.of(charger, password.plain());
    }

    private Charger find(UUID chargerId) {
        return Charger.<Charger>findByIdOptional(chargerId)
                .filter(c -> caller.administers(c.operatorId))
                .orElseThrow(() -> DomainException.notFound("Charger", chargerId));
    }

    private static void requireSite(UUID operatorId, UUID siteId) {
        Site.<Site>findByIdOptional(siteId).filter(site -> site.operatorId.equals(operatorId))
                .orElseThrow(() -> DomainException.invalid("siteId", "is not a site of this operator"));
    }
}
