package org.evsettle.users.api;

import com.fasterxml.jackson.annotation.JsonInclude;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.events.registry.OcppPasswordHash;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;
import org.evsettle.users.Charger;
import org.evsettle.users.Site;
import org.evsettle.users.messaging.RegistryPublisher;

/**
 * Chargers of an operator. The OCPP password is set by the operator or generated, stored only as a
 * hash, and shown once: in the answer to the registration.
 */
@Path("/api")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
public class ChargerResource {

    /** A charger as a client registers it. */
    public record ChargerForm(
            @NotNull UUID siteId,
            @NotBlank @Size(max = 48)
            @Pattern(regexp = "[A-Za-z0-9._:\\-]+", message = "may hold letters, digits and . _ : - only")
            String chargePointId,
            @Min(1) @Max(16) Integer connectorCount,
            @Size(min = 16, max = 40, message = "must be 16 to 40 characters (OCPP AuthorizationKey)")
            String ocppPassword) {
    }

    /** A charger as the API shows it; ocppPassword only in the answer to its registration. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChargerView(UUID id, long revision, UUID operatorId, UUID siteId, String chargePointId,
                              int connectorCount, String vendor, String model, String firmwareVersion, String status,
                              String ocppPassword) {
        static ChargerView of(Charger c, String ocppPassword) {
            return new ChargerView(c.id, c.revision, c.operatorId, c.siteId, c.chargePointId, c.connectorCount,
                    c.vendor, c.model, c.firmwareVersion, c.status, ocppPassword);
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
    public Response register(@PathParam("operatorId") UUID operatorId, @NotNull @Valid ChargerForm form) {
        operators.require(operatorId);
        Site.<Site>findByIdOptional(form.siteId()).filter(site -> site.operatorId.equals(operatorId))
                .orElseThrow(() -> DomainException.invalid("siteId", "is not a site of this operator"));
        if (Charger.byChargePointId(form.chargePointId()).isPresent()) {
            throw DomainException.conflict("A charger with chargePointId " + form.chargePointId() + " is already registered");
        }
        String password = Optional.ofNullable(form.ocppPassword()).orElseGet(OcppPasswordHash::generatePassword);
        Charger charger = new Charger();
        charger.id = UUID.randomUUID();
        charger.operatorId = operatorId;
        charger.siteId = form.siteId();
        charger.chargePointId = form.chargePointId();
        charger.connectorCount = Optional.ofNullable(form.connectorCount()).orElse(1);
        charger.ocppPasswordHash = OcppPasswordHash.hash(password);
        charger.status = Charger.Status.ACTIVE.name();
        charger.persist();
        registry.changed(charger);
        return Response.created(URI.create("/api/chargers/" + charger.id))
                .entity(ChargerView.of(charger, password)).build();
    }

    @GET
    @Path("/operators/{operatorId}/chargers")
    public List<ChargerView> list(@PathParam("operatorId") UUID operatorId) {
        operators.require(operatorId);
        return Charger.<Charger>list("operatorId", Sort.by("chargePointId"), operatorId).stream()
                .map(c -> ChargerView.of(c, null)).toList();
    }

    @GET
    @Path("/chargers/{chargerId}")
    public ChargerView get(@PathParam("chargerId") UUID chargerId) {
        Charger charger = Charger.<Charger>findByIdOptional(chargerId)
                .filter(c -> caller.administers(c.operatorId))
                .orElseThrow(() -> DomainException.notFound("Charger", chargerId));
        return ChargerView.of(charger, null);
    }
}
