package org.evsettle.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.gateway.ChargerCommands;
import org.evsettle.gateway.ChargerCommands.Command;
import org.evsettle.gateway.RegistryProjection;
import org.evsettle.gateway.ocpp.ErrorCode;
import org.evsettle.gateway.ocpp.OcppError;
import org.evsettle.gateway.ocpp.v16.Ocpp16Schemas;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;

/**
 * Sends an OCPP 1.6 command to a charger and answers with its outcome once the charger answered
 * (or the timeout passed): platform admins for every charger, operator admins for their own,
 * anyone else 404. The body is the command's OCPP payload, validated against its schema first.
 */
@Path("/api/chargers/{chargePointId}/commands/{action}")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
public class CommandResource {

    static final int MAX_TIMEOUT_SECONDS = 300;

    private final RegistryProjection registry;
    private final ChargerCommands commands;
    private final Caller caller;
    private final Clock clock;
    private final Duration defaultTimeout;

    public CommandResource(RegistryProjection registry, ChargerCommands commands, Caller caller, Clock clock,
                           @ConfigProperty(name = "evsettle.gateway.command-timeout", defaultValue = "30S")
                           Duration defaultTimeout) {
        this.registry = registry;
        this.commands = commands;
        this.caller = caller;
        this.clock = clock;
        this.defaultTimeout = defaultTimeout;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<CommandView> send(@PathParam("chargePointId") String chargePointId, @PathParam("action") String action,
                                 @QueryParam("timeoutSeconds") Integer timeoutSeconds, JsonNode body) {
        ChargerRecord charger = registry.charger(chargePointId)
                .orElseThrow(() -> DomainException.notFound("Charger", chargePointId));
        caller.requireAdministers(charger.operatorId(), "Charger", chargePointId);
        if (!Ocpp16Schemas.COMMANDS.contains(action)) {
            throw DomainException.notFound("Command", action);
        }
        if (timeoutSeconds != null && (timeoutSeconds < 1 || timeoutSeconds > MAX_TIMEOUT_SECONDS)) {
            throw DomainException.invalid("timeoutSeconds", "must be between 1 and " + MAX_TIMEOUT_SECONDS);
        }
        JsonNode payload = body == null || body.isNull() ? ChargerCommands.emptyPayload() : body;
        try {
            ChargerCommands.validate(action, payload);
        } catch (OcppError refused) {
            String field = refused.field() != null ? refused.field() : "body";
            throw DomainException.invalid(field, describe(refused));
        }
        Duration timeout = timeoutSeconds != null ? Duration.ofSeconds(timeoutSeconds) : defaultTimeout;
        Command command = new Command(UUID.randomUUID(), chargePointId, action, (ObjectNode) payload, caller.name(),
                clock.instant(), timeout);
        return commands.request(command).map(CommandView::of);
    }

    /** The rule the field breaks, without repeating the field's name, with the OCPP error code it maps to. */
    private static String describe(OcppError refused) {
        String message = refused.getMessage();
        if (refused.field() != null && message.startsWith(refused.field() + " ")) {
            message = message.substring(refused.field().length() + 1);
        }
        return message + " (" + (refused.code() == ErrorCode.FormationViolation ? "not in the OCPP 1.6 schema"
                : refused.code().name()) + ")";
    }
}
