package org.evsettle.gateway.api;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evsettle.gateway.ChargerConnections;
import org.evsettle.gateway.ChargerPresence;
import org.evsettle.gateway.configuration.ConfigurationOutcomes;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;

/**
 * Whether a charger is connected (to any replica) and what it last reported, for the platform
 * admins and the admins of the charger's operator.
 */
@Path("/api/chargers/{chargePointId}/connection")
@Tag(name = "Charger connections")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
public class ConnectionResource {

    private final AdministeredChargers chargers;
    private final ChargerPresence presence;
    private final ChargerConnections connections;
    private final ConfigurationOutcomes configuration;
    private final Caller caller;

    public ConnectionResource(AdministeredChargers chargers, ChargerPresence presence, ChargerConnections connections,
                              ConfigurationOutcomes configuration, Caller caller) {
        this.chargers = chargers;
        this.presence = presence;
        this.connections = connections;
        this.configuration = configuration;
        this.caller = caller;
    }

    @GET
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Show a charger's connection",
            description = "Whether the charger is connected to any gateway replica (every replica answers alike), since "
                    + "when and when it was last heard; what its last BootNotification reported (vendor, model, "
                    + "firmware) and how it was answered; each connector's last StatusNotification; and how the billing "
                    + "configuration keys stand after its last accepted boot (wanted and reported value, result).")
    @APIResponseSchema(value = ConnectionView.class, responseCode = "200", responseDescription = "The charger's connection")
    @APIResponse(responseCode = "404", description = "No such charger, or a charger of another operator")
    public ConnectionView get(@Parameter(description = "The charger's OCPP identity, as it connects", example = "ZAP-000123")
                              @PathParam("chargePointId") String chargePointId) {
        chargers.require(chargePointId, caller);
        return ConnectionView.current(chargePointId, presence, connections, configuration);
    }
}
