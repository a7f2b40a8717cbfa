package org.evsettle.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.evsettle.testkit.ChargePointConnection;

/**
 * OCPP 2.0.1 as a charging station with one EVSE and one connector speaks it: BootNotification (PowerUp),
 * StatusNotification of EVSE 1 connector 1, Authorize with an ISO14443 idToken, and each session as
 * TransactionEvents with the station's own transactionId (a UUID): Started (Authorized, the register at
 * Transaction.Begin), Updated every meter interval (MeterValuePeriodic, register and power), Ended
 * (StopAuthorized, stoppedReason Local, the register at Transaction.End). seqNo counts the station's
 * TransactionEvents from 0, one more for each; a message made while offline says {@code offline: true};
 * a message sent again is the same payload, seqNo included. It keeps what SetVariables sets and reports it
 * to GetVariables (a station fresh from the factory: no variable until the gateway sets it). Its latency is
 * recorded as "action (2.0.1)", TransactionEvent by eventType.
 */
final class Ocpp201Dialect implements OcppDialect {

    static final String VERSION = "2.0.1";
    private static final Map<String, String> ACCEPTED = Map.of("status", "Accepted");
    private static final Map<String, Integer> EVSE = Map.of("id", 1, "connectorId", 1);

    private final String chargePointId;
    private final Map<String, String> idToken;
    private final Calls calls;
    private final TransactionLedger ledger;
    /** Set variables by "component/variable" (instances and EVSEs left out: the station has one of each). */
    private final Map<String, String> variables = new ConcurrentHashMap<>();
    /** The station's next seqNo; its TransactionEvents are made one at a time, each scheduled after the one before. */
    private int seqNo;
    private volatile String transactionId;

    Ocpp201Dialect(String chargePointId, String idTag, Calls calls, TransactionLedger ledger) {
        this.chargePointId = chargePointId;
        this.idToken = Map.of("idToken", idTag, "type", "ISO14443");
        this.calls = calls;
        this.ledger = ledger;
    }

    /** The metric of a 2.0.1 action: its name and the version, so that 1.6 and 2.0.1 are told apart. */
    static String metric(String action) {
        return action + " (" + VERSION + ")";
    }

    @Override
    public String subprotocol() {
        return ChargePointConnection.SUBPROTOCOL_201;
    }

    @Override
    public void answerCommands(ChargePointConnection connection) {
        connection.onCall("GetVariables", this::getVariables)
                .onCall("SetVariables", this::setVariables)
                .onOtherCalls(payload -> ACCEPTED);
    }

    private Map<String, Object> getVariables(JsonNode request) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (JsonNode wanted : request.path("getVariableData")) {
            String value = variables.get(variableKey(wanted));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("attributeStatus", value == null ? "UnknownVariable" : "Accepted");
            if (value != null) {
                result.put("attributeValue", value);
            }
            result.put("component", wanted.path("component"));
            result.put("variable", wanted.path("variable"));
            results.add(result);
        }
        return Map.of("getVariableResult", results);
    }

    private Map<String, Object> setVariables(JsonNode request) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (JsonNode set : request.path("setVariableData")) {
            variables.put(variableKey(set), set.path("attributeValue").asText());
            results.add(Map.of("attributeStatus", "Accepted", "component", set.path("component"),
                    "variable", set.path("variable")));
        }
        return Map.of("setVariableResult", results);
    }

    private static String variableKey(JsonNode data) {
        return data.path("component").path("name").asText() + "/" + data.path("variable").path("name").asText();
    }

    @Override
    public void boot() {
        call("BootNotification", Map.of("reason", "PowerUp", "chargingStation", Map.of("model", "Go2",
                "vendorName", "Zaptec", "serialNumber", chargePointId, "firmwareVersion", "3.2.1.0")));
        status("Available");
    }

    @Override
    public void heartbeat() {
        call("Heartbeat", Map.of());
    }

    @Override
    public CompletableFuture<Boolean> start(long meterStartWh) {
        call("Authorize", Map.of("idToken", idToken));
        status("Occupied");
        transactionId = UUID.randomUUID().toString();
        Map<String, Object> event = event("Started", "Authorized", Map.of("transactionId", transactionId,
                "chargingState", "Charging"), List.of(register(meterStartWh, "Transaction.Begin")));
        event.put("idToken", idToken);
        event.put("evse", EVSE);
        transactionEvent(event);
        // the station has its own transactionId: it charges on without waiting for the answer, as offline
        return CompletableFuture.completedFuture(true);
    }

    @Override
    public void sample(long meterWh, int powerW) {
        transactionEvent(event("Updated", "MeterValuePeriodic", Map.of("transactionId", transactionId,
                "chargingState", "Charging"), List.of(register(meterWh, "Sample.Periodic"),
                sampled(powerW, "Power.Active.Import", "W", "Sample.Periodic"))));
    }

    @Override
    public void stop(long meterStopWh) {
        Map<String, Object> event = event("Ended", "StopAuthorized", Map.of("transactionId", transactionId,
                "chargingState", "EVConnected", "stoppedReason", "Local"),
                List.of(register(meterStopWh, "Transaction.End")));
        event.put("idToken", idToken);
        transactionEvent(event);
        status("Available");
    }

    private Map<String, Object> event(String eventType, String triggerReason, Map<String, Object> transactionInfo,
                                      List<Map<String, Object>> sampledValues) {
        Instant timestamp = now();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventType", eventType);
        event.put("timestamp", timestamp.toString());
        event.put("triggerReason", triggerReason);
        event.put("seqNo", seqNo++);
        event.put("transactionInfo", transactionInfo);
        if (!calls.online()) {
            event.put("offline", true);
        }
        event.put("meterValue", List.of(Map.of("timestamp", timestamp.toString(), "sampledValue", sampledValues)));
        return event;
    }

    private void transactionEvent(Map<String, Object> event) {
        String eventType = (String) event.get("eventType");
        String transaction = (String) ((Map<?, ?>) event.get("transactionInfo")).get("transactionId");
        int sequence = (Integer) event.get("seqNo");
        calls.call("TransactionEvent", metric("TransactionEvent " + eventType), Map.copyOf(event))
                .thenAccept(answer -> {
                    if (answer != null) {
                        ledger.transactionEvent(chargePointId, eventType, transaction, sequence);
                    }
                });
    }

    private static Map<String, Object> register(long wh, String context) {
        return sampled(wh, "Energy.Active.Import.Register", "Wh", context);
    }

    private static Map<String, Object> sampled(long value, String measurand, String unit, String context) {
        return Map.of("value", value, "context", context, "measurand", measurand, "unitOfMeasure", Map.of("unit", unit));
    }

    private void status(String connectorStatus) {
        call("StatusNotification", Map.of("timestamp", now().toString(), "connectorStatus", connectorStatus,
                "evseId", 1, "connectorId", 1));
    }

    private CompletableFuture<JsonNode> call(String action, Object payload) {
        return calls.call(action, metric(action), payload);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
