package org.evsettle.gateway.api;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashSet;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evsettle.gateway.ChargerConnections;
import org.evsettle.gateway.ChargerPresence;
import org.evsettle.gateway.configuration.ConfigurationOutcomes;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;

/**
 * The connections of many chargers in one answer (a page of the charger list, the dashboard's count
 * of chargers online): each as {@link ConnectionResource} shows one, for the chargers the caller
 * administers; any other id is left out, exactly as one nobody registered.
 */
@Path("/api/chargers/connections")
@Tag(name = "Charger connections")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
public class ConnectionsResource {

    /**
     * The most chargers one request may name: 50 of the longest ids, percent-encoded, stay within the
     * 16 KB request line that this service and the api-gateway accept.
     */
    public static final int MAX_CHARGERS = 50;

    private final AdministeredChargers chargers;
    private final ChargerPresence presence;
    private final ChargerConnections connections;
    private final ConfigurationOutcomes configuration;
    private final Caller caller;

    public ConnectionsResource(AdministeredChargers chargers, ChargerPresence presence, ChargerConnections connections,
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
    @Operation(summary = "Show the connections of several chargers",
            description = "The connection of each named charger the caller administers, in the order asked (each id "
                    + "once); ids of chargers of other operators or of none are left out.")
    @APIResponse(responseCode = "200", description = "The chargers' connections",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ConnectionView.class)))
    @APIResponse(responseCode = "400", description = "No chargePointId, or more than " + MAX_CHARGERS)
    public List<ConnectionView> list(@Parameter(description = "A charger's OCPP identity; repeat it for each charger, "
            + "at most " + MAX_CHARGERS, example = "ZAP-000123") @QueryParam("chargePointId") List<String> chargePointIds) {
        LinkedHashSet<String> asked = new LinkedHashSet<>(chargePointIds == null ? List.of() : chargePointIds);
        if (asked.isEmpty() || asked.size() > MAX_CHARGERS) {
            throw DomainException.invalid("chargePointId", "name between 1 and " + MAX_CHARGERS + " chargers");
        }
        return asked.stream()
                .filter(id -> chargers.find(id, caller).isPresent())
                .map(id -> ConnectionView.current(id, presence, connections, configuration))
                .toList();
    }
}
