package org.evsettle.gateway.ocpp.v201;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.evsettle.gateway.ocpp.JsonSchema;
import org.evsettle.gateway.ocpp.OcppError;
import org.evsettle.gateway.ocpp.OcppJson;
import org.evsettle.gateway.ocpp.v16.Ocpp16Schemas;

/**
 * What a command becomes on the connection it goes to: the version the connection speaks decides. A 1.6
 * charger takes 1.6 commands only. A 2.0.1 station takes a 2.0.1 command as it is and a 1.6 command translated
 * where OCPP 2.0.1 has its equivalent; a payload that fits the action's 2.0.1 schema is taken as 2.0.1 (where it
 * fits both, such as ClearCache or CancelReservation, both mean the same). 1.6's connectorId N is the station's
 * EVSE N (its connector 1 where OCPP asks for a connector), 0 the whole station. Pure: the two look-ups a
 * translation needs (the station's own transactionId, a fresh remoteStartId) come from the caller.
 */
public final class Ocpp201Commands {

    /** 1.6 card UIDs (4, 7 or 10 bytes as hex) go as ISO14443 tokens, the way the card presents itself. */
    private static final Pattern CARD_UID = Pattern.compile("(?i)[0-9a-f]{8}|[0-9a-f]{14}|[0-9a-f]{20}");
    /** What to use instead of a 1.6 command that OCPP 2.0.1 does not have (or the gateway does not send). */
    private static final Map<String, String> INSTEAD_OF_16 = Map.of(
            "GetConfiguration", "GetVariables or GetBaseReport",
            "ChangeConfiguration", "SetVariables",
            "GetDiagnostics", "none the gateway sends (OCPP 2.0.1 has GetLog)",
            "UpdateFirmware", "none the gateway sends to OCPP 2.0.1 stations yet",
            "GetCompositeSchedule", "none the gateway sends to OCPP 2.0.1 stations yet",
            "ExtendedTriggerMessage", "TriggerMessage");
    /** The 1.6 command to use instead of a 2.0.1 one, for a 1.6 charger. */
    private static final Map<String, String> INSTEAD_OF_201 = Map.ofEntries(
            Map.entry("RequestStartTransaction", "RemoteStartTransaction"),
            Map.entry("RequestStopTransaction", "RemoteStopTransaction"),
            Map.entry("GetVariables", "GetConfiguration"),
            Map.entry("SetVariables", "ChangeConfiguration"),
            Map.entry("GetBaseReport", "GetConfiguration"),
            Map.entry("GetTransactionStatus", "none: OCPP 1.6 has no equivalent"),
            Map.entry("CostUpdated", "none: OCPP 1.6 has no equivalent"));

    private Ocpp201Commands() {
    }

    /** The two look-ups a translation for one station needs (blocking: call from a worker thread). */
    public interface StationLookups {
        /** The station's own transactionId behind the gateway's int one; empty when the gateway never issued it to this station. */
        Optional<String> stationTransactionId(int transactionId);

        /** A remoteStartId no earlier RequestStartTransaction used. */
        int nextRemoteStartId();
    }

    /** What becomes of a command: sent as this action and payload, or refused without sending anything. */
    public sealed interface Route {
    }

    /** The CALL to send. */
    public record Send(String action, ObjectNode payload) implements Route {
    }

    /** Not sent, and why (it says the version the charger speaks and what to use instead). */
    public record Refused(String reason) implements Route {
    }

    /** The route of a command (action and payload as the caller sent them) on a connection speaking this subprotocol. */
    public static Route route(String subprotocol, String action, JsonNode payload, StationLookups lookups) {
        ObjectNode body = payload instanceof ObjectNode object ? object : OcppJson.mapper().createObjectNode();
        if (!Ocpp201.SUBPROTOCOL.equals(subprotocol)) {
            if (Ocpp16Schemas.COMMANDS.contains(action) && fits16(action, body)) {
                return new Send(action, body);
            }
            String instead = INSTEAD_OF_201.getOrDefault(action, action + " in its OCPP 1.6 form");
            return new Refused("The charger speaks OCPP 1.6 (ocpp1.6): " + action + " as sent is OCPP 2.0.1; use "
                    + instead);
        }
        if (Ocpp201Schemas.COMMANDS.contains(action) && fits201(action, body)) {
            return new Send(action, body);
        }
        if (!Ocpp16Schemas.COMMANDS.contains(action) || !fits16(action, body)) {
            return new Refused("The station speaks OCPP 2.0.1 (ocpp2.0.1): the payload fits no form of " + action);
        }
        if (INSTEAD_OF_16.containsKey(action)) {
            return new Refused("The station speaks OCPP 2.0.1 (ocpp2.0.1): " + action + " is OCPP 1.6 only; use "
                    + INSTEAD_OF_16.get(action));
        }
        Route translated = translate(action, body, lookups);
        if (translated instanceof Send send) {
            try {
                Ocpp201Schemas.request(send.action()).orElseThrow().validate(send.payload());
            } catch (OcppError broken) {
                return new Refused("The station speaks OCPP 2.0.1 (ocpp2.0.1): " + action + " in 2.0.1 terms breaks its "
                        + "schema (" + broken.getMessage() + "); send " + send.action() + " instead");
            }
        }
        return translated;
    }

