package org.evsettle.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evsettle.gateway.ChargerCommands;
import org.evsettle.gateway.ocpp.v16.Ocpp16Command;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;

/**
 * Sends an OCPP 1.6 command to a charger and answers with its outcome once the charger answered
 * (or the wait ran out): platform admins for every charger, operator admins for their own.
 */
@Path("/api/chargers/{chargePointId}/commands/{action}")
@Tag(name = "Charger commands")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
public class CommandResource {

    private final AdministeredChargers chargers;
    private final ChargerCommands commands;
    private final Caller caller;

    public CommandResource(AdministeredChargers chargers, ChargerCommands commands, Caller caller) {
        this.chargers = chargers;
        this.commands = commands;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send an OCPP 1.6 command to a charger",
            description = "Sends the command through whichever gateway replica holds the charger's socket and answers "
                    + "once the charger answered or the wait ran out: outcome ANSWERED (response is the charger's "
                    + "CALLRESULT), CALL_ERROR (its CALLERROR), TIMED_OUT or NOT_CONNECTED. The body is the command's "
                    + "OCPP payload (none for ClearCache and GetLocalListVersion), checked against the command's OCPP 1.6 "
                    + "schema first; a violation is a 400 naming the field. A charger takes one command at a time: a "
                    + "command waits for those before it, within its own wait. Every outcome is also published as "
                    + "ChargerCommandAnswered on ocpp.events.")
    @APIResponseSchema(value = CommandView.class, responseCode = "200", responseDescription = "How the command ended")
    @APIResponse(responseCode = "404", description = "No such charger, or a charger of another operator")
    public Uni<CommandView> send(
            @Parameter(description = "The charger's OCPP identity, as it connects", example = "ZAP-000123")
            @PathParam("chargePointId") String chargePointId,
            @Parameter(description = "The OCPP 1.6 command, in any case", example = "Reset")
            @PathParam("action") Ocpp16Command action,
            @Parameter(description = "How long to wait for the charger's answer, in seconds (default: the gateway's "
                    + "command-timeout, 30)", example = "30")
            @QueryParam("timeoutSeconds") @Min(1) @Max(ChargerCommands.LONGEST_WAIT_SECONDS) Integer timeoutSeconds,
            @RequestBody(description = "The command's OCPP 1.6 payload", content = @Content(
                    mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.OBJECT),
                    examples = {
                            @ExampleObject(name = "Reset", value = "{\"type\": \"Soft\"}"),
                            @ExampleObject(name = "RemoteStartTransaction",
                                    value = "{\"connectorId\": 1, \"idTag\": \"04A2B3C4D5E680\"}"),
                            @ExampleObject(name = "ChangeConfiguration",
                                    value = "{\"key\": \"HeartbeatInterval\", \"value\": \"300\"}"),
                            @ExampleObject(name = "TriggerMessage",
                                    value = "{\"requestedMessage\": \"StatusNotification\", \"connectorId\": 1}")}))
            JsonNode body) {
        UUID operatorId = chargers.require(chargePointId, caller).operatorId();
        Optional<Duration> wait = Optional.ofNullable(timeoutSeconds).map(Duration::ofSeconds);
        return commands.request(commands.command(chargePointId, operatorId, action, body, caller.name(), wait))
                .map(CommandView::of);
    }
}
