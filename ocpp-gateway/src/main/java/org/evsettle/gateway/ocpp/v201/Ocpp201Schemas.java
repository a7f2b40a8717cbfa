package org.evsettle.gateway.ocpp.v201;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.evsettle.gateway.ocpp.JsonSchema;
import org.evsettle.gateway.ocpp.OcppJson;

/**
 * The official OCPP 2.0.1 JSON schemas (FINAL, draft-06 with definitions), kept unchanged as
 * resources under {@code ocpp/v201/schemas}: every request and answer of the version, those a
 * charging station sends and those the CSMS sends. Loaded and compiled once.
 */
public final class Ocpp201Schemas {

    /** What a charging station sends to the CSMS (OCPP 2.0.1 part 2, every use case). */
    public static final Set<String> STATION_ACTIONS = Set.of("Authorize", "BootNotification", "ClearedChargingLimit",
            "DataTransfer", "FirmwareStatusNotification", "Get15118EVCertificate", "GetCertificateStatus", "Heartbeat",
            "LogStatusNotification", "MeterValues", "NotifyChargingLimit", "NotifyCustomerInformation",
            "NotifyDisplayMessages", "NotifyEVChargingNeeds", "NotifyEVChargingSchedule", "NotifyEvent",
            "NotifyMonitoringReport", "NotifyReport", "PublishFirmwareStatusNotification", "ReportChargingProfiles",
            "ReservationStatusUpdate", "SecurityEventNotification", "SignCertificate", "StatusNotification",
            "TransactionEvent");
    /** The commands the gateway sends to charging stations. */
    public static final Set<String> COMMANDS = Set.of("RequestStartTransaction", "RequestStopTransaction",
            "GetTransactionStatus", "Reset", "ChangeAvailability", "UnlockConnector", "GetVariables", "SetVariables",
            "GetBaseReport", "SendLocalList", "GetLocalListVersion", "ClearCache", "TriggerMessage", "CostUpdated",
            "SetChargingProfile", "ClearChargingProfile", "ReserveNow", "CancelReservation", "DataTransfer");
    /** Every other action the CSMS may send in OCPP 2.0.1: known (its schemas are loaded), not sent yet. */
    public static final Set<String> OTHER_ACTIONS = Set.of("CertificateSigned", "ClearDisplayMessage",
            "ClearVariableMonitoring", "CustomerInformation", "DeleteCertificate", "GetChargingProfiles",
            "GetCompositeSchedule", "GetDisplayMessages", "GetInstalledCertificateIds", "GetLog", "GetMonitoringReport",
            "GetReport", "InstallCertificate", "PublishFirmware", "SetDisplayMessage", "SetMonitoringBase",
            "SetMonitoringLevel", "SetNetworkProfile", "SetVariableMonitoring", "UnpublishFirmware", "UpdateFirmware");
    /** Every action of OCPP 2.0.1. */
    public static final Set<String> ALL_ACTIONS = Stream.of(STATION_ACTIONS, COMMANDS, OTHER_ACTIONS)
            .flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());

    private static final Map<String, JsonSchema> SCHEMAS = new HashMap<>();

    static {
        for (String action : ALL_ACTIONS) {
            for (String name : new String[] {action + "Request", action + "Response"}) {
                SCHEMAS.put(name, JsonSchema.of(read("ocpp/v201/schemas/" + name + ".json")));
            }
        }
    }

    private Ocpp201Schemas() {
    }

    /** The schema of the request of an action. */
    public static Optional<JsonSchema> request(String action) {
        return Optional.ofNullable(SCHEMAS.get(action + "Request"));
    }

    /** The schema of the answer to an action. */
    public static Optional<JsonSchema> response(String action) {
        return Optional.ofNullable(SCHEMAS.get(action + "Response"));
    }

    /** True for any action OCPP 2.0.1 defines, in either direction. */
    public static boolean isOcpp201Action(String action) {
        return ALL_ACTIONS.contains(action);
    }

    private static JsonNode read(String resource) {
        try (InputStream in = Ocpp201Schemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing OCPP schema " + resource);
            }
            return OcppJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read OCPP schema " + resource, e);
        }
    }
}