    /** The 1.6 command in the terms of OCPP 2.0.1 (the payload fits the 1.6 schema). */
    static Route translate(String action, ObjectNode payload, StationLookups lookups) {
        ObjectNode out = OcppJson.mapper().createObjectNode();
        switch (action) {
            case "RemoteStartTransaction" -> {
                if (payload.path("connectorId").asInt(0) > 0) {
                    out.put("evseId", payload.get("connectorId").asInt());
                }
                out.put("remoteStartId", lookups.nextRemoteStartId());
                out.set("idToken", idToken(payload.get("idTag").asText()));
                if (payload.hasNonNull("chargingProfile")) {
                    out.set("chargingProfile", chargingProfile(payload.get("chargingProfile"), null));
                }
                return new Send("RequestStartTransaction", out);
            }
            case "RemoteStopTransaction" -> {
                int transactionId = payload.get("transactionId").asInt();
                Optional<String> station = lookups.stationTransactionId(transactionId);
                if (station.isEmpty()) {
                    return new Refused("The station speaks OCPP 2.0.1 (ocpp2.0.1): transactionId " + transactionId
                            + " is no transaction of this station the gateway knows; nothing was sent");
                }
                out.put("transactionId", station.get());
                return new Send("RequestStopTransaction", out);
            }
            case "Reset" -> {
                out.put("type", "Hard".equals(payload.get("type").asText()) ? "Immediate" : "OnIdle");
                return new Send("Reset", out);
            }
            case "ChangeAvailability" -> {
                int connectorId = payload.get("connectorId").asInt();
                out.put("operationalStatus", payload.get("type").asText());
                if (connectorId > 0) {
                    out.putObject("evse").put("id", connectorId);
                }
                return new Send("ChangeAvailability", out);
            }
            case "UnlockConnector" -> {
                out.put("evseId", payload.get("connectorId").asInt()).put("connectorId", 1);
                return new Send("UnlockConnector", out);
            }
            case "TriggerMessage" -> {
                String requested = payload.get("requestedMessage").asText();
                out.put("requestedMessage", "DiagnosticsStatusNotification".equals(requested)
                        ? "LogStatusNotification" : requested);
                if (payload.path("connectorId").asInt(0) > 0) {
                    ObjectNode evse = out.putObject("evse").put("id", payload.get("connectorId").asInt());
                    if ("StatusNotification".equals(requested)) {
                        evse.put("connectorId", 1); // 2.0.1 triggers a StatusNotification per connector
                    }
                }
                return new Send("TriggerMessage", out);
            }
            case "SendLocalList" -> {
                out.put("versionNumber", payload.get("listVersion").asInt()).put("updateType",
                        payload.get("updateType").asText());
                if (payload.has("localAuthorizationList")) {
                    ArrayNode list = out.putArray("localAuthorizationList");
                    payload.get("localAuthorizationList").forEach(entry -> list.add(authorizationData(entry)));
                }
                return new Send("SendLocalList", out);
            }
            case "ReserveNow" -> {
                out.put("id", payload.get("reservationId").asInt())
                        .put("expiryDateTime", payload.get("expiryDate").asText());
                out.set("idToken", idToken(payload.get("idTag").asText()));
                if (payload.path("connectorId").asInt(0) > 0) {
                    out.put("evseId", payload.get("connectorId").asInt());
                }
                if (payload.hasNonNull("parentIdTag")) {
                    out.set("groupIdToken", groupToken(payload.get("parentIdTag").asText()));
                }
                return new Send("ReserveNow", out);
            }
            case "SetChargingProfile" -> {
                JsonNode profile = payload.get("csChargingProfiles");
                String stationTransaction = null;
                if (profile.hasNonNull("transactionId")) {
                    int transactionId = profile.get("transactionId").asInt();
                    Optional<String> station = lookups.stationTransactionId(transactionId);
                    if (station.isEmpty()) {
                        return new Refused("The station speaks OCPP 2.0.1 (ocpp2.0.1): the profile's transactionId "
                                + transactionId + " is no transaction of this station the gateway knows; nothing was sent");
                    }
                    stationTransaction = station.get();
                }
                out.put("evseId", payload.get("connectorId").asInt());
                out.set("chargingProfile", chargingProfile(profile, stationTransaction));
                return new Send("SetChargingProfile", out);
            }
            case "ClearChargingProfile" -> {
                if (payload.hasNonNull("id")) {
                    out.put("chargingProfileId", payload.get("id").asInt());
                }
                ObjectNode criteria = OcppJson.mapper().createObjectNode();
                if (payload.hasNonNull("connectorId")) {
                    criteria.put("evseId", payload.get("connectorId").asInt());
                }
                if (payload.hasNonNull("chargingProfilePurpose")) {
                    criteria.put("chargingProfilePurpose", purpose(payload.get("chargingProfilePurpose").asText()));
                }
                if (payload.hasNonNull("stackLevel")) {
                    criteria.put("stackLevel", payload.get("stackLevel").asInt());
                }
                if (!criteria.isEmpty()) {
                    out.set("chargingProfileCriteria", criteria);
                }
                return new Send("ClearChargingProfile", out);
            }
            case "ClearCache", "GetLocalListVersion", "CancelReservation", "DataTransfer" -> {
                return new Send(action, payload);
            }
            default -> {
                return new Refused("The station speaks OCPP 2.0.1 (ocpp2.0.1): " + action + " has no 2.0.1 equivalent");
            }
        }
    }

