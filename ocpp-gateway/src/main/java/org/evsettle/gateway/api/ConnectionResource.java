package org.evsettle.gateway.api;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.gateway.ChargerConnections;
import org.evsettle.gateway.ChargerPresence;
import org.evsettle.gateway.RegistryProjection;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;

/**
 * Whether a charger is connected (to any replica) and what it last reported, for the platform
 * admins and the admins of the charger's operator; anyone else gets 404, as for an unknown charger.
 */
@Path("/api/chargers/{chargePointId}/connection")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
public class ConnectionResource {

    private final RegistryProjection registry;
    private final ChargerPresence presence;
    private final ChargerConnections connections;
    private final Caller caller;

    public ConnectionResource(RegistryProjection registry, ChargerPresence presence, ChargerConnections connections,
                              Caller caller) {
        this.registry = registry;
        this.presence = presence;
        this.connections = connections;
        this.caller = caller;
    }

    @GET
    @Blocking
    public ConnectionView get(@PathParam("chargePointId") String chargePointId) {
        ChargerRecord charger = registry.charger(chargePointId)
                .orElseThrow(() -> DomainException.notFound("Charger", chargePointId));
        caller.requireAdministers(charger.operatorId(), "Charger", chargePointId);
        return ConnectionView.of(chargePointId,
                presence.snapshot(chargePointId).seenAt(connections.lastSeen(chargePointId).orElse(null)));
    }
}
