package org.evsettle.gateway.ocpp.v16;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.evsettle.gateway.ocpp.JsonSchema;
import org.evsettle.gateway.ocpp.OcppJson;

/**
 * The official OCPP 1.6 JSON schemas (edition 2, errata 2019-12), kept as resources under
 * {@code ocpp/v16/schemas}: the requests a charger sends and the answers to them, and the requests
 * the central system sends as commands and their answers. Those of the 1.6 security extension
 * (whitepaper edition 2, draft-06 with definitions) are written in the same draft-04 subset, their
 * enumerations inlined. Loaded and compiled once.
 */
public final class Ocpp16Schemas {

    /** What a charge point sends to the central system. */
    public static final Set<String> CHARGE_POINT_ACTIONS = Set.of("Authorize", "BootNotification", "DataTransfer",
            "DiagnosticsStatusNotification", "FirmwareStatusNotification", "Heartbeat", "MeterValues",
            "StartTransaction", "StatusNotification", "StopTransaction", "SignCertificate", "SecurityEventNotification");
    /** The commands the gateway sends to chargers. */
    public static final Set<String> COMMANDS = Arrays.stream(Ocpp16Command.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());
    /** What the gateway sends by itself and never on a caller's request: the certificate its charger CA signed. */
    public static final Set<String> GATEWAY_CALLS = Set.of("CertificateSigned");
    /** Every other OCPP 1.6 action: known, but not one a charger may send nor one the gateway sends. */
    public static final Set<String> OTHER_ACTIONS = Set.of("InstallCertificate", "DeleteCertificate",
            "GetInstalledCertificateIds", "GetLog", "SignedUpdateFirmware");

    private static final Map<String, JsonSchema> SCHEMAS = new HashMap<>();

    static {
        for (String action : CHARGE_POINT_ACTIONS) {
            load(action);
        }
        for (String action : COMMANDS) {
            load(action);
        }
        for (String action : GATEWAY_CALLS) {
            load(action);
        }
    }

    private Ocpp16Schemas() {
    }

    /** The schema of the request of an action this gateway receives or sends. */
    public static Optional<JsonSchema> request(String action) {
        return Optional.ofNullable(SCHEMAS.get(action + "Request"));
    }

    /** The schema of the answer to an action. */
    public static Optional<JsonSchema> response(String action) {
        return Optional.ofNullable(SCHEMAS.get(action + "Response"));
    }

    /** True for any action OCPP 1.6 defines, in either direction. */
    public static boolean isOcpp16Action(String action) {
        return CHARGE_POINT_ACTIONS.contains(action) || COMMANDS.contains(action) || GATEWAY_CALLS.contains(action)
                || OTHER_ACTIONS.contains(action);
    }

    private static void load(String action) {
        for (String name : new String[] {action + "Request", action + "Response"}) {
            if (!SCHEMAS.containsKey(name)) {
                SCHEMAS.put(name, JsonSchema.of(read("ocpp/v16/schemas/" + name + ".json")));
            }
        }
    }

    private static JsonNode read(String resource) {
        try (InputStream in = Ocpp16Schemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing OCPP schema " + resource);
            }
            return OcppJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read OCPP schema " + resource, e);
        }
    }
}