    /**
     * A ReserveNow in the 1.6 form {@code Reservations} keeps (reservationId, connectorId, idTag, parentIdTag,
     * expiryDate), from either version's payload.
     */
    public static ObjectNode reservationOf(JsonNode reserveNow) {
        if (reserveNow.has("reservationId")) {
            return (ObjectNode) reserveNow;
        }
        ObjectNode kept = OcppJson.mapper().createObjectNode()
                .put("reservationId", reserveNow.path("id").asInt())
                .put("connectorId", reserveNow.path("evseId").asInt(0))
                .put("idTag", reserveNow.path("idToken").path("idToken").asText())
                .put("expiryDate", reserveNow.path("expiryDateTime").asText());
        if (reserveNow.path("groupIdToken").hasNonNull("idToken")) {
            kept.put("parentIdTag", reserveNow.get("groupIdToken").get("idToken").asText());
        }
        return kept;
    }

    /** A 1.6 idTag as a 2.0.1 idToken: a card's UID as ISO14443, anything else as a Central token. */
    static ObjectNode idToken(String idTag) {
        return OcppJson.mapper().createObjectNode().put("idToken", idTag)
                .put("type", CARD_UID.matcher(idTag).matches() ? "ISO14443" : "Central");
    }

    private static ObjectNode groupToken(String parentIdTag) {
        return OcppJson.mapper().createObjectNode().put("idToken", parentIdTag).put("type", "Central");
    }

    private static ObjectNode authorizationData(JsonNode entry) {
        ObjectNode data = OcppJson.mapper().createObjectNode();
        data.set("idToken", idToken(entry.get("idTag").asText()));
        JsonNode info = entry.get("idTagInfo");
        if (info != null && !info.isNull()) {
            ObjectNode tokenInfo = data.putObject("idTokenInfo").put("status", info.get("status").asText());
            if (info.hasNonNull("expiryDate")) {
                tokenInfo.put("cacheExpiryDateTime", info.get("expiryDate").asText());
            }
            if (info.hasNonNull("parentIdTag")) {
                tokenInfo.set("groupIdToken", groupToken(info.get("parentIdTag").asText()));
            }
        }
        return data;
    }

    /** A 1.6 csChargingProfiles in the 2.0.1 chargingProfile form; a TxProfile names the station's transaction. */
    static ObjectNode chargingProfile(JsonNode profile, String stationTransactionId) {
        int id = profile.get("chargingProfileId").asInt();
        ObjectNode out = OcppJson.mapper().createObjectNode()
                .put("id", id)
                .put("stackLevel", profile.get("stackLevel").asInt())
                .put("chargingProfilePurpose", purpose(profile.get("chargingProfilePurpose").asText()))
                .put("chargingProfileKind", profile.get("chargingProfileKind").asText());
        for (String field : new String[] {"recurrencyKind", "validFrom", "validTo"}) {
            if (profile.hasNonNull(field)) {
                out.put(field, profile.get(field).asText());
            }
        }
        if (stationTransactionId != null) {
            out.put("transactionId", stationTransactionId);
        }
        JsonNode schedule = profile.get("chargingSchedule");
        ObjectNode converted = OcppJson.mapper().createObjectNode().put("id", id);
        for (String field : new String[] {"startSchedule", "duration", "chargingRateUnit", "minChargingRate"}) {
            if (schedule.hasNonNull(field)) {
                converted.set(field, schedule.get(field));
            }
        }
        converted.set("chargingSchedulePeriod", schedule.get("chargingSchedulePeriod").deepCopy());
        out.putArray("chargingSchedule").add(converted);
        return out;
    }

    private static String purpose(String purpose16) {
        return "ChargePointMaxProfile".equals(purpose16) ? "ChargingStationMaxProfile" : purpose16;
    }

    private static boolean fits16(String action, JsonNode payload) {
        return fits(Ocpp16Schemas.request(action), payload);
    }

    private static boolean fits201(String action, JsonNode payload) {
        return fits(Ocpp201Schemas.request(action), payload);
    }

    private static boolean fits(Optional<JsonSchema> schema, JsonNode payload) {
        if (schema.isEmpty()) {
            return false;
        }
        try {
            schema.get().validate(payload);
            return true;
        } catch (OcppError broken) {
            return false;
        }
    }
}
