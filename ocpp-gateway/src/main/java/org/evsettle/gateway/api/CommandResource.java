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
import org.evsettle.gateway.ocpp.CallOutcome;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;

/**
 * Sends an OCPP command (1.6 or 2.0.1) to a charger and answers with its outcome once the charger answered
 * (or the wait ran out): platform admins for every charger, operator admins for their own. A command the
 * charger's version cannot take is a 409 and is never sent.
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
    @Operation(summary = "Send an OCPP 1.6 or 2.0.1 command to a charger",
            description = "Sends the command through whichever gateway replica holds the charger's socket and answers "
                    + "once the charger answered or the wait ran out: outcome ANSWERED (response is the charger's "
                    + "CALLRESULT, in the OCPP version its connection speaks), CALL_ERROR (its CALLERROR), TIMED_OUT or "
                    + "NOT_CONNECTED. The action is an OCPP 1.6 or 2.0.1 command; the body is its OCPP payload (none for "
                    + "ClearCache and GetLocalListVersion), checked against the action's schema first (1.6 or 2.0.1; a "
                    + "payload that fits the 2.0.1 schema is taken as 2.0.1); a violation is a 400 naming the field. The "
                    + "connection's version decides: a 2.0.1 station gets a 1.6 command translated where OCPP 2.0.1 has "
                    + "its equivalent (RemoteStartTransaction as RequestStartTransaction, RemoteStopTransaction as "
                    + "RequestStopTransaction with the station's own transactionId, Reset Hard/Soft as Immediate/OnIdle, "
                    + "connectorId N as EVSE N, ...). A 1.6 command without a 2.0.1 equivalent (GetConfiguration, "
                    + "ChangeConfiguration, GetDiagnostics, UpdateFirmware, GetCompositeSchedule, ExtendedTriggerMessage) "
                    + "for a 2.0.1 station, a 2.0.1 command for a 1.6 charger, or a RemoteStopTransaction of a "
                    + "transaction the station does not have, is a 409 naming the version the charger speaks and what "
                    + "to send instead; nothing is sent. So is a CostUpdated for a station that showed it does not "
                    + "support it (until it boots again) or for a transaction that has ended. A charger takes one command at a time: a command waits for "
                    + "those before it, within its own wait. Every outcome is also published as ChargerCommandAnswered "
                    + "on ocpp.events.")
    @APIResponseSchema(value = CommandView.class, responseCode = "200", responseDescription = "How the command ended")
    @APIResponse(responseCode = "404", description = "No such charger, or a charger of another operator")
    @APIResponse(responseCode = "409", description = "The charger's OCPP version has no such command (the problem "
            + "says which version it speaks and what to send instead), or a RemoteStopTransaction of a transaction "
            + "the 2.0.1 station does not have, or a CostUpdated the station does not support or whose transaction "
            + "has ended: nothing was sent")
    public Uni<CommandView> send(
            @Parameter(description = "The charger's OCPP identity, as it connects", example = "ZAP-000123")
            @PathParam("chargePointId") String chargePointId,
            @Parameter(description = "The OCPP 1.6 or 2.0.1 command, in any case", example = "Reset",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"CancelReservation", "ChangeAvailability",
                            "ChangeConfiguration", "ClearCache", "ClearChargingProfile", "CostUpdated", "DataTransfer",
                            "ExtendedTriggerMessage", "GetBaseReport", "GetCompositeSchedule", "GetConfiguration",
                            "GetDiagnostics", "GetLocalListVersion", "GetTransactionStatus", "GetVariables",
                            "RemoteStartTransaction", "RemoteStopTransaction", "RequestStartTransaction",
                            "RequestStopTransaction", "ReserveNow", "Reset", "SendLocalList", "SetChargingProfile",
                            "SetVariables", "TriggerMessage", "UnlockConnector", "UpdateFirmware"}))
            @PathParam("action") String action,
            @Parameter(description = "How long to wait for the charger's answer, in seconds (default: the gateway's "
                    + "command-timeout, 30)", example = "30")
            @QueryParam("timeoutSeconds") @Min(1) @Max(ChargerCommands.LONGEST_WAIT_SECONDS) Integer timeoutSeconds,
            @RequestBody(description = "The command's OCPP payload (1.6 or 2.0.1)", content = @Content(
                    mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.OBJECT),
                    examples = {
                            @ExampleObject(name = "Reset", value = "{\"type\": \"Soft\"}"),
                            @ExampleObject(name = "RemoteStartTransaction",
                                    value = "{\"connectorId\": 1, \"idTag\": \"04A2B3C4D5E680\"}"),
                            @ExampleObject(name = "ChangeConfiguration",
                                    value = "{\"key\": \"HeartbeatInterval\", \"value\": \"300\"}"),
                            @ExampleObject(name = "TriggerMessage",
                                    value = "{\"requestedMessage\": \"StatusNotification\", \"connectorId\": 1}"),
                            @ExampleObject(name = "RequestStartTransaction (2.0.1)", value = "{\"evseId\": 1, "
                                    + "\"remoteStartId\": 42, \"idToken\": {\"idToken\": \"04A2B3C4D5E680\", "
                                    + "\"type\": \"ISO14443\"}}"),
                            @ExampleObject(name = "SetVariables (2.0.1)", value = "{\"setVariableData\": [{"
                                    + "\"component\": {\"name\": \"OCPPCommCtrlr\"}, \"variable\": {\"name\": "
                                    + "\"HeartbeatInterval\"}, \"attributeValue\": \"300\"}]}")}))
            JsonNode body) {
        String command = ChargerCommands.action(action);
        UUID operatorId = chargers.require(chargePointId, caller).operatorId();
        Optional<Duration> wait = Optional.ofNullable(timeoutSeconds).map(Duration::ofSeconds);
        return commands.request(commands.command(chargePointId, operatorId, command, body, caller.name(), wait))
                .map(answer -> {
                    if (CallOutcome.Kind.REFUSED.name().equals(answer.outcome())) {
                        throw DomainException.conflict(answer.errorDescription());
                    }
                    return CommandView.of(answer);
                });
    }
}
